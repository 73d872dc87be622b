package com.videolinks.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flyway 3.1 encrypts the link and meeting passwords that earlier versions stored in plain text, and leaves values
 * already encrypted alone (#4).
 */
class SecretsAtRestMigrationTest {

    @TempDir
    Path dir;

    @Test
    void passwordsStoredInPlainTextBeforeVersion3AreEncryptedByTheMigration() throws Exception {
        DataSource database = database();
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("1").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("insert into app_user (username, password_hash, role) values ('o', 'x', 'OWNER')").update();
        jdbc.sql("""
                insert into site (id, name, owner_username, plan, time_zone, staff_self_service, link_in_confirmation_email,
                                  link_on_my_bookings, link_on_member_pages) values (1, 's', 'o', 'BUSINESS', 'UTC', true, true, true, true)
                """).update();
        jdbc.sql("""
                insert into conferencing_account (id, site_id, provider, connected, link_url, link_password, changed_at)
                values (1, 1, 'CUSTOM_LINK', true, 'https://meet.example.com/a', 'namaste', current_timestamp)
                """).update();
        jdbc.sql("""
                insert into service (id, site_id, name, kind, online, course_link_url, course_link_password)
                values (1, 1, 'c', 'COURSE', true, 'https://meet.example.com/c', 'course-pw')
                """).update();
        jdbc.sql("""
                insert into session (id, service_id, starts_at, ends_at, online, manual_link, manual_link_url, manual_link_password)
                values (1, 1, current_timestamp, current_timestamp, true, 'ADDED', 'https://meet.example.com/s', 'session-pw')
                """).update();
        jdbc.sql("""
                insert into zoom_meeting (session_id, account_id, meeting_id, join_url, password, created_at)
                values (1, 1, '123', 'https://zoom.example.com/j/123', 'meeting-pw', current_timestamp)
                """).update();

        SecretBox box = new SecretBox(SecretsConfiguration.key(new SecretsProperties(null, dir.resolve("key"))));
        Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .javaMigrations(new V3_1__EncryptSecretsAtRest(box)).load().migrate();

        Map<String, Object> stored = jdbc.sql("""
                select a.link_password a, v.course_link_password v, s.manual_link_password s, z.password z
                from conferencing_account a, service v, session s, zoom_meeting z
                """).query().singleRow();
        assertThat(stored.values()).allSatisfy(value -> assertThat((String) value).startsWith("enc:v1:"));
        assertThat(box.open((String) stored.get("A"), SecretPurpose.LINK_PASSWORD)).isEqualTo("namaste");
        assertThat(box.open((String) stored.get("V"), SecretPurpose.LINK_PASSWORD)).isEqualTo("course-pw");
        assertThat(box.open((String) stored.get("S"), SecretPurpose.LINK_PASSWORD)).isEqualTo("session-pw");
        assertThat(box.open((String) stored.get("Z"), SecretPurpose.MEETING_PASSWORD)).isEqualTo("meeting-pw");

        // running it again (a repair, a second node) encrypts nothing twice
        String before = (String) stored.get("A");
        try (Connection connection = database.getConnection()) {
            new V3_1__EncryptSecretsAtRest(box).migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
        assertThat(jdbc.sql("select link_password from conferencing_account").query(String.class).single()).isEqualTo(before);
    }

    private static DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migration-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }
}
