package com.videolinks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the videolinks service: link policy, HTTP API, workflows. */
@SpringBootApplication
public class VideolinksApplication {

    public static void main(String[] args) {
        SpringApplication.run(VideolinksApplication.class, args);
    }
}
