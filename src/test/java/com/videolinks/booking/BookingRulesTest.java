package com.videolinks.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.videolinks.common.ConflictException;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.support.Api;
import com.videolinks.support.As;
import com.videolinks.support.StudioFixture;

/**
 * #11: a session takes bookings only while it is upcoming, not cancelled and not full; a one-on-one session takes one
 * customer (S17). A refused booking is a 409 problem with a code and changes nothing (no booking, no email).
 */
@SpringBootTest
@AutoConfigureMockMvc
class BookingRulesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;
    @Autowired
    BookingDesk desk;
    @Autowired
    Bookings bookings;

    StudioFixture studio;
    long alex;
    Api alexApi;

    @BeforeEach
    void studioWithASecondCustomer() throws Exception {
        studio = new StudioFixture(mvc, users);
        alex = studio.ownerApi.create("/api/sites/" + studio.siteId + "/customers", """
                {"name": "Alex", "email": "alex-%s@example.com", "locale": "en"}
                """.formatted(studio.owner));
        users.create("alex-" + studio.owner, As.PASSWORD, Role.CUSTOMER, null, alex);
        alexApi = new Api(mvc, As.customer("alex-" + studio.owner));
    }

    @Test
    void aCustomerBooksAnUpcomingClassWithRoomLeft() throws Exception {
        alexApi.post("/api/sessions/" + studio.classSessionId + "/bookings", "{\"customerId\": " + alex + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("BOOKED"));
        assertThat(bookings.bookedOnSession(studio.classSessionId)).hasSize(2);
    }

    @Test
    void s17_aOneOnOneSessionRefusesASecondCustomer() throws Exception {
        int emails = emailsOfSite();
        alexApi.post("/api/sessions/" + studio.oneOnOneSessionId + "/bookings", "{\"customerId\": " + alex + "}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("session-full"))
                .andExpect(jsonPath("$.detail").value("Session " + studio.oneOnOneSessionId + " is full: 1 of 1 place booked"));
        assertThat(bookings.find(studio.oneOnOneSessionId, alex)).isEmpty();
        assertThat(emailsOfSite()).isEqualTo(emails);
    }

    @Test
    void aCancelledSessionTakesNoBookings() throws Exception {
        studio.ownerApi.post("/api/sessions/" + studio.classSessionId + "/cancellation", "").andExpect(status().isOk());
        alexApi.post("/api/sessions/" + studio.classSessionId + "/bookings", "{\"customerId\": " + alex + "}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("session-cancelled"));
        assertThat(bookings.find(studio.classSessionId, alex)).isEmpty();
    }

    @Test
    void aSessionThatHasStartedTakesNoBookingsNotEvenFromTheOwner() throws Exception {
        int emails = emailsOfSite();
        studio.ownerApi.post("/api/sessions/" + studio.coursePastSessionId + "/bookings", "{\"customerId\": " + alex + "}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("session-started"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("only sessions that have not started")));
        assertThat(bookings.find(studio.coursePastSessionId, alex)).isEmpty();
        assertThat(emailsOfSite()).isEqualTo(emails);
    }

    @Test
    void aClassTakesAsManyCustomersAsItsCapacityAndNoMore() throws Exception {
        long small = studio.ownerApi.create("/api/services/" + studio.classId + "/sessions", """
                {"staffId": %d, "startsAt": "2031-02-01T01:00:00Z", "endsAt": "2031-02-01T02:00:00Z", "capacity": 1}
                """.formatted(studio.staffId));
        studio.ownerApi.get("/api/sessions/" + small).andExpect(jsonPath("$.capacity").value(1));
        alexApi.post("/api/sessions/" + small + "/bookings", "{\"customerId\": " + alex + "}").andExpect(status().isCreated());
        studio.customerApi.post("/api/sessions/" + small + "/bookings", "{\"customerId\": " + studio.customerId + "}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("session-full"));
        assertThat(bookings.bookedOnSession(small)).extracting(Booking::customerId).containsExactly(alex);
    }

    @Test
    void aClassWithoutACapacityTakesTwentyAndAOneOnOneSessionOnlyOne() throws Exception {
        long group = studio.ownerApi.create("/api/services/" + studio.classId + "/sessions", """
                {"staffId": %d, "startsAt": "2031-02-02T01:00:00Z", "endsAt": "2031-02-02T02:00:00Z"}
                """.formatted(studio.staffId));
        studio.ownerApi.get("/api/sessions/" + group).andExpect(jsonPath("$.capacity").value(20));
        long before = sessionsOf(studio.oneOnOneId);
        studio.ownerApi.post("/api/services/" + studio.oneOnOneId + "/sessions", """
                {"staffId": %d, "startsAt": "2031-02-03T01:00:00Z", "endsAt": "2031-02-03T02:00:00Z", "capacity": 2}
                """.formatted(studio.staffId))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("capacity"))
                .andExpect(jsonPath("$.errors[0].message").value("a one-on-one session takes exactly one customer"));
        studio.ownerApi.post("/api/services/" + studio.classId + "/sessions", """
                {"staffId": %d, "startsAt": "2031-02-03T01:00:00Z", "endsAt": "2031-02-03T02:00:00Z", "capacity": 0}
                """.formatted(studio.staffId))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("capacity"));
        assertThat(sessionsOf(studio.oneOnOneId)).isEqualTo(before);
    }

    @Test
    void twoCustomersAskingForTheLastPlaceAtOnceGetOnePlaceBetweenThem() throws Exception {
        long last = studio.ownerApi.create("/api/services/" + studio.classId + "/sessions", """
                {"staffId": %d, "startsAt": "2031-02-04T01:00:00Z", "endsAt": "2031-02-04T02:00:00Z", "capacity": 1}
                """.formatted(studio.staffId));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (long customer : new long[] {alex, studio.customerId}) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        desk.book(last, customer);
                        return "booked";
                    } catch (ConflictException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).containsExactlyInAnyOrder("booked", "session-full");
            assertThat(bookings.bookedOnSession(last)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCustomerBooksForThemselvesOnlyAndACustomerOfAnotherBusinessIsUnknownHere() throws Exception {
        StudioFixture other = new StudioFixture(mvc, users);
        alexApi.post("/api/sessions/" + studio.classSessionId + "/bookings", "{\"customerId\": " + studio.customerId + "}")
                .andExpect(status().isForbidden());
        // another business's customer answers exactly what a customer id that exists nowhere answers
        String foreign = studio.ownerApi.post("/api/sessions/" + studio.classSessionId + "/bookings",
                "{\"customerId\": " + other.customerId + "}").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        String unknown = studio.ownerApi.post("/api/sessions/" + studio.classSessionId + "/bookings",
                "{\"customerId\": 987654321}").andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(foreign, "$.errors[0].field")).isEqualTo("customerId");
        assertThat(JsonPath.<String>read(foreign, "$.detail").replaceAll("\\d+", "#"))
                .isEqualTo(JsonPath.<String>read(unknown, "$.detail").replaceAll("\\d+", "#"));
        assertThat(bookings.find(studio.classSessionId, other.customerId)).isEmpty();
    }

    private int emailsOfSite() throws Exception {
        return JsonPath.<Integer>read(studio.ownerApi.get("/api/sites/" + studio.siteId + "/notifications?limit=500")
                .andReturn().getResponse().getContentAsString(), "$.length()");
    }

    private long sessionsOf(long serviceId) throws Exception {
        return JsonPath.<Integer>read(studio.ownerApi.get("/api/services/" + serviceId + "/sessions")
                .andReturn().getResponse().getContentAsString(), "$.length()");
    }
}
