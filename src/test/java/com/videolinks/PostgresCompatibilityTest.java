package com.videolinks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.videolinks.links.SessionLinks;
import com.videolinks.policy.release.RuleReleases;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.support.LocalPostgres;

/**
 * The same migrations, repositories and engines run on PostgreSQL, the database a cluster of nodes shares: the whole
 * service starts on a real PostgreSQL server, loads the demo data and answers link questions.
 */
class PostgresCompatibilityTest {

    @Test
    void theServiceRunsOnPostgresqlWithTheSameSchemaAndSql() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(VideolinksApplication.class).run(
                     "--spring.datasource.url=" + postgres.jdbcUrl(),
                     "--spring.datasource.username=" + postgres.username(),
                     "--spring.datasource.password=",
                     "--server.port=0",
                     "--videolinks.demo-data.enabled=true",
                     "--camunda.bpm.process-engine-name=postgres",
                     "--spring.jmx.enabled=false")) {
            SessionLinks links = app.getBean(SessionLinks.class);
            assertThat(app.getBean(JdbcClient.class).sql("select version()").query(String.class).single())
                    .startsWith("PostgreSQL");

            assertThat(links.decide(1, Channel.MY_BOOKINGS).status()).isEqualTo(LinkStatus.SHOWN);
            assertThat(links.decide(2, Channel.MY_BOOKINGS).link().url()).isEqualTo("https://zoom.us/j/85012345678?pwd=demo");
            assertThat(links.decide(8, Channel.MY_BOOKINGS).status()).isEqualTo(LinkStatus.NONE);
            assertThat(app.getBean(RuleReleases.class).state().activeVersionId()).isPositive();
        }
    }
}
