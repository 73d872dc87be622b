package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** #14 item 6: a nonsense notification setting stops the start and names the key, instead of a loop without end. */
class NotificationPropertiesValidationTest {

    @Configuration
    @EnableConfigurationProperties(NotificationProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void aCourseChunkOfZeroCustomersStopsTheStartNamingTheKey() {
        context.withPropertyValues("videolinks.notifications.course-chunk-size=0").run(started -> {
            assertThat(started).hasFailed();
            assertThat(messages(started.getStartupFailure()))
                    .contains("videolinks.notifications.course-chunk-size")
                    .contains("must be greater than or equal to 1");
        });
    }

    @Test
    void aBatchOfZeroEmailsAndAClaimShorterThanTheSmtpTimeoutsStopTheStart() {
        context.withPropertyValues("videolinks.notifications.dispatch.batch-size=0",
                "videolinks.notifications.dispatch.claim-for=1s").run(started -> {
            assertThat(started).hasFailed();
            assertThat(messages(started.getStartupFailure()))
                    .contains("dispatch.batchSize", "must be greater than or equal to 1")
                    .contains("dispatch.claimFor", "must be longer than or equal to 30 seconds");
        });
    }

    @Test
    void theShippedDefaultsAreValid() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(NotificationProperties.class).courseChunkSize()).isEqualTo(500);
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
