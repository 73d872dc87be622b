package com.videolinks.common.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway 3.1: encrypts the secrets that V1 stored in plain text (custom-link and meeting passwords). A Java
 * migration because the key comes from configuration; Spring Boot hands Flyway every JavaMigration bean.
 * Idempotent: values already sealed are left alone.
 */
@Component
class V3_1__EncryptSecretsAtRest extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V3_1__EncryptSecretsAtRest.class);

    /** table, the key column(s), the secret column and its purpose. */
    private record SecretColumn(String table, String key, String column, String purpose) {
    }

    private static final List<SecretColumn> COLUMNS = List.of(
            new SecretColumn("conferencing_account", "id", "link_password", SecretPurpose.LINK_PASSWORD),
            new SecretColumn("service", "id", "course_link_password", SecretPurpose.LINK_PASSWORD),
            new SecretColumn("session", "id", "manual_link_password", SecretPurpose.LINK_PASSWORD),
            new SecretColumn("zoom_meeting", "session_id, account_id", "password", SecretPurpose.MEETING_PASSWORD));

    private final SecretBox box;

    V3_1__EncryptSecretsAtRest(SecretBox box) {
        this.box = box;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (SecretColumn column : COLUMNS) {
            int sealed = seal(connection, column);
            if (sealed > 0) {
                log.info("Encrypted {} existing {}.{} values", sealed, column.table(), column.column());
            }
        }
    }

    private int seal(Connection connection, SecretColumn column) throws SQLException {
        String[] keys = column.key().split(",\\s*");
        String select = "select " + column.key() + ", " + column.column() + " from " + column.table()
                + " where " + column.column() + " is not null";
        String where = String.join(" and ", java.util.Arrays.stream(keys).map(k -> k + " = ?").toList());
        String update = "update " + column.table() + " set " + column.column() + " = ? where " + where;
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String value = rs.getString(column.column());
                if (!SecretBox.isSealed(value)) {
                    Object[] row = new Object[keys.length + 1];
                    for (int i = 0; i < keys.length; i++) {
                        row[i] = rs.getLong(keys[i]);
                    }
                    row[keys.length] = value;
                    rows.add(row);
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            for (Object[] row : rows) {
                statement.setString(1, box.seal((String) row[keys.length], column.purpose()));
                for (int i = 0; i < keys.length; i++) {
                    statement.setLong(i + 2, (Long) row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
        return rows.size();
    }
}
