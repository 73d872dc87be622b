package com.videolinks.links;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import com.videolinks.conferencing.AccountConnections;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.security.AppUsers;
import com.videolinks.support.StudioFixture;

/** The seed's link behaviour end to end through the HTTP API and the database. */
@SpringBootTest
@AutoConfigureMockMvc
class LinkApiScenariosTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;
    @Autowired
    ZoomMeetings meetings;
    @Autowired
    AccountConnections connections;

    StudioFixture studio;

    @BeforeEach
    void buildStudio() throws Exception {
        studio = new StudioFixture(mvc, users);
    }

    @Test
    void s3_s5_aCustomDefaultLinkIsSharedByEverySessionWithItsPasswordAndDescription() throws Exception {
        for (long session : new long[] {studio.classSessionId, studio.oneOnOneSessionId}) {
            studio.ownerApi.get(studio.link(session, "MY_BOOKINGS"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("SHOWN"))
                    .andExpect(jsonPath("$.source").value("SITE_DEFAULT"))
                    .andExpect(jsonPath("$.mode").value("SHARED"))
                    .andExpect(jsonPath("$.link.url").value("https://meet.example.com/default"))
                    .andExpect(jsonPath("$.link.password").value("pw1"))
                    .andExpect(jsonPath("$.link.description").value("Default room"))
                    .andExpect(jsonPath("$.ruleVersion").isNotEmpty());
        }
    }

    @Test
    void s10_s5_aStaffMembersZoomAccountReplacesTheDefaultAndIsPendingUntilItsMeetingExists() throws Exception {
        // as the end of Zoom's sign-in does (ZoomConnectFlowTest covers the sign-in itself)
        long accountId = connections.connectZoomStaff(studio.staffId, "hana@example.com", false).id();

        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS"))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.source").value("STAFF_ACCOUNT"))
                .andExpect(jsonPath("$.mode").value("PER_SESSION"))
                .andExpect(jsonPath("$.link").doesNotExist());

        meetings.record(studio.classSessionId, accountId, "999", "https://zoom.us/j/999", "123");
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS"))
                .andExpect(jsonPath("$.status").value("SHOWN"))
                .andExpect(jsonPath("$.link.url").value("https://zoom.us/j/999"))
                .andExpect(jsonPath("$.rules", hasItem("A Zoom account gives each session its own meeting")));
        // the other staff member has no account of their own: the default still serves their sessions
        studio.ownerApi.get(studio.link(studio.courseFutureSessionId, "MY_BOOKINGS"))
                .andExpect(jsonPath("$.source").value("SITE_DEFAULT"));
    }

    @Test
    void s9_disconnectingTheDefaultHidesEveryLinkIncludingStaffAccountsAndReconnectingBringsThemBack() throws Exception {
        studio.ownerApi.put("/api/staff/" + studio.staffId + "/account", """
                {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/hana"}}
                """).andExpect(status().isOk());
        studio.ownerApi.delete("/api/sites/" + studio.siteId + "/default-account")
                .andExpect(status().isOk()).andExpect(jsonPath("$.connected").value(false));

        for (long session : new long[] {studio.classSessionId, studio.courseFutureSessionId}) {
            studio.ownerApi.get(studio.link(session, "BUSINESS_CALENDAR"))
                    .andExpect(jsonPath("$.status").value("NONE"))
                    .andExpect(jsonPath("$.link").doesNotExist())
                    .andExpect(jsonPath("$.reasons[0]", containsString("S9")));
        }
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/default-account", """
                {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/new-default"}}
                """).andExpect(status().isOk());
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS"))
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/hana"));
        studio.ownerApi.get(studio.link(studio.courseFutureSessionId, "MY_BOOKINGS"))
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/new-default"));
    }

    @Test
    void s15_aStaffAccountCannotBeConnectedWhileTheDefaultIsDisconnected() throws Exception {
        studio.ownerApi.delete("/api/sites/" + studio.siteId + "/default-account").andExpect(status().isOk());

        studio.staffApi.put("/api/staff/" + studio.staffId + "/account", """
                {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/hana"}}
                """)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("staff-account-refused"))
                .andExpect(jsonPath("$.reasons[0]", containsString("S15")));
        studio.ownerApi.get("/api/staff/" + studio.staffId + "/account").andExpect(status().isNotFound());
    }

    @Test
    void s14_staffCannotConnectThemselvesWhereSelfServiceIsNotRolledOutButTheOwnerCan() throws Exception {
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/staff-self-service", "{\"enabled\": false}")
                .andExpect(status().isOk());
        String account = """
                {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/hana"}}
                """;
        studio.staffApi.put("/api/staff/" + studio.staffId + "/account", account)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reasons[0]", containsString("S14")));
        studio.ownerApi.put("/api/staff/" + studio.staffId + "/account", account).andExpect(status().isOk());
    }

    @Test
    void s4_aSiteWithoutAPremiumPlanShowsNoLinkAndCannotConnectStaffAccounts() throws Exception {
        studio.operatorApi.put("/api/sites/" + studio.siteId + "/plan", "{\"plan\": \"BASIC\"}").andExpect(status().isOk());

        studio.ownerApi.get(studio.link(studio.classSessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.status").value("NONE"))
                .andExpect(jsonPath("$.reasons[0]", containsString("S4")));
        studio.ownerApi.put("/api/staff/" + studio.staffId + "/account", """
                {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/hana"}}
                """).andExpect(status().isConflict()).andExpect(jsonPath("$.reasons[0]", containsString("S4")));

        studio.operatorApi.put("/api/sites/" + studio.siteId + "/plan", "{\"plan\": \"ECOMMERCE\"}").andExpect(status().isOk());
        studio.ownerApi.get(studio.link(studio.classSessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.status").value("SHOWN"));
    }

    @Test
    void s18_s19_aCourseLinkServesEveryPastAndFutureSessionAndAnEditChangesThemAll() throws Exception {
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link", """
                {"url": "https://meet.example.com/course-v1", "description": "Course room"}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.courseLinkVersion").value(1));
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link", """
                {"url": "https://meet.example.com/course-v2"}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.courseLinkVersion").value(2));

        for (long session : new long[] {studio.coursePastSessionId, studio.courseFutureSessionId}) {
            studio.ownerApi.get(studio.link(session, "MY_BOOKINGS"))
                    .andExpect(jsonPath("$.source").value("COURSE_LINK"))
                    .andExpect(jsonPath("$.link.url").value("https://meet.example.com/course-v2"));
        }
        studio.ownerApi.delete("/api/services/" + studio.courseId + "/course-link").andExpect(status().isOk());
        studio.ownerApi.get(studio.link(studio.courseFutureSessionId, "MY_BOOKINGS"))
                .andExpect(jsonPath("$.source").value("SITE_DEFAULT"));
    }

    @Test
    void s18_aCourseLinkNeedsACourseWithASavedSession() throws Exception {
        studio.ownerApi.put("/api/services/" + studio.classId + "/course-link", "{\"url\": \"https://meet.example.com/x\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not-a-course"));
        long emptyCourse = studio.ownerApi.create("/api/sites/" + studio.siteId + "/services",
                "{\"name\": \"Empty course\", \"kind\": \"COURSE\", \"online\": true}");
        studio.ownerApi.put("/api/services/" + emptyCourse + "/course-link", "{\"url\": \"https://meet.example.com/x\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("course-has-no-session"));
    }

    @Test
    void s11_staffAddAndRemoveALinkOnTheirOwnSessionAndCanUndoIt() throws Exception {
        studio.staffApi.put("/api/sessions/" + studio.classSessionId + "/link", """
                {"url": "https://meet.example.com/last-minute", "password": "9876"}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.manualLink").value("ADDED"));
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS"))
                .andExpect(jsonPath("$.source").value("SESSION_LINK"))
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/last-minute"));

        studio.staffApi.delete("/api/sessions/" + studio.classSessionId + "/link").andExpect(status().isOk());
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS"))
                .andExpect(jsonPath("$.status").value("NONE"))
                .andExpect(jsonPath("$.reasons[0]", containsString("S11")));

        studio.staffApi.delete("/api/sessions/" + studio.classSessionId + "/link-override").andExpect(status().isOk());
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS"))
                .andExpect(jsonPath("$.source").value("SITE_DEFAULT"));
    }

    @Test
    void s20_aLinkAddedToAnOfflineSessionMakesItReachableOnline() throws Exception {
        long offline = studio.ownerApi.create("/api/services/" + studio.classId + "/sessions", """
                {"staffId": %d, "startsAt": "2030-02-01T01:00:00Z", "endsAt": "2030-02-01T02:00:00Z", "online": false}
                """.formatted(studio.staffId));
        studio.ownerApi.get(studio.link(offline, "BUSINESS_CALENDAR")).andExpect(jsonPath("$.status").value("NONE"));

        studio.ownerApi.put("/api/sessions/" + offline + "/link", "{\"url\": \"https://meet.example.com/now-online\"}")
                .andExpect(status().isOk());
        studio.ownerApi.get(studio.link(offline, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.status").value("SHOWN"))
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/now-online"));
    }

    @Test
    void s21_s22_theBusinessHidesLinksPerChannelAndTheCustomerSeesNoTraceOfThem() throws Exception {
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/visibility", """
                {"confirmationEmail": false, "myBookings": false, "memberPages": true}
                """).andExpect(status().isOk());

        studio.ownerApi.get(studio.link(studio.classSessionId, "CONFIRMATION_EMAIL"))
                .andExpect(jsonPath("$.status").value("HIDDEN")).andExpect(jsonPath("$.link").doesNotExist());
        studio.ownerApi.get(studio.link(studio.classSessionId, "MEMBER_PAGES"))
                .andExpect(jsonPath("$.status").value("SHOWN"));
        studio.ownerApi.get(studio.link(studio.classSessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.status").value("SHOWN"));
        String myBookings = studio.customerApi.get("/api/me/bookings")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].videoLink.status").value("HIDDEN"))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(myBookings).doesNotContain("meet.example.com", "pw1", "Default room");

        studio.ownerApi.put("/api/sites/" + studio.siteId + "/visibility", """
                {"confirmationEmail": true, "myBookings": true, "memberPages": true}
                """).andExpect(status().isOk());
        studio.customerApi.get("/api/me/bookings")
                .andExpect(jsonPath("$[1].videoLink.status").value("SHOWN"))
                .andExpect(jsonPath("$[1].videoLink.url").value("https://meet.example.com/default"));
    }
}
