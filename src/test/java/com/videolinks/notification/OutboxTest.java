package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.videolinks.booking.BookingDesk;
import com.videolinks.booking.BookingMade;
import com.videolinks.booking.Bookings;
import com.videolinks.links.CourseLinkChanged;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.security.AppUsers;
import com.videolinks.support.StudioFixture;

/**
 * The outbox in the default configuration: no SMTP server, so the service runs and emails wait, visible; every row
 * commits with the change that caused it; the same change never makes two rows; a course of 10,000 customers is
 * written page by page (#5, S19).
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class OutboxTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    Outbox outbox;
    @Autowired
    BookingDesk desk;
    @Autowired
    Bookings bookings;
    @Autowired
    LinkChangeNotifications linkChanges;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    ApplicationEvents published;

    StudioFixture studio;

    @BeforeEach
    void buildStudio() throws Exception {
        studio = new StudioFixture(mvc, users);
    }

    @Test
    void withoutAnSmtpServerTheServiceRunsAndEmailsWaitVisibleUntilOneIsConfigured() throws Exception {
        assertThat(dispatcher.smtpConfigured()).isFalse();
        assertThat(dispatcher.dispatchDue()).isZero();

        studio.ownerApi.get("/api/sites/" + studio.siteId + "/notifications")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[*].kind", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("BOOKING_CONFIRMATION"))))
                .andExpect(jsonPath("$[*].status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("PENDING"))))
                .andExpect(jsonPath("$[*].attempts", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(0))))
                .andExpect(jsonPath("$[0].idempotencyKey", org.hamcrest.Matchers.startsWith("booking-confirmation:booking-")));
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/notifications?limit=0").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        studio.ownerApi.get("/api/notifications/999999999").andExpect(status().isNotFound());
    }

    @Test
    void aBookingAndItsConfirmationCommitOrRollBackTogether() {
        long session = studio.classSessionId;
        long customer = newCustomer();
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(status -> {
            desk.book(session, customer);
            status.setRollbackOnly();
        });
        assertThat(bookings.find(session, customer)).isEmpty();
        assertThat(rowsOfCustomer(customer)).isZero();

        desk.book(session, customer);
        assertThat(bookings.find(session, customer)).isPresent();
        assertThat(rowsOfCustomer(customer)).isEqualTo(1);
    }

    @Test
    void anEmailIsNeverWrittenOutsideTheTransactionOfItsChange() {
        assertThatThrownBy(() -> events.publishEvent(new BookingMade(1, studio.classSessionId, studio.customerId)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theSameChangeAnnouncedTwiceIsOneRow() {
        NewOutboxMessage message = NewOutboxMessage.sessionLinkNotice(studio.siteId, studio.customerId,
                bookings.find(studio.classSessionId, studio.customerId).orElseThrow().id(), studio.classSessionId, 7, null,
                null);

        assertThat(outbox.add(message, Instant.now())).isTrue();
        assertThat(outbox.add(message, Instant.now())).isFalse();
        assertThat(jdbc.sql("select count(*) from notification_outbox where idempotency_key = :key")
                .param("key", message.idempotencyKey()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void sentAndSkippedEmailsAreForgottenAfterTheirKeepingTimeButWaitingAndParkedOnesStay() {
        List<OutboxMessage> rows = outbox.list(studio.siteId, null, 10);
        jdbc.sql("update notification_outbox set status = 'SENT' where id = :id").param("id", rows.get(0).id()).update();
        jdbc.sql("update notification_outbox set status = 'SKIPPED' where id = :id").param("id", rows.get(1).id()).update();
        jdbc.sql("update notification_outbox set status = 'PARKED' where id = :id").param("id", rows.get(2).id()).update();

        Instant oldest = rows.stream().map(OutboxMessage::createdAt).min(Instant::compareTo).orElseThrow();
        outbox.deleteFinishedBefore(oldest); // nothing was written before that instant
        assertThat(outbox.list(studio.siteId, null, 10)).hasSize(4);
        outbox.deleteFinishedBefore(Instant.now().plusSeconds(1));

        assertThat(outbox.list(studio.siteId, null, 10)).extracting(OutboxMessage::status)
                .containsExactlyInAnyOrder(OutboxStatus.PARKED, OutboxStatus.PENDING);
    }

    @Test
    void s19_editingACourseLinkAnnouncesOldAndNewLinkForTheWorkflow() throws Exception {
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link", "{\"url\": \"https://meet.example.com/c1\"}");
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link", "{\"url\": \"https://meet.example.com/c2\"}");

        assertThat(published.stream(CourseLinkChanged.class).filter(e -> e.serviceId() == studio.courseId))
                .extracting(CourseLinkChanged::linkVersion, e -> e.oldLink() == null ? null : e.oldLink().url(), e -> e.newLink().url())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, null, "https://meet.example.com/c1"),
                        org.assertj.core.groups.Tuple.tuple(2, "https://meet.example.com/c1", "https://meet.example.com/c2"));
        // nobody is notified until the course workflow writes the emails (S19, ENGINES.md: page through customers)
        assertThat(outbox.list(studio.siteId, null, 100)).noneMatch(row -> row.kind() == NotificationKind.LINK_CHANGED);
    }

    @Test
    void s19_aCourseWithTenThousandCustomersIsWrittenInPagesEachCustomerOnce() throws Exception {
        int count = 10_000;
        long firstCustomer = jdbc.sql("select coalesce(max(id), 0) + 1 from customer").query(Long.class).single();
        jdbcTemplate.batchUpdate("insert into customer (site_id, name, email, locale, time_zone) values (?, ?, ?, 'ko', 'Asia/Seoul')",
                IntStream.range(0, count).mapToObj(i -> new Object[] {studio.siteId, "Customer " + i,
                        "c" + i + "-" + studio.siteId + "@example.com"}).toList());
        List<Long> ids = jdbc.sql("select id from customer where site_id = :site and id >= :first order by id")
                .param("site", studio.siteId).param("first", firstCustomer).query(Long.class).list();
        Timestamp now = Timestamp.from(Instant.now());
        jdbcTemplate.batchUpdate("insert into booking (session_id, customer_id, status, booked_at) values (?, ?, 'BOOKED', ?)",
                ids.stream().map(id -> new Object[] {studio.courseFutureSessionId, id, now}).toList());
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link", "{\"url\": \"https://meet.example.com/big\"}")
                .andExpect(status().isOk());

        Instant start = Instant.now();
        assertThat(linkChanges.courseLinkChanged(studio.courseId, 1, null)).isEqualTo(count + 1);
        Duration took = Duration.between(start, Instant.now());

        // a crashed run is simply run again: nothing is written twice
        assertThat(linkChanges.courseLinkChanged(studio.courseId, 1, null)).isZero();
        LinkChangeNotifications.CourseChunk first = linkChanges.courseLinkChangedChunk(studio.courseId, 1,
                new Link("https://meet.example.com/default", null, null), 0);
        assertThat(first.written()).isZero();
        assertThat(first.done()).isFalse();
        assertThat(first.lastCustomerId()).isGreaterThan(0);
        assertThat(jdbc.sql("select count(distinct customer_id) from notification_outbox where service_id = :course and link_version = 1")
                .param("course", studio.courseId).query(Long.class).single()).isEqualTo(count + 1);
        assertThat(took).as("10,000 customers in pages").isLessThan(Duration.ofSeconds(60));
    }

    private long newCustomer() {
        try {
            return studio.ownerApi.create("/api/sites/" + studio.siteId + "/customers",
                    "{\"name\": \"Jiwoo\", \"email\": \"jiwoo-" + System.nanoTime() + "@example.com\"}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long rowsOfCustomer(long customerId) {
        return jdbc.sql("select count(*) from notification_outbox where customer_id = :id").param("id", customerId)
                .query(Long.class).single();
    }
}
