package com.videolinks.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The announcement runs of rule releases ({@code rule_release_announcement}, V19): one per version that went live. */
@Repository
class ReleaseAnnouncementRuns {

    enum Outcome { ANNOUNCED, BASELINE, SUPERSEDED }

    record Run(long ruleVersionId, long afterSessionId, int sessionsChecked, int emailsWritten, Instant foundAt,
               Instant finishedAt, String outcome) {
    }

    private static final String ANY = "select count(*) from rule_release_announcement";
    private static final String INSERT = """
            insert into rule_release_announcement (rule_version_id, found_at, finished_at, outcome)
            values (:version, :now, :finishedAt, :outcome)
            """;
    private static final String SUPERSEDE = """
            update rule_release_announcement set finished_at = :now, outcome = 'SUPERSEDED', claimed_by = null,
                claimed_until = null
            where rule_version_id <> :version and finished_at is null
            """;
    private static final String CLAIM = """
            update rule_release_announcement set claimed_by = :claimer, claimed_until = :until
            where rule_version_id = :version and finished_at is null
              and (claimed_until is null or claimed_until < :now or claimed_by = :claimer)
            """;
    private static final String ADVANCE = """
            update rule_release_announcement set after_session_id = :after,
                sessions_checked = sessions_checked + :checked, emails_written = emails_written + :written,
                claimed_until = :until
            where rule_version_id = :version and claimed_by = :claimer and finished_at is null
            """;
    private static final String FINISH = """
            update rule_release_announcement set finished_at = :now, outcome = 'ANNOUNCED', claimed_by = null,
                claimed_until = null
            where rule_version_id = :version and claimed_by = :claimer and finished_at is null
            """;
    private static final String COLUMNS = """
            rule_version_id, after_session_id, sessions_checked, emails_written, found_at, finished_at, outcome
            """;
    private static final String FIND = "select " + COLUMNS + " from rule_release_announcement where rule_version_id = :version";
    private static final String FIND_ALL = "select " + COLUMNS
            + " from rule_release_announcement where rule_version_id in (:versions)";

    private final JdbcClient jdbc;

    ReleaseAnnouncementRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean anyRecorded() {
        return jdbc.sql(ANY).query(Long.class).single() > 0;
    }

    /** Records the version as live; false when it already was (by this node earlier, or another node). */
    boolean begin(long versionId, Instant now) {
        return insert(versionId, now, null, null);
    }

    /** Records the first version this database runs as already announced: there is nothing to compare it with. */
    boolean baseline(long versionId, Instant now) {
        return insert(versionId, now, now, Outcome.BASELINE.name());
    }

    /** Ends the unfinished runs of every other version: the newer live version's run compares every session. */
    int supersedeAllBut(long versionId, Instant now) {
        return jdbc.sql(SUPERSEDE).param("version", versionId).param("now", Timestamp.from(now)).update();
    }

    /** Takes the version's unfinished run until {@code until}, unless another live claim holds it. */
    Optional<Run> claim(long versionId, String claimer, Instant now, Instant until) {
        int claimed = jdbc.sql(CLAIM).param("version", versionId).param("claimer", claimer)
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).update();
        return claimed == 1 ? find(versionId) : Optional.empty();
    }

    /** Moves the cursor past one page and extends the claim; false when the claim was lost. */
    boolean advance(long versionId, String claimer, long afterSessionId, int checked, int written, Instant until) {
        return jdbc.sql(ADVANCE).param("version", versionId).param("claimer", claimer).param("after", afterSessionId)
                .param("checked", checked).param("written", written).param("until", Timestamp.from(until))
                .update() == 1;
    }

    boolean finish(long versionId, String claimer, Instant now) {
        return jdbc.sql(FINISH).param("version", versionId).param("claimer", claimer).param("now", Timestamp.from(now))
                .update() == 1;
    }

    Optional<Run> find(long versionId) {
        return jdbc.sql(FIND).param("version", versionId).query(ReleaseAnnouncementRuns::map).optional();
    }

    java.util.List<Run> findAll(java.util.Collection<Long> versionIds) {
        return versionIds.isEmpty() ? java.util.List.of() : jdbc.sql(FIND_ALL)
                .param("versions", java.util.List.copyOf(versionIds)).query(ReleaseAnnouncementRuns::map).list();
    }

    private static Run map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getLong("rule_version_id"), rs.getLong("after_session_id"), rs.getInt("sessions_checked"),
                rs.getInt("emails_written"), rs.getTimestamp("found_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("outcome"));
    }

    private boolean insert(long versionId, Instant now, Instant finishedAt, String outcome) {
        try {
            // outside any transaction: on PostgreSQL a refused insert would end the caller's transaction
            return jdbc.sql(INSERT).param("version", versionId).param("now", Timestamp.from(now))
                    .param("finishedAt", finishedAt == null ? null : Timestamp.from(finishedAt))
                    .param("outcome", outcome).update() == 1;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }
}
