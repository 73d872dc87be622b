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

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.VideolinksApplication;
import com.videolinks.booking.Customers;
import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.conferencing.ConferencingAccounts;
import com.videolinks.links.LinkEditing;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.site.Visibility;
import com.videolinks.staff.StaffMembers;

/**
 * Course link update for N booked customers (issue #6): time from the edit until every link-changed email is
 * accepted by a local SMTP server (GreenMail, in process), for
 * <ol>
 * <li>the shipped {@code course-link-update} process: pages of customers, one job per page, rows in the outbox,
 *     the outbox dispatcher sends, and</li>
 * <li>a naive variant deployed by this benchmark: a parallel multi-instance with one async execution per customer,
 *     each writing that customer's outbox row (same key, same columns), the same dispatcher sending.</li>
 * </ol>
 * Both run in the same JVM on the embedded default (in-memory H2 here, job executor on, default thread counts),
 * against the same N customers, one after the other. Not a JMH benchmark: one long shot per variant.
 * <p>
 * Run: {@code mvn -Pbench test-compile exec:exec@course-notify -Dcourse.customers=10000} (benchmarks/README.md).
 */
public final class CourseNotifyBenchmark {

    static final String NAIVE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="naive-definitions"
                              targetNamespace="https://videolinks.example.com/bench">
              <bpmn:process id="course-link-update-naive" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="edited" />
                <bpmn:sequenceFlow id="toNotify" sourceRef="edited" targetRef="notifyCustomer" />
                <bpmn:serviceTask id="notifyCustomer" camunda:asyncBefore="true"
                                  camunda:delegateExpression="${naiveCustomerNotifying}">
                  <bpmn:extensionElements>
                    <camunda:failedJobRetryTimeCycle>R3/PT1S</camunda:failedJobRetryTimeCycle>
                  </bpmn:extensionElements>
                  <bpmn:multiInstanceLoopCharacteristics camunda:collection="${customerIds}" camunda:elementVariable="customerId"
                                                         camunda:asyncBefore="true" />
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="toDone" sourceRef="notifyCustomer" targetRef="done" />
                <bpmn:endEvent id="done" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    private static final String INSERT_ROW = """
            insert into notification_outbox (idempotency_key, kind, site_id, customer_id, service_id, link_version,
                                             old_link_url, status, attempts, next_attempt_at, created_at)
            select cast(:key as varchar(200)), 'LINK_CHANGED', :siteId, :customerId, :serviceId, :linkVersion,
                   cast(:oldUrl as varchar(2048)), 'PENDING', 0, :now, :now
            where not exists (select 1 from notification_outbox where idempotency_key = :key)
            """;

    /** The naive variant's per-customer task: one outbox row, as {@code LinkChangeNotifications} writes it. */
    static JavaDelegate naiveDelegate(ConfigurableApplicationContext context) {
        return (DelegateExecution execution) -> {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long customerId = ((Number) execution.getVariable("customerId")).longValue();
            long courseId = ((Number) execution.getVariable("courseId")).longValue();
            int version = ((Number) execution.getVariable("linkVersion")).intValue();
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.sql(INSERT_ROW).param("key", "link-changed:course-" + courseId + ":v" + version + ":customer-" + customerId)
                    .param("siteId", execution.getVariable("siteId")).param("customerId", customerId)
                    .param("serviceId", courseId).param("linkVersion", version)
                    .param("oldUrl", execution.getVariable("oldUrl")).param("now", now).update();
        };
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean naiveToo = args.length <= 1 || !"chunked-only".equals(args[1]);
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        List<String> appArgs = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:course-bench;DB_CLOSE_DELAY=-1",
                "--videolinks.demo-data.enabled=false",
                "--videolinks.rules.watch=false",
                "--videolinks.secrets.key-file=target/bench/secret.key",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                // the test classpath's config/application.yml turns the dispatcher off: on here
                "--videolinks.notifications.dispatch.enabled=true",
                "--videolinks.notifications.dispatch.interval=200ms",
                "--videolinks.notifications.dispatch.batch-size=500",
                "--videolinks.processes.course-delivery-check-every=PT1S",
                "--camunda.bpm.job-execution.enabled=true",
                "--logging.level.root=warn", "--logging.level.com.videolinks=warn",
                "--server.port=0"));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(VideolinksApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("naiveCustomerNotifying",
                        naiveDelegate(context)))
                .run(appArgs.toArray(String[]::new));
        try {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            engine.getRepositoryService().createDeployment().name("bench-naive")
                    .addString("course-link-update-naive.bpmn", NAIVE).deploy();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            app.getBean(AppUsers.class).create("bench-owner", "bench", Role.OWNER, null, null);
            Site site = app.getBean(Sites.class).create("Bench", "bench-owner", Plan.BUSINESS, ZoneId.of("Asia/Seoul"),
                    true, Visibility.everywhere());
            ConferencingAccount meet = app.getBean(ConferencingAccounts.class).connect(site.id(), null,
                    Provider.CUSTOM_LINK, null, new Link("https://meet.example.com/bench", null, null));
            app.getBean(Sites.class).setDefaultAccount(site.id(), meet.id());
            long staffId = app.getBean(StaffMembers.class).create(site.id(), "Teacher", "teacher@example.com").id();
            long courseA = course(app, site, staffId, "Chunked course");
            long courseB = course(app, site, staffId, "Naive course");
            long start = System.nanoTime();
            bookCustomers(jdbc, app.getBean(Customers.class), site.id(), List.of(courseA, courseB), customers);
            System.out.printf("setup: %d customers booked on two courses in %.1f s%n", customers,
                    (System.nanoTime() - start) / 1e9);
            waitForSmtp(smtp, 0, 5); // settle

            // 1. the shipped process, from the edit
            int before = smtp.getReceivedMessages().length;
            long edit = System.nanoTime();
            app.getBean(LinkEditing.class).changeCourseLink(courseA, new Link("https://meet.example.com/chunked-v2", null, null));
            double queued = waitForRows(jdbc, courseA, customers, edit);
            waitForSmtp(smtp, before + customers, 600);
            double chunked = (System.nanoTime() - edit) / 1e9;
            System.out.printf("chunked course-link-update: %d emails accepted by SMTP %.1f s after the edit "
                    + "(all rows in the outbox after %.1f s)%n", customers, chunked, queued);

            if (naiveToo) {
                // 2. the naive variant: one async execution per customer
                before = smtp.getReceivedMessages().length;
                edit = System.nanoTime();
                TransactionTemplate tx = app.getBean(TransactionTemplate.class);
                long b = courseB;
                tx.executeWithoutResult(status -> {
                    ServiceOfferings services = app.getBean(ServiceOfferings.class);
                    services.changeCourseLink(b, new Link("https://meet.example.com/naive-v2", null, null));
                    List<Long> ids = jdbc.sql("""
                            select distinct b.customer_id from booking b join session s on s.id = b.session_id
                            where s.service_id = :c order by b.customer_id""").param("c", b).query(Long.class).list();
                    engine.getRuntimeService().startProcessInstanceByKey("course-link-update-naive", String.valueOf(b),
                            Variables.createVariables().putValue("customerIds", ids).putValue("courseId", b)
                                    .putValue("linkVersion", services.get(b).courseLinkVersion())
                                    .putValue("siteId", site.id()).putValue("oldUrl", null));
                });
                double naiveQueued = waitForRows(jdbc, courseB, customers, edit);
                waitForSmtp(smtp, before + customers, 3600);
                double naive = (System.nanoTime() - edit) / 1e9;
                System.out.printf("naive multi-instance: %d emails accepted by SMTP %.1f s after the edit "
                        + "(all rows in the outbox after %.1f s)%n", customers, naive, naiveQueued);
                System.out.printf("speed-up: %.1fx%n", naive / chunked);
            }
        } finally {
            app.close();
            smtp.stop();
        }
    }

    private static long course(ConfigurableApplicationContext app, Site site, long staffId, String name) {
        ServiceOffering course = app.getBean(ServiceOfferings.class).create(site.id(), name, ServiceKind.COURSE, true);
        Instant first = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        app.getBean(Sessions.class).create(course.id(), staffId, first, first.plus(1, ChronoUnit.HOURS), true, 100_000);
        return course.id();
    }

    /** Customers and bookings straight into the tables: the benchmark measures the edit, not booking confirmations. */
    private static void bookCustomers(JdbcClient jdbc, Customers customers, long siteId, List<Long> courses, int count) {
        for (int i = 0; i < count; i++) {
            long customerId = customers.create(siteId, "Customer " + i, "c" + i + "@example.com", Locale.ENGLISH,
                    ZoneId.of("Asia/Seoul")).id();
            for (long course : courses) {
                jdbc.sql("""
                        insert into booking (session_id, customer_id, status, booked_at)
                        select id, :customer, 'BOOKED', :now from session where service_id = :course""")
                        .param("customer", customerId).param("course", course)
                        .param("now", Timestamp.from(Instant.now())).update();
            }
        }
    }

    private static double waitForRows(JdbcClient jdbc, long courseId, int expected, long since) throws InterruptedException {
        while (jdbc.sql("select count(*) from notification_outbox where service_id = :c").param("c", courseId)
                .query(Long.class).single() < expected) {
            Thread.sleep(100);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    private static double waitForSmtp(GreenMail smtp, int expected, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (smtp.getReceivedMessages().length < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + smtp.getReceivedMessages().length + " of " + expected
                        + " emails after " + timeoutSeconds + " s");
            }
            Thread.sleep(100);
        }
        return System.nanoTime() / 1e9;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private CourseNotifyBenchmark() {
    }
}
