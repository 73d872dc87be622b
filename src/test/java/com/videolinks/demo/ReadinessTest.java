package com.videolinks.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.videolinks.security.AppUsers;

/**
 * Health tells the truth (#9): while the start-up work runs (demo data, after the live rule version was loaded)
 * readiness refuses traffic; /actuator/health/readiness answers UP only once the demo users exist.
 */
@SpringBootTest(classes = {com.videolinks.VideolinksApplication.class, ReadinessTest.LastStartUpStep.class})
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class ReadinessTest {

    static final AtomicReference<ReadinessState> duringStartUp = new AtomicReference<>();
    static final AtomicReference<Boolean> demoUsersThen = new AtomicReference<>();

    @TestConfiguration
    static class LastStartUpStep {
        /** Runs after DemoData (lowest precedence): records what readiness said while start-up was still going. */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        ApplicationRunner recordReadiness(ApplicationAvailability availability, AppUsers users) {
            return args -> {
                duringStartUp.set(availability.getReadinessState());
                demoUsersThen.set(users.exists("mina"));
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void readinessIsUpOnlyOnceDemoDataAndTheLiveRuleVersionAreInPlace() throws Exception {
        assertThat(demoUsersThen.get()).as("demo data ran before the last start-up step").isTrue();
        assertThat(duringStartUp.get()).as("readiness while start-up runs").isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.components.rules.status").value("UP"));
    }
}
