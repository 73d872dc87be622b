package com.videolinks.support;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The two databases the service runs on, for tests of SQL that only matters under concurrency (#14 item 2): H2 (the
 * embedded default) and PostgreSQL (what a cluster shares; Debian's package, one throw-away server per test run).
 * Each {@link #fresh} call gives a new, migrated, empty database with a real connection pool.
 */
public final class SharedDatabases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static LocalPostgres postgres;

    private SharedDatabases() {
    }

    /** A migrated database of the service's schema; close it with {@link Database#close()}. */
    public static Database fresh(String kind) throws Exception {
        String name = "concurrency" + SEQUENCE.incrementAndGet();
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(12);
        if (kind.equals("h2")) {
            // lock waits as long as on PostgreSQL: H2's default of 1 s fails claims on a busy 2-core machine
            config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            config.setUsername("sa");
        } else if (kind.equals("postgresql")) {
            LocalPostgres server = postgres();
            try (HikariDataSource admin = new HikariDataSource(adminConfig(server))) {
                JdbcClient.create(admin).sql("create database " + name).update();
            }
            config.setJdbcUrl(server.jdbcUrl().replace("/postgres", "/" + name));
            config.setUsername(server.username());
        } else {
            throw new IllegalArgumentException(kind);
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new Database(kind, dataSource);
    }

    public record Database(String kind, HikariDataSource dataSource) implements AutoCloseable {

        public JdbcClient jdbc() {
            return JdbcClient.create(dataSource);
        }

        public PlatformTransactionManager transactions() {
            return new DataSourceTransactionManager(dataSource);
        }

        public DataSource source() {
            return dataSource;
        }

        @Override
        public void close() {
            dataSource.close();
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    private static HikariConfig adminConfig(LocalPostgres server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.username());
        config.setMaximumPoolSize(1);
        return config;
    }

    private static synchronized LocalPostgres postgres() throws Exception {
        if (postgres == null) {
            postgres = LocalPostgres.start();
            LocalPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the temporary folder goes with the machine's clean-up
                }
            }));
        }
        return postgres;
    }
}
