package com.videolinks.bench;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.support.LocalPostgres;
import com.videolinks.support.ServiceProcess;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * #14: a course link edit for N customers (10,000 by default) on one node and on two nodes (separate JVMs) sharing
 * one PostgreSQL, edit to the last email accepted by the SMTP sink (GreenMail), and — in the same run, against the
 * same sink — the raw SMTP rate: N plain messages sent over one connection by one thread, the physical limit of a
 * node's single sending thread. Prints emails/s of each and the ratios. Not a JMH benchmark: one long shot each.
 */
public final class ClusterCourseNotifyBenchmark {

    private static final long COURSE = 3;
    private static final long FUTURE_SESSION = 5;

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        GreenMail smtp = new GreenMail(new ServerSetup(ServiceProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (LocalPostgres postgres = LocalPostgres.start(); HikariDataSource database = new HikariDataSource()) {
            database.setJdbcUrl(postgres.jdbcUrl());
            database.setUsername(postgres.username());
            List<String> common = List.of("--spring.profiles.active=demo", "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + postgres.username(), "--spring.datasource.password=",
                    "--videolinks.secrets.key=" + Base64.getEncoder().encodeToString(key),
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                    "--spring.mail.properties.mail.smtp.starttls.enable=false",
                    "--videolinks.notifications.dispatch.interval=200ms",
                    "--videolinks.notifications.dispatch.batch-size=100",
                    "--videolinks.rules.watch=false");
            ServiceProcess a = ServiceProcess.start("bench-a", with(common, "--videolinks.notifications.node-id=bench-a"));
            ServiceProcess b = null;
            try {
                JdbcClient jdbc = JdbcClient.create(database);
                book(jdbc, customers);
                int recipients = jdbc.sql("""
                        select count(distinct b.customer_id) from booking b join session s on s.id = b.session_id
                        where s.service_id = :course and b.status = 'BOOKED'
                        """).param("course", COURSE).query(Integer.class).single();

                double raw = rawSmtp(smtp, recipients);
                double oneNode = courseEdit(a, smtp, 2, recipients);
                b = ServiceProcess.start("bench-b", with(common, "--videolinks.notifications.node-id=bench-b"));
                double twoNodes = courseEdit(a, smtp, 3, recipients);

                System.out.printf("%nCourse notification, %d customers, PostgreSQL, GreenMail on loopback%n", recipients);
                System.out.printf("raw SMTP (one thread, one connection): %8.1f emails/s%n", raw);
                System.out.printf("one node:                              %8.1f emails/s  (%.2f of raw SMTP)%n",
                        oneNode, oneNode / raw);
                System.out.printf("two nodes:                             %8.1f emails/s  (%.2f of raw SMTP, %.2fx one node)%n",
                        twoNodes, twoNodes / raw, twoNodes / oneNode);
            } finally {
                a.close();
                if (b != null) {
                    b.close();
                }
            }
        } finally {
            smtp.stop();
        }
    }

    /** Edit to the last link-changed email of this version accepted by the sink; emails per second. */
    private static double courseEdit(ServiceProcess node, GreenMail smtp, int version, int recipients) throws Exception {
        String prefix = "<link-changed.course-" + COURSE + ".v" + version + ".";
        long start = System.nanoTime();
        ServiceProcess.Response edit = node.put("/api/services/" + COURSE + "/course-link", "mina",
                "{\"url\": \"https://meet.example.com/bench-v" + version + "\"}");
        if (edit.status() != 200) {
            throw new IllegalStateException("course edit answered " + edit.status() + ": " + edit.body());
        }
        while (count(smtp, prefix) < recipients) {
            if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("not all emails within 30 minutes: " + count(smtp, prefix));
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("link version %d: %d emails in %.1f s%n", version, recipients, seconds);
        return recipients / seconds;
    }

    private static long count(GreenMail smtp, String prefix) throws Exception {
        long n = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String id = message.getMessageID();
            if (id != null && id.startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    /** N messages of about the size of a link-changed email, one connection, one thread: emails per second. */
    private static double rawSmtp(GreenMail smtp, int count) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        String body = "x".repeat(4_000);
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("bench@videolinks.invalid"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("raw-" + i + "@example.com"));
                message.setSubject("raw " + i);
                message.setText(body);
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw SMTP: %d emails in %.1f s%n", count, seconds);
        return count / seconds;
    }

    private static void book(JdbcClient jdbc, int customers) {
        long site = jdbc.sql("select site_id from service where id = :id").param("id", COURSE).query(Long.class).single();
        for (int i = 0; i < customers; i++) {
            long customer = jdbc.sql("""
                    insert into customer (site_id, name, email, locale, time_zone)
                    values (:site, :name, :email, 'en', 'Asia/Seoul') returning id
                    """).param("site", site).param("name", "Bench " + i).param("email", "bench-" + i + "@example.com")
                    .query(Long.class).single();
            jdbc.sql("insert into booking (session_id, customer_id, status, booked_at) values (:session, :customer, 'BOOKED', now())")
                    .param("session", FUTURE_SESSION).param("customer", customer).update();
        }
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }
}
