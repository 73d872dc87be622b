package com.videolinks.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code videolinks.notifications.*}. */
@Configuration
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {
}
