package com.videolinks.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.videolinks.support.ConcurrencyFixture;
import com.videolinks.support.SharedDatabases;
import com.videolinks.support.SharedDatabases.Database;

/**
 * #14 item 2: the per-session row lock of Zoom meeting jobs, on H2 and on PostgreSQL: six jobs for one session (its
 * lock row not created yet, so they also race to create it) run their critical sections one after the other — a
 * read-modify-write inside the lock loses no update.
 */
class SessionSyncLocksOnBothDatabasesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void jobsForOneSessionTakeItsLockOneAfterTheOther(String kind) throws Exception {
        try (Database database = SharedDatabases.fresh(kind)) {
            JdbcClient jdbc = database.jdbc();
            long session = ConcurrencyFixture.session(jdbc, ConcurrencyFixture.site(jdbc));
            SessionSyncLocks locks = new SessionSyncLocks(jdbc, database.transactions());
            TransactionTemplate job = new TransactionTemplate(database.transactions());
            int rounds = 5;

            List<Integer> done = ConcurrencyFixture.together(6, () -> {
                for (int i = 0; i < rounds; i++) {
                    job.executeWithoutResult(status -> {
                        locks.lock(session);
                        int seen = jdbc.sql("select link_version from session where id = :id").param("id", session)
                                .query(Integer.class).single();
                        Thread.onSpinWait();
                        jdbc.sql("update session set link_version = :next where id = :id").param("next", seen + 1)
                                .param("id", session).update();
                    });
                }
                return rounds;
            });

            int expected = done.stream().mapToInt(Integer::intValue).sum();
            assertThat(jdbc.sql("select link_version from session where id = :id").param("id", session)
                    .query(Integer.class).single()).as("updates made under the lock").isEqualTo(expected);
        }
    }
}
