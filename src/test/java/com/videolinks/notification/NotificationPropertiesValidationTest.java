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
    void aCustomerPageUrlWithoutThePathStopsTheStartNamingTheKey() {
        context.withPropertyValues("videolinks.notifications.customer-page-url=https://host.example/apps/videolinks")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(messages(started.getStartupFailure())).contains("customerPageUrl", "{path}");
                });
    }

    @Test
    void emailsLinkTheCustomersPagesDirectlyOrThroughTheHostsSignIn() {
        // #13: directly, for customers who sign in to the plugin's pages
        context.withPropertyValues("videolinks.notifications.public-base-url=https://bookings.example.com").run(started -> {
            NotificationProperties properties = started.getBean(NotificationProperties.class);
            assertThat(properties.myBookingsUrl()).isEqualTo("https://bookings.example.com/my-bookings");
            assertThat(properties.memberSessionUrl(7)).isEqualTo("https://bookings.example.com/member/sessions/7");
        });
        // through the host's page, which signs the customer in and opens /launch?to=<path>
        context.withPropertyValues("videolinks.notifications.customer-page-url=https://host.example/apps/vl?to={path}")
                .run(started -> {
                    NotificationProperties properties = started.getBean(NotificationProperties.class);
                    assertThat(properties.myBookingsUrl()).isEqualTo("https://host.example/apps/vl?to=%2Fmy-bookings");
                    assertThat(properties.memberSessionUrl(7))
                            .isEqualTo("https://host.example/apps/vl?to=%2Fmember%2Fsessions%2F7");
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
