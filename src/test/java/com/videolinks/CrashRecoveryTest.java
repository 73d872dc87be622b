package com.videolinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.support.LocalPostgres;
import com.videolinks.support.ServiceProcess;
import com.videolinks.support.ServiceProcess.Response;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * #14 item 5: kill -9 of the service process in the middle of a course notification (S19) and of API writes, then a
 * restart on the same data. Every write the API acknowledged (201 Created) is still there; no email is lost; at most
 * the emails in flight (one per sending thread: one) arrive twice. On the embedded default (H2 file database, with
 * the shipped URL: WRITE_DELAY=0, docs/adr-008) and on PostgreSQL.
 */
class CrashRecoveryTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int CUSTOMERS = 200;
    private static final long COURSE = 3; // the demo's beginner course (sessions 4 and 5), site 1, owner mina
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final String LINK_CHANGED = "<link-changed.course-" + COURSE + ".";
    /** One dispatcher thread per node sends one email at a time. */
    private static final int EMAILS_IN_FLIGHT = 1;

    @TempDir
    Path data;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void killMinus9MidNotificationAndMidApiWritesLosesNoAcknowledgedWriteAndNoEmailAndDuplicatesAtMostTheOneInFlight(
            String database) throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(ServiceProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        LocalPostgres postgres = database.equals("postgresql") ? LocalPostgres.start() : null;
        try {
            List<String> arguments = arguments(database, postgres, smtp.getSmtp().getPort());
            ServiceProcess first = ServiceProcess.start(database + "-before-crash", arguments);
            try {
            List<Long> customers = bookCustomers(first);

            assertThat(first.put("/api/services/" + COURSE + "/course-link", "mina",
                    "{\"url\": \"https://meet.example.com/course-after-crash\"}").status()).isEqualTo(200);
            Map<Long, Instant> acknowledged = new ConcurrentHashMap<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> writeCustomersUntilTheCrash(first, acknowledged, writing), "api-writer");
            writer.start();

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(10))
                    .until(() -> linkChanged(smtp).size() >= CUSTOMERS / 3);
            first.kill();
            Instant crash = Instant.now();
            int sentBeforeCrash = linkChanged(smtp).size();
            writing.set(false);
            writer.join();
            assertThat(sentBeforeCrash).as("the crash came in the middle of the notification")
                    .isLessThan(CUSTOMERS);

            try (ServiceProcess second = ServiceProcess.start(database + "-after-crash", arguments)) {
                int lost = 0;
                for (long customer : acknowledged.keySet()) {
                    if (second.get("/api/customers/" + customer, "mina").status() != 200) {
                        lost++;
                        log.error("customer {} acknowledged {} ms before the crash is gone", customer,
                                Duration.between(acknowledged.get(customer), crash).toMillis());
                    }
                }
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                        .until(() -> missing(customers, linkChanged(smtp)).isEmpty());
                // a duplicate would come with the first rounds after the restart: nothing more may arrive
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> linkChanged(smtp).size(), size -> size == linkChanged(smtp).size());
                List<String> received = linkChanged(smtp);
                Map<String, Integer> copies = distinct(received);
                int duplicated = received.size() - copies.size();
                int emailsLost = missing(customers, received).size();
                long lastAck = acknowledged.values().stream().mapToLong(at -> Duration.between(at, crash).toMillis())
                        .min().orElse(-1);
                log.info("Crash figures ({}): {} writes acknowledged by the API before the kill (the last {} ms "
                                + "before it), {} lost; {} of {} link-changed emails sent before the kill; after the "
                                + "restart {} distinct emails, {} lost, {} duplicated",
                        database, acknowledged.size(), lastAck, lost, sentBeforeCrash, customers.size(), copies.size(),
                        emailsLost, duplicated);
                assertThat(acknowledged).as("API writes acknowledged before the kill").isNotEmpty();
                assertThat(lost).as("acknowledged writes lost").isZero();
                assertThat(emailsLost).as("customers without their link-changed email").isZero();
                assertThat(duplicated).as("emails received twice").isLessThanOrEqualTo(EMAILS_IN_FLIGHT);
            }
            } finally {
                first.close(); // killed already when the test got that far; not left running when it failed earlier
            }
        } finally {
            smtp.stop();
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private List<String> arguments(String database, LocalPostgres postgres, int smtpPort) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=demo",
                "--videolinks.secrets.key-file=" + data.resolve("secret.key"),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.starttls.enable=false",
                "--videolinks.notifications.dispatch.interval=100ms",
                // small rounds: the kill lands in the middle of the notification, not after it
                "--videolinks.notifications.dispatch.batch-size=10",
                "--videolinks.notifications.node-id=crash-node",
                "--videolinks.processes.course-delivery-check-every=PT1S",
                "--videolinks.rules.watch=false",
                "--camunda.bpm.job-execution.lock-time-in-millis=10000"));
        if (postgres == null) {
            arguments.add("--spring.datasource.url=" + shippedH2Url().replace("./data/", data + "/"));
        } else {
            arguments.addAll(List.of("--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + postgres.username(), "--spring.datasource.password="));
        }
        return arguments;
    }

    /** The embedded default exactly as shipped, so the test proves the default's durability, not its own. */
    private static String shippedH2Url() throws Exception {
        JsonNode yaml = new YAMLMapper().readTree(Files.readString(Path.of("src/main/resources/application.yml")));
        String url = yaml.at("/spring/datasource/url").asText();
        assertThat(url).startsWith("jdbc:h2:file:./data/");
        return url;
    }

    private static void writeCustomersUntilTheCrash(ServiceProcess service, Map<Long, Instant> acknowledged,
                                                    AtomicBoolean writing) {
        for (int i = 0; writing.get(); i++) {
            try {
                Response response = service.post("/api/sites/1/customers", "mina", """
                        {"name": "Written %d", "email": "written-%d@example.com", "locale": "ko"}
                        """.formatted(i, i));
                if (response.status() == 201) {
                    acknowledged.put(id(response), Instant.now());
                }
            } catch (Exception e) {
                if (!service.alive()) {
                    return; // the kill: what was not answered was not acknowledged
                }
            }
        }
    }

    /** {@value #CUSTOMERS} new customers booked on the course, through the API, four clients at once. */
    private static List<Long> bookCustomers(ServiceProcess service) throws Exception {
        // a course session with room for everyone (the demo's hold 20)
        java.time.Instant starts = java.time.Instant.now().plus(Duration.ofDays(10));
        long session = created(service.post("/api/services/" + COURSE + "/sessions", "mina", """
                {"startsAt": "%s", "endsAt": "%s", "online": true, "capacity": %d}
                """.formatted(starts, starts.plus(Duration.ofHours(1)), CUSTOMERS + 10)));
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Long>> booked = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                int n = i;
                booked.add(clients.submit(() -> {
                    long customer = created(service.post("/api/sites/1/customers", "mina", """
                            {"name": "Crash %d", "email": "crash-%d@example.com", "locale": "en", "timeZone": "Asia/Seoul"}
                            """.formatted(n, n)));
                    created(service.post("/api/sessions/" + session + "/bookings", "mina", "{\"customerId\": " + customer + "}"));
                    return customer;
                }));
            }
            List<Long> customers = new ArrayList<>();
            for (var customer : booked) {
                customers.add(customer.get());
            }
            return customers;
        } finally {
            clients.shutdownNow();
        }
    }

    private static long created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id(response);
    }

    private static long id(Response response) {
        Matcher id = ID.matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static List<String> linkChanged(GreenMail smtp) {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                String id = message.getMessageID();
                if (id != null && id.startsWith(LINK_CHANGED)) {
                    ids.add(id);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    private static List<Long> missing(List<Long> customers, List<String> messageIds) {
        java.util.Set<String> received = new java.util.HashSet<>(messageIds);
        return customers.stream().filter(customer -> received.stream()
                .noneMatch(id -> id.contains(".customer-" + customer + "@"))).toList();
    }

    private static Map<String, Integer> distinct(List<String> ids) {
        Map<String, Integer> copies = new HashMap<>();
        ids.forEach(id -> copies.merge(id, 1, Integer::sum));
        return copies;
    }
}
