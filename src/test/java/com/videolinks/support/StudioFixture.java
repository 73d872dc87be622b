package com.videolinks.support;

import java.util.UUID;

import org.springframework.test.web.servlet.MockMvc;

import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;

/**
 * A fresh business built through the API: an owner, a Business-plan site with a custom default link, two staff
 * members, a class, a one-on-one service, a course, sessions and a booked customer. Every name is unique, so
 * fixtures of several tests share one database without clashing.
 */
public final class StudioFixture {

    public final String owner;
    public final String staffUser;
    public final String otherStaffUser;
    public final String customerUser;
    public final Api ownerApi;
    public final Api staffApi;
    public final Api otherStaffApi;
    public final Api customerApi;
    /** An operator: in host mode only operators (and the host's events) change a site's plan or create sites (#10). */
    public final Api operatorApi;
    public final long siteId;
    public final long staffId;
    public final long otherStaffId;
    public final long classId;
    public final long oneOnOneId;
    public final long courseId;
    public final long classSessionId;
    public final long oneOnOneSessionId;
    public final long coursePastSessionId;
    public final long courseFutureSessionId;
    public final long customerId;

    public StudioFixture(MockMvc mvc, AppUsers users) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        owner = "owner-" + tag;
        users.create(owner, Api.PASSWORD, Role.OWNER, null, null);
        ownerApi = new Api(mvc, As.owner(owner));
        String operator = "ops-" + tag;
        users.create(operator, Api.PASSWORD, Role.OPERATOR, null, null);
        operatorApi = new Api(mvc, As.operator(operator));
        siteId = operatorApi.create("/api/sites", """
                {"name": "Studio %s", "plan": "BUSINESS", "timeZone": "Asia/Seoul", "staffSelfService": true, "owner": "%s"}
                """.formatted(tag, owner));
        ownerApi.put("/api/sites/" + siteId + "/default-account", """
                {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/default", "password": "pw1", "description": "Default room"}}
                """).andReturn();
        staffId = ownerApi.create("/api/sites/" + siteId + "/staff", """
                {"name": "Hana", "email": "hana-%s@example.com"}
                """.formatted(tag));
        otherStaffId = ownerApi.create("/api/sites/" + siteId + "/staff", """
                {"name": "Tae", "email": "tae-%s@example.com"}
                """.formatted(tag));
        staffUser = "staff-" + tag;
        otherStaffUser = "other-staff-" + tag;
        users.create(staffUser, Api.PASSWORD, Role.STAFF, staffId, null);
        users.create(otherStaffUser, Api.PASSWORD, Role.STAFF, otherStaffId, null);
        staffApi = new Api(mvc, As.staff(staffUser));
        otherStaffApi = new Api(mvc, As.staff(otherStaffUser));

        classId = service("Morning Flow", "CLASS");
        oneOnOneId = service("Private Coaching", "ONE_ON_ONE");
        courseId = service("Beginner Course", "COURSE");
        classSessionId = session(classId, staffId, "2030-01-10T01:00:00Z");
        oneOnOneSessionId = session(oneOnOneId, staffId, "2030-01-11T01:00:00Z");
        // booked while it was upcoming (only upcoming sessions take bookings), held since (see below)
        coursePastSessionId = session(courseId, otherStaffId, "2030-01-03T10:00:00Z");
        courseFutureSessionId = session(courseId, otherStaffId, "2030-01-17T10:00:00Z");

        customerId = ownerApi.create("/api/sites/" + siteId + "/customers", """
                {"name": "Soyeon", "email": "soyeon-%s@example.com", "locale": "ko"}
                """.formatted(tag));
        customerUser = "customer-" + tag;
        users.create(customerUser, Api.PASSWORD, Role.CUSTOMER, null, customerId);
        customerApi = new Api(mvc, As.customer(customerUser));
        for (long session : new long[] {classSessionId, oneOnOneSessionId, coursePastSessionId, courseFutureSessionId}) {
            ownerApi.create("/api/sessions/" + session + "/bookings", "{\"customerId\": " + customerId + "}");
        }
        ownerApi.put("/api/sessions/" + coursePastSessionId + "/schedule", """
                {"startsAt": "2020-01-10T10:00:00Z", "endsAt": "2020-01-10T11:00:00Z"}
                """).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }

    private long service(String name, String kind) throws Exception {
        long id = ownerApi.create("/api/sites/" + siteId + "/services", """
                {"name": "%s", "kind": "%s", "online": true}
                """.formatted(name, kind));
        ownerApi.put("/api/services/" + id + "/staff", """
                {"staffIds": [%d, %d]}
                """.formatted(staffId, otherStaffId)).andReturn();
        return id;
    }

    private long session(long serviceId, long staff, String startsAt) throws Exception {
        String endsAt = java.time.Instant.parse(startsAt).plusSeconds(3600).toString();
        return ownerApi.create("/api/services/" + serviceId + "/sessions", """
                {"staffId": %d, "startsAt": "%s", "endsAt": "%s"}
                """.formatted(staff, startsAt, endsAt));
    }

    public String link(long sessionId, String channel) {
        return "/api/sessions/" + sessionId + "/link?channel=" + channel;
    }
}
