package com.videolinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Rooms with small doors, for data: every table has one owning feature, and only that feature's SQL names it; another
 * feature reads it through the owner's repository (e.g. the booking feature asks {@code Sessions} which sessions are a
 * course's instead of joining {@code session}). The owners are kept by hand here; a table a migration creates
 * without an owner fails the first test. Migrations themselves may touch any table.
 */
class TablesHaveOneOwnerTest {

    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("site", "site"),
            Map.entry("staff", "staff"),
            Map.entry("service", "catalog"), Map.entry("service_staff", "catalog"),
            Map.entry("session", "session"),
            Map.entry("booking", "booking"), Map.entry("customer", "booking"),
            Map.entry("conferencing_account", "conferencing"), Map.entry("zoom_authorization", "conferencing"),
            Map.entry("zoom_credential", "conferencing"), Map.entry("zoom_daily_quota", "conferencing"),
            Map.entry("zoom_grant_revocation", "conferencing"), Map.entry("zoom_meeting", "conferencing"),
            Map.entry("zoom_webhook_receipt", "conferencing"), Map.entry("zoom_creation_in_doubt", "conferencing"),
            Map.entry("notification_outbox", "notification"), Map.entry("notification_promised_link", "notification"),
            Map.entry("session_link_state", "notification"), Map.entry("calendar_entry", "notification"),
            Map.entry("rule_release_announcement", "notification"),
            Map.entry("business_alert", "alert"), Map.entry("business_alert_session", "alert"),
            Map.entry("rule_active", "policy"), Map.entry("rule_folder_seen", "policy"),
            Map.entry("rule_version", "policy"), Map.entry("rule_version_file", "policy"),
            Map.entry("host_entity_version", "host"), Map.entry("host_event", "host"),
            Map.entry("host_installation", "host"),
            Map.entry("app_user", "security"),
            Map.entry("account_relink", "workflow"), Map.entry("staff_onboarding_run", "workflow"),
            Map.entry("zoom_session_sync", "workflow"));

    static final Path MAIN = Path.of("src/main/java/com/videolinks");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private static final Pattern CREATED = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    /** A string constant's initializer, up to the semicolon that ends it (text blocks and concatenations included). */
    private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+\\w+\\s*=(.*?);\\s*\\n", Pattern.DOTALL);
    private static final Pattern SQL_ARGUMENT = Pattern.compile("\\.sql\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern STATEMENT = Pattern.compile("(?is)^\\s*(select|insert|update|delete|merge|with)\\b.*");
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+(\\w+)");

    @Test
    void everyTableTheMigrationsCreateHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        assertThat(created).isNotEmpty();
        assertThat(OWNER.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void aFeaturesSqlNamesOnlyTheTablesItOwns() throws IOException {
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String feature = MAIN.relativize(file).getName(0).toString();
                String source = Files.readString(file);
                if (source.contains("extends BaseJavaMigration")) {
                    continue; // a migration moves data between the tables of its version, whoever owns them
                }
                for (String sql : statements(source)) {
                    for (String table : tablesNamed(sql)) {
                        if (!feature.equals(OWNER.get(table))) {
                            trespasses.add(MAIN.relativize(file) + " (" + feature + ") names " + table + ", which "
                                    + OWNER.get(table) + " owns: " + sql.strip().replaceAll("\\s+", " "));
                        }
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }

    /** The checker itself: what it takes for SQL, and what it does not. */
    @Test
    void theCheckFindsTablesInConstantsAndSqlCallsButNotInLogLines() {
        String source = """
                class Example {
                    private static final String BY_SERVICE = "select s.id from session s " + WHERE
                            + " join service v on v.id = s.service_id";
                    private static final String BLOCK = \"""
                            update booking set status = 'X'
                            \""";
                    void run() {
                        jdbc.sql("delete from customer where id = :id").update();
                        log.info("Link removed by hand from session {}", id);
                    }
                }
                """;
        assertThat(statements(source).stream().flatMap(sql -> tablesNamed(sql).stream()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("session", "service", "booking", "customer");
    }

    static List<String> statements(String source) {
        List<String> statements = new ArrayList<>();
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            String text = literals(constant.group(1));
            if (STATEMENT.matcher(text).matches()) {
                statements.add(text);
            }
        }
        Matcher argument = SQL_ARGUMENT.matcher(source);
        while (argument.find()) {
            statements.add(literals(argument.group(1)));
        }
        return statements;
    }

    private static String literals(String expression) {
        StringBuilder text = new StringBuilder();
        Matcher literal = LITERAL.matcher(expression);
        while (literal.find()) {
            text.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append(' ');
        }
        return text.toString();
    }

    private static Set<String> tablesNamed(String sql) {
        Set<String> tables = new TreeSet<>();
        Matcher named = NAMED.matcher(sql);
        while (named.find()) {
            String name = named.group(1).toLowerCase();
            if (OWNER.containsKey(name)) {
                tables.add(name);
            }
        }
        return tables;
    }
}
