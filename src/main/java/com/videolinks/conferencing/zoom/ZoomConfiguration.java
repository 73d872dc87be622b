package com.videolinks.conferencing.zoom;

import java.net.http.HttpClient;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The HTTP clients for Zoom's REST API and its OAuth server, both with connect and read timeouts. */
@Configuration
@EnableConfigurationProperties(ZoomProperties.class)
class ZoomConfiguration {

    @Bean
    ZoomHttp zoomHttp(RestClient.Builder builder, ZoomProperties properties, Clock clock) {
        return new ZoomHttp(builder.clone().requestFactory(requestFactory(properties))
                .baseUrl(properties.apiBaseUrl().toString()).build(), new ZoomResilience(properties.retry(), clock));
    }

    @Bean
    ZoomOAuthClient zoomOAuthClient(RestClient.Builder builder, ZoomProperties properties, Clock clock) {
        return new ZoomOAuthClient(builder.clone().requestFactory(requestFactory(properties))
                .baseUrl(properties.oauthBaseUrl().toString()).build(), properties, clock);
    }

    static JdkClientHttpRequestFactory requestFactory(ZoomProperties properties) {
        // HTTP/1.1: no h2c upgrade dance with proxies and stand-ins; Zoom answers either way
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        return factory;
    }
}
