package com.videolinks.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The staff member's running onboarding, one row each (V14): the database, not a check before the start, keeps it to
 * one. Used inside the transaction that starts the process instance.
 */
@Repository
class OnboardingRuns {

    private static final String LOCK = """
            select process_instance_id from staff_onboarding_run where staff_id = :staffId for update
            """;
    private static final String FORGET = "delete from staff_onboarding_run where staff_id = :staffId";
    private static final String INSERT = """
            insert into staff_onboarding_run (staff_id, process_instance_id, started_at)
            values (:staffId, :instance, :now)
            """;

    private final JdbcClient jdbc;

    OnboardingRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The instance recorded for the staff member, its row locked until the transaction ends. */
    Optional<String> lockRecorded(long staffId) {
        return jdbc.sql(LOCK).param("staffId", staffId).query(String.class).optional();
    }

    void forget(long staffId) {
        jdbc.sql(FORGET).param("staffId", staffId).update();
    }

    /** Records the started instance; false when a concurrent start recorded one first. */
    boolean record(long staffId, String processInstanceId, Instant now) {
        try {
            jdbc.sql(INSERT).param("staffId", staffId).param("instance", processInstanceId)
                    .param("now", Timestamp.from(now)).update();
            return true;
        } catch (DuplicateKeyException concurrentStart) {
            return false;
        }
    }
}
