package com.videolinks.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.support.Api;
import com.videolinks.support.As;
import com.videolinks.support.StudioFixture;

/**
 * #11, S13: staff read every session of their site on the business calendar, but a link's password only for their own
 * sessions (and a course link's for the courses they are assigned to). The owner and operators read every password.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LinkPasswordsForStaffTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;

    StudioFixture studio;

    @BeforeEach
    void studioWithAPasswordOnHanasSession() throws Exception {
        studio = new StudioFixture(mvc, users);
        studio.staffApi.put("/api/sessions/" + studio.classSessionId + "/link", """
                {"url": "https://meet.example.com/hana-room", "password": "hana-secret", "description": "Hana's room"}
                """).andExpect(status().isOk());
    }

    @Test
    void anotherStaffMemberSeesTheLinkOfAColleaguesSessionWithoutItsPassword() throws Exception {
        Map<String, Object> link = link(studio.otherStaffApi, studio.classSessionId);
        assertThat(link).containsEntry("url", "https://meet.example.com/hana-room")
                .containsEntry("description", "Hana's room");
        assertThat(link).doesNotContainKey("password");
        // the site's default link (password pw1) on Hana's one-on-one session: no password for Tae either
        assertThat(link(studio.otherStaffApi, studio.oneOnOneSessionId)).doesNotContainKey("password");
    }

    @Test
    void theSessionsStaffMemberAndTheOwnerSeeThePassword() throws Exception {
        assertThat(link(studio.staffApi, studio.classSessionId)).containsEntry("password", "hana-secret");
        assertThat(link(studio.ownerApi, studio.classSessionId)).containsEntry("password", "hana-secret");
        assertThat(link(studio.staffApi, studio.oneOnOneSessionId)).containsEntry("password", "pw1");
        // and Tae sees his own session's
        assertThat(link(studio.otherStaffApi, studio.courseFutureSessionId)).containsEntry("password", "pw1");
    }

    @Test
    void theSessionItselfAndTheServicesSessionListLeaveTheColleaguesPasswordOut() throws Exception {
        String one = body(studio.otherStaffApi, "/api/sessions/" + studio.classSessionId);
        assertThat(JsonPath.<String>read(one, "$.manualLinkValue.url")).isEqualTo("https://meet.example.com/hana-room");
        assertThat(JsonPath.<Map<String, Object>>read(one, "$.manualLinkValue")).doesNotContainKey("password");
        String list = body(studio.otherStaffApi, "/api/services/" + studio.classId + "/sessions");
        assertThat(JsonPath.<List<Object>>read(list, "$[*].manualLinkValue.url")).contains("https://meet.example.com/hana-room");
        assertThat(list).doesNotContain("hana-secret");

        assertThat(JsonPath.<String>read(body(studio.staffApi, "/api/sessions/" + studio.classSessionId),
                "$.manualLinkValue.password")).isEqualTo("hana-secret");
    }

    @Test
    void aCourseLinksPasswordIsForTheStaffAssignedToTheCourse() throws Exception {
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link", """
                {"url": "https://meet.example.com/course", "password": "course-secret"}
                """).andExpect(status().isOk());
        long minji = studio.ownerApi.create("/api/sites/" + studio.siteId + "/staff", """
                {"name": "Minji", "email": "minji-%s@example.com"}
                """.formatted(studio.owner));
        users.create("minji-" + studio.owner, As.PASSWORD, Role.STAFF, minji, null);
        Api minjiApi = new Api(mvc, As.staff("minji-" + studio.owner));

        String course = body(minjiApi, "/api/services/" + studio.courseId);
        assertThat(JsonPath.<String>read(course, "$.courseLink.url")).isEqualTo("https://meet.example.com/course");
        assertThat(JsonPath.<Map<String, Object>>read(course, "$.courseLink")).doesNotContainKey("password");
        assertThat(body(minjiApi, "/api/sites/" + studio.siteId + "/services")).doesNotContain("course-secret");
        assertThat(link(minjiApi, studio.courseFutureSessionId)).doesNotContainKey("password");

        assertThat(JsonPath.<String>read(body(studio.staffApi, "/api/services/" + studio.courseId), "$.courseLink.password"))
                .isEqualTo("course-secret");
        assertThat(link(studio.otherStaffApi, studio.courseFutureSessionId)).containsEntry("password", "course-secret");
    }

    private static Map<String, Object> link(Api api, long sessionId) throws Exception {
        String decision = body(api, "/api/sessions/" + sessionId + "/link?channel=BUSINESS_CALENDAR");
        assertThat(JsonPath.<String>read(decision, "$.status")).isEqualTo("SHOWN");
        return JsonPath.read(decision, "$.link");
    }

    private static String body(Api api, String path) throws Exception {
        return api.get(path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
