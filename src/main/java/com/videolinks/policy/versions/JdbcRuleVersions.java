package com.videolinks.policy.versions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.RuleFile;

@Repository
@DependsOnDatabaseInitialization
class JdbcRuleVersions implements RuleVersions {

    private static final String INSERT_VERSION = """
            insert into rule_version (hash, triggered_by, created_at, outcome, gate_millis)
            values (:hash, :triggeredBy, :now, 'CHECKING', 0)
            """;
    private static final String INSERT_FILE = """
            insert into rule_version_file (version_id, name, content) values (:id, :name, :content)
            """;
    private static final String FINISH = """
            update rule_version set outcome = :outcome, problems = :problems, gate_millis = :millis, coverage = :coverage
            where id = :id
            """;
    private static final String COLUMNS = "id, hash, triggered_by, created_at, outcome, problems, gate_millis, coverage";
    private static final String BY_ID = "select " + COLUMNS + " from rule_version where id = :id";
    private static final String HISTORY = "select " + COLUMNS + " from rule_version order by id desc limit :limit";
    private static final String FILES = "select name, content from rule_version_file where version_id = :id order by name";
    private static final String ACTIVE = "select version_id, changed_at, changed_by from rule_active where id = 1";
    private static final String UPDATE_ACTIVE = """
            update rule_active set version_id = :versionId, changed_at = :now, changed_by = :by where id = 1
            """;
    private static final String INSERT_ACTIVE = """
            insert into rule_active (id, version_id, changed_at, changed_by) values (1, :versionId, :now, :by)
            """;

    private static final String ATTEMPTED = "select count(*) from rule_version where hash = :hash";
    private static final String FOLDER_SEEN = "select hash, seen_at, seen_by from rule_folder_seen where id = 1";
    private static final String UPDATE_FOLDER_SEEN = """
            update rule_folder_seen set hash = :hash, seen_at = :now, seen_by = :by where id = 1
            """;
    private static final String INSERT_FOLDER_SEEN = """
            insert into rule_folder_seen (id, hash, seen_at, seen_by) values (1, :hash, :now, :by)
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcRuleVersions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long begin(RuleBundle bundle, String triggeredBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT_VERSION).param("hash", bundle.hash()).param("triggeredBy", truncate(triggeredBy, 200))
                .param("now", Timestamp.from(clock.instant())).update(key, "id");
        long id = key.getKey().longValue();
        for (RuleFile file : bundle.files()) {
            jdbc.sql(INSERT_FILE).param("id", id).param("name", file.name()).param("content", file.content()).update();
        }
        return id;
    }

    @Override
    public void finish(long id, RuleVersion.Outcome outcome, List<String> problems, long gateMillis, String coverage) {
        jdbc.sql(FINISH).param("id", id).param("outcome", outcome.name())
                .param("problems", problems.isEmpty() ? null : String.join("\n", problems))
                .param("millis", gateMillis).param("coverage", coverage).update();
    }

    @Override
    public Optional<RuleVersion> find(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(JdbcRuleVersions::map).optional();
    }

    @Override
    public List<RuleVersion> history(int limit) {
        return jdbc.sql(HISTORY).param("limit", limit).query(JdbcRuleVersions::map).list();
    }

    @Override
    public RuleBundle bundle(long id) {
        List<RuleFile> files = jdbc.sql(FILES).param("id", id)
                .query((rs, i) -> new RuleFile(rs.getString("name"), rs.getString("content"))).list();
        return RuleBundle.of(files);
    }

    @Override
    public Optional<ActiveVersion> active() {
        return jdbc.sql(ACTIVE).query((rs, i) -> new ActiveVersion(rs.getLong("version_id"),
                rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"))).optional();
    }

    @Override
    public void activate(long id, String changedBy) {
        Timestamp now = Timestamp.from(clock.instant());
        String by = truncate(changedBy, 200);
        if (jdbc.sql(UPDATE_ACTIVE).param("versionId", id).param("now", now).param("by", by).update() == 0) {
            try {
                jdbc.sql(INSERT_ACTIVE).param("versionId", id).param("now", now).param("by", by).update();
            } catch (DuplicateKeyException e) {
                // another node inserted the row first; ours is the later change
                jdbc.sql(UPDATE_ACTIVE).param("versionId", id).param("now", now).param("by", by).update();
            }
        }
    }

    @Override
    public boolean everAttempted(String hash) {
        return jdbc.sql(ATTEMPTED).param("hash", hash).query(Long.class).single() > 0;
    }

    @Override
    public Optional<FolderSeen> folderSeen() {
        return jdbc.sql(FOLDER_SEEN).query((rs, i) -> new FolderSeen(rs.getString("hash"),
                rs.getTimestamp("seen_at").toInstant(), rs.getString("seen_by"))).optional();
    }

    @Override
    public void recordFolderSeen(String hash, String seenBy) {
        Timestamp now = Timestamp.from(clock.instant());
        String by = truncate(seenBy, 200);
        if (jdbc.sql(UPDATE_FOLDER_SEEN).param("hash", hash).param("now", now).param("by", by).update() == 0) {
            try {
                jdbc.sql(INSERT_FOLDER_SEEN).param("hash", hash).param("now", now).param("by", by).update();
            } catch (DuplicateKeyException e) {
                // another node inserted the row first; ours is the later sighting
                jdbc.sql(UPDATE_FOLDER_SEEN).param("hash", hash).param("now", now).param("by", by).update();
            }
        }
    }

    private static RuleVersion map(ResultSet rs, int row) throws SQLException {
        String problems = rs.getString("problems");
        return new RuleVersion(rs.getLong("id"), rs.getString("hash"), rs.getString("triggered_by"),
                rs.getTimestamp("created_at").toInstant(), RuleVersion.Outcome.valueOf(rs.getString("outcome")),
                problems == null ? List.of() : Arrays.asList(problems.split("\n")), rs.getLong("gate_millis"),
                rs.getString("coverage"));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
