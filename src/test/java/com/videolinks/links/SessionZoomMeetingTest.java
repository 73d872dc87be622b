package com.videolinks.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.session.Sessions;
import com.videolinks.support.ZoomTestBase;

/**
 * #13 item 4, S11: staff (on their own session) or the owner ask for a Zoom meeting for one session. The rules pick
 * its host and the meeting is created by the zoom-meeting-provisioning process like every other; a session that
 * cannot have one is refused with 409 and the reason, and nothing changes.
 */
class SessionZoomMeetingTest extends ZoomTestBase {

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ZoomMeetings meetings;
    @Autowired
    Sessions sessions;

    long hanasAccount;

    @BeforeEach
    void hanaConnectsHerZoom() throws Exception {
        hanasAccount = connectStaffZoom(studio.staffApi, studio.staffId);
    }

    @Test
    void s11_staffAskForAZoomMeetingOnTheirOwnCourseSessionAndTheProvisioningProcessCreatesItUnderTheirZoom()
            throws Exception {
        long sessionId = courseSession(studio.staffId, "2030-04-01T01:00:00Z");
        studio.ownerApi.get(studio.link(sessionId, "BUSINESS_CALENDAR")).andExpect(jsonPath("$.source").value("SITE_DEFAULT"));

        studio.staffApi.post("/api/sessions/" + sessionId + "/zoom-meeting", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.manualLink").value("ZOOM_ADDED"));

        studio.ownerApi.get(studio.link(sessionId, "BUSINESS_CALENDAR")).andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.source").value("SESSION_LINK"));
        runProvisioningOf(sessionId);
        assertThat(meetings.ofSession(sessionId)).singleElement()
                .satisfies(meeting -> assertThat(meeting.accountId()).isEqualTo(hanasAccount));
        studio.ownerApi.get(studio.link(sessionId, "BUSINESS_CALENDAR")).andExpect(jsonPath("$.status").value("SHOWN"))
                .andExpect(jsonPath("$.link.url").value(meetings.ofSession(sessionId).get(0).joinUrl()));

        // undone like a link added by hand: back to the course's link, the meeting goes
        studio.staffApi.delete("/api/sessions/" + sessionId + "/link-override").andExpect(status().isOk());
        runProvisioningOf(sessionId);
        assertThat(meetings.ofSession(sessionId)).isEmpty();
    }

    @Test
    void s11_aSessionWithoutAnyZoomAccountToHostItIsRefusedWithTheRulesReasonAndNothingChanges() throws Exception {
        // Tae has no Zoom of his own and the site's default is a custom link
        studio.ownerApi.post("/api/sessions/" + studio.courseFutureSessionId + "/zoom-meeting", "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("no-zoom-account"))
                .andExpect(jsonPath("$.reasons[0]", containsString("Zoom")));

        assertThat(sessions.get(studio.courseFutureSessionId).manualLink().name()).isEqualTo("NONE");
        studio.ownerApi.get(studio.link(studio.courseFutureSessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.status").value("SHOWN")).andExpect(jsonPath("$.source").value("SITE_DEFAULT"));
    }

    @Test
    void s11_theSessionsPageOffersAZoomMeetingExactlyWhereTheFormWouldGiveOne() throws Exception {
        long hanas = courseSession(studio.staffId, "2030-04-05T01:00:00Z"); // Hana's Zoom can host it
        long taes = studio.courseFutureSessionId; // Tae has no Zoom, the site's default is a custom link

        String page = mvc.perform(get("/dashboard/sites/" + studio.siteId + "/sessions").header("Accept-Language", "en")
                        .with(user(users.find(studio.owner).orElseThrow())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"zoom-meeting-" + hanas + "\"")
                .doesNotContain("id=\"zoom-meeting-unavailable-" + hanas + "\"")
                .doesNotContain("id=\"zoom-meeting-" + taes + "\"")
                .contains("id=\"zoom-meeting-unavailable-" + taes + "\"")
                .contains("No Zoom account can host a meeting of its own for this session");
        // and the form agrees with the page on both
        studio.ownerApi.post("/api/sessions/" + taes + "/zoom-meeting", "").andExpect(status().isConflict());
        studio.ownerApi.post("/api/sessions/" + hanas + "/zoom-meeting", "").andExpect(status().isOk());
        String after = mvc.perform(get("/dashboard/sites/" + studio.siteId + "/sessions").header("Accept-Language", "en")
                        .with(user(users.find(studio.owner).orElseThrow())))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).doesNotContain("id=\"zoom-meeting-" + hanas + "\"") // it has one now
                .doesNotContain("id=\"zoom-meeting-unavailable-" + hanas + "\"");
    }

    @Test
    void s11_s20_anOfflineOrCancelledSessionGetsNoZoomMeeting() throws Exception {
        long offline = courseSession(studio.staffId, "2030-04-02T01:00:00Z");
        studio.ownerApi.put("/api/sessions/" + offline + "/online", "{\"online\": false}").andExpect(status().isOk());
        studio.staffApi.post("/api/sessions/" + offline + "/zoom-meeting", "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("session-offline"));

        long cancelled = courseSession(studio.staffId, "2030-04-03T01:00:00Z");
        studio.ownerApi.post("/api/sessions/" + cancelled + "/cancellation", "").andExpect(status().isOk());
        studio.staffApi.post("/api/sessions/" + cancelled + "/zoom-meeting", "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("session-cancelled"));

        assertThat(sessions.get(offline).manualLink().name()).isEqualTo("NONE");
        assertThat(sessions.get(cancelled).manualLink().name()).isEqualTo("NONE");
    }

    @Test
    void staffCannotAskForAZoomMeetingOnAnotherStaffMembersSession() throws Exception {
        long hanas = courseSession(studio.staffId, "2030-04-04T01:00:00Z");

        studio.otherStaffApi.post("/api/sessions/" + hanas + "/zoom-meeting", "").andExpect(status().is4xxClientError());

        assertThat(sessions.get(hanas).manualLink().name()).isEqualTo("NONE");
        studio.staffApi.post("/api/sessions/" + hanas + "/zoom-meeting", "").andExpect(status().isOk()); // hers: yes
    }

    private long courseSession(long staffId, String startsAt) throws Exception {
        String json = studio.ownerApi.post("/api/services/" + studio.courseId + "/sessions", """
                {"staffId": %d, "startsAt": "%s", "endsAt": "%s"}
                """.formatted(staffId, startsAt, java.time.Instant.parse(startsAt).plusSeconds(3600)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private void runProvisioningOf(long sessionId) {
        List<Job> jobs = runtime.createProcessInstanceQuery().processDefinitionKey("zoom-meeting-provisioning")
                .processInstanceBusinessKey(String.valueOf(sessionId)).active().list().stream()
                .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).messages().list().stream())
                .toList();
        assertThat(jobs).as("provisioning jobs of session %d", sessionId).isNotEmpty();
        jobs.forEach(job -> management.executeJob(job.getId()));
    }
}
