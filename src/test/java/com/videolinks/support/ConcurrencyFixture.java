package com.videolinks.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows the concurrency tests need (a site, its customers, a session, an account) and threads that start together. */
public final class ConcurrencyFixture {

    private ConcurrencyFixture() {
    }

    /** A site with one owner; returns its id. */
    public static long site(JdbcClient jdbc) {
        jdbc.sql("insert into app_user (username, password_hash, role) values ('owner', 'x', 'OWNER')").update();
        jdbc.sql("""
                insert into site (name, owner_username, plan, time_zone, staff_self_service, link_in_confirmation_email,
                                  link_on_my_bookings, link_on_member_pages)
                values ('Concurrency', 'owner', 'BUSINESS', 'Asia/Seoul', true, true, true, true)
                """).update();
        return jdbc.sql("select max(id) from site").query(Long.class).single();
    }

    public static long customer(JdbcClient jdbc, long siteId, int n) {
        jdbc.sql("insert into customer (site_id, name, email, locale, time_zone) values (:site, :name, :email, 'en', 'UTC')")
                .param("site", siteId).param("name", "Customer " + n).param("email", "c" + n + "@example.com").update();
        return jdbc.sql("select max(id) from customer").query(Long.class).single();
    }

    public static long session(JdbcClient jdbc, long siteId) {
        jdbc.sql("insert into service (site_id, name, kind, online) values (:site, 'Class', 'CLASS', true)")
                .param("site", siteId).update();
        long service = jdbc.sql("select max(id) from service").query(Long.class).single();
        jdbc.sql("""
                insert into session (service_id, starts_at, ends_at, online, manual_link, capacity)
                values (:service, current_timestamp, current_timestamp, true, 'NONE', 20)
                """).param("service", service).update();
        return jdbc.sql("select max(id) from session").query(Long.class).single();
    }

    public static long zoomAccount(JdbcClient jdbc, long siteId) {
        jdbc.sql("""
                insert into conferencing_account (site_id, provider, connected, zoom_user, changed_at)
                values (:site, 'ZOOM', true, 'host@example.com', current_timestamp)
                """).param("site", siteId).update();
        return jdbc.sql("select max(id) from conferencing_account").query(Long.class).single();
    }

    /** Runs {@code threads} copies of the task, released at the same moment; returns their results. */
    public static <T> List<T> together(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
