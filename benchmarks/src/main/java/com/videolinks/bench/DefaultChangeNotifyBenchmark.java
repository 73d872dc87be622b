package com.videolinks.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.VideolinksApplication;
import com.videolinks.booking.Customers;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.conferencing.AccountConnections;
import com.videolinks.links.LinkEditing;
import com.videolinks.notification.LinkChangeNotices;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.site.Visibility;
import com.videolinks.staff.StaffMembers;

/**
 * Issue #13: a site's default account changes while N customers are booked on its upcoming class sessions; time
 * from the change until every link-changed email is accepted by a local SMTP server (GreenMail, in process), side
 * by side in the same JVM with the course link edit path (S19: the course-link-update process) for the same N
 * customers. Rounds alternate (default change, course edit, default change, course edit, ...) so a noisy machine
 * hits both alike.
 * <p>
 * Setup (not timed): one site with a custom-link default account, a class service of {@code N / 100} upcoming
 * sessions with 100 customers each, a course whose one session has all N customers booked, bookings written straight
 * into the table and the sessions' link states recorded once (what a booking records), so the first change has
 * something to compare with. The coalescing window is 0 s here: emails are due at once on both paths.
 * <p>
 * Run: {@code mvn -Pbench test-compile exec:exec@default-change-notify -Dnotify.customers=5000 -Dnotify.rounds=2}.
 */
public final class DefaultChangeNotifyBenchmark {

    private static final int PER_SESSION = 100;

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        List<String> appArgs = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:default-change-bench;DB_CLOSE_DELAY=-1",
                "--videolinks.demo-data.enabled=false",
                "--videolinks.rules.watch=false",
                "--videolinks.secrets.key-file=target/bench/secret.key",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                // the test classpath's config/application.yml turns the dispatcher off: on here
                "--videolinks.notifications.dispatch.enabled=true",
                "--videolinks.notifications.dispatch.interval=200ms",
                "--videolinks.notifications.dispatch.batch-size=500",
                "--videolinks.notifications.link-change-window=0s",
                "--videolinks.processes.course-delivery-check-every=PT1S",
                "--camunda.bpm.job-execution.enabled=true",
                "--logging.level.root=warn", "--logging.level.com.videolinks=warn",
                "--server.port=0"));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(VideolinksApplication.class)
                .run(appArgs.toArray(String[]::new));
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            app.getBean(AppUsers.class).create("bench-owner", "bench", Role.OWNER, null, null);
            Site site = app.getBean(Sites.class).create("Bench", "bench-owner", Plan.BUSINESS, ZoneId.of("Asia/Seoul"),
                    true, Visibility.everywhere());
            AccountConnections accounts = app.getBean(AccountConnections.class);
            accounts.connectDefaultCustomLink(site.id(), new Link("https://meet.example.com/bench-0", "pw0", null));
            long staffId = app.getBean(StaffMembers.class).create(site.id(), "Teacher", "teacher@example.com").id();
            ServiceOfferings services = app.getBean(ServiceOfferings.class);
            Sessions sessions = app.getBean(Sessions.class);
            Instant first = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            long classId = services.create(site.id(), "Class", ServiceKind.CLASS, true).id();
            List<Long> classSessions = new ArrayList<>();
            for (int i = 0; i * PER_SESSION < customers; i++) {
                Instant start = first.plus(i, ChronoUnit.HOURS);
                classSessions.add(sessions.create(classId, staffId, start, start.plus(50, ChronoUnit.MINUTES), true,
                        PER_SESSION).id());
            }
            long courseId = services.create(site.id(), "Course", ServiceKind.COURSE, true).id();
            long courseSession = sessions.create(courseId, staffId, first.minus(2, ChronoUnit.HOURS),
                    first.minus(1, ChronoUnit.HOURS), true, customers).id();
            // the course's first link straight into its row: through LinkEditing its workflow would run and tell the
            // customers booked below, mixing its emails into the first round
            services.changeCourseLink(courseId, new Link("https://meet.example.com/course-0", null, null));
            LinkEditing editing = app.getBean(LinkEditing.class);
            long setup = System.nanoTime();
            book(jdbc, app.getBean(Customers.class), site.id(), classSessions, courseSession, customers);
            List<Long> all = new ArrayList<>(classSessions);
            all.add(courseSession);
            app.getBean(LinkChangeNotices.class).sessionsChanged(all, "benchmark set-up: first look");
            System.out.printf("setup: %d customers booked on %d class sessions and one course session in %.1f s%n",
                    customers, classSessions.size(), (System.nanoTime() - setup) / 1e9);

            List<double[]> defaults = new ArrayList<>();
            List<double[]> courses = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                int before = smtp.getReceivedMessages().length;
                long edit = System.nanoTime();
                accounts.connectDefaultCustomLink(site.id(),
                        new Link("https://meet.example.com/bench-" + round, "pw" + round, null));
                double answered = (System.nanoTime() - edit) / 1e9;
                waitForSmtp(smtp, before + customers, 1800);
                double done = (System.nanoTime() - edit) / 1e9;
                defaults.add(new double[] {answered, done});
                System.out.printf("round %d, default account changed: call returned after %.1f s, %d emails accepted "
                        + "by SMTP after %.1f s (%.0f emails/s)%n", round, answered, customers, done, customers / done);

                before = smtp.getReceivedMessages().length;
                edit = System.nanoTime();
                editing.changeCourseLink(courseId, new Link("https://meet.example.com/course-" + round, null, null));
                answered = (System.nanoTime() - edit) / 1e9;
                waitForSmtp(smtp, before + customers, 1800);
                done = (System.nanoTime() - edit) / 1e9;
                courses.add(new double[] {answered, done});
                System.out.printf("round %d, course link edited: call returned after %.1f s, %d emails accepted by "
                        + "SMTP after %.1f s (%.0f emails/s)%n", round, answered, customers, done, customers / done);
            }
            double d = defaults.stream().mapToDouble(r -> r[1]).average().orElseThrow();
            double c = courses.stream().mapToDouble(r -> r[1]).average().orElseThrow();
            System.out.printf("mean over %d rounds: default change %.1f s, course edit %.1f s, default / course %.2f%n",
                    rounds, d, c, d / c);
            long extra = jdbc.sql("select count(*) from notification_outbox where kind = 'LINK_CHANGED'")
                    .query(Long.class).single();
            System.out.printf("LINK_CHANGED rows in the outbox: %d (%d emails expected)%n", extra, 2L * rounds * customers);
            jdbc.sql("""
                    select status, case when session_id is null then 'course' else 'session' end as path, count(*) as n
                    from notification_outbox where kind = 'LINK_CHANGED' group by status, path order by path, status""")
                    .query((rs, i) -> rs.getString("path") + " " + rs.getString("status") + ": " + rs.getLong("n"))
                    .list().forEach(line -> System.out.println("  " + line));
        } finally {
            app.close();
            smtp.stop();
        }
    }

    /** Customers and bookings straight into the tables: the benchmark measures the change, not the bookings. */
    private static void book(JdbcClient jdbc, Customers customers, long siteId, List<Long> classSessions,
                             long courseSession, int count) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            long customerId = customers.create(siteId, "Customer " + i, "c" + i + "@example.com", Locale.ENGLISH,
                    ZoneId.of("Asia/Seoul")).id();
            for (long session : List.of(classSessions.get(i / PER_SESSION), courseSession)) {
                jdbc.sql("insert into booking (session_id, customer_id, status, booked_at) values (:s, :c, 'BOOKED', :now)")
                        .param("s", session).param("c", customerId).param("now", now).update();
            }
        }
    }

    private static void waitForSmtp(GreenMail smtp, int expected, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (smtp.getReceivedMessages().length < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + smtp.getReceivedMessages().length + " of " + expected
                        + " emails after " + timeoutSeconds + " s");
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private DefaultChangeNotifyBenchmark() {
    }
}
