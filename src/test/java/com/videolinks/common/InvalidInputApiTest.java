package com.videolinks.common;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import com.videolinks.security.AppUsers;
import com.videolinks.support.StudioFixture;

/** Bad input gets a 400 naming the field (or 404 for unknown ids) and changes nothing. */
@SpringBootTest
@AutoConfigureMockMvc
class InvalidInputApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;

    StudioFixture studio;

    @BeforeEach
    void buildStudio() throws Exception {
        studio = new StudioFixture(mvc, users);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "ftp://files.example.com/room",
            "/relative/room",
            "meet.example.com/no-scheme",
            "https://",
            "https://user:secret@meet.example.com/room",
            "https://meet.example.com/a room",
            "JaVaScRiPt:alert(1)"})
    void aLinkThatIsNotAnAbsoluteHttpUrlIsRefusedAndTheOldLinkStays(String url) throws Exception {
        studio.ownerApi.put("/api/sessions/" + studio.classSessionId + "/link", "{\"url\": \"" + url + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS"))
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/default"));
    }

    @Test
    void anOverLongUrlPasswordOrDescriptionIsRefusedNamingEachField() throws Exception {
        String longUrl = "https://meet.example.com/" + "a".repeat(2100);
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/default-account", """
                {"provider": "CUSTOM_LINK", "link": {"url": "%s", "password": "%s", "description": "%s"}}
                """.formatted(longUrl, "p".repeat(101), "d".repeat(501)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder(
                        "link.description", "link.password", "link.url")));
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account")
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/default"));
    }

    @Test
    void aCustomLinkWithoutUrlAndAZoomAccountNamedInsteadOfSignedInAreRefused() throws Exception { // #4
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/default-account", "{\"provider\": \"CUSTOM_LINK\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("link"));
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/default-account", "{\"provider\": \"ZOOM\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("provider"))
                .andExpect(jsonPath("$.errors[0].message", containsString("zoom-authorization")));
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/default-account", """
                {"provider": "ZOOM", "zoomUser": "hana@example.com"}
                """).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("zoomUser"));
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/default-account", "{\"provider\": \"SKYPE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("provider"))
                .andExpect(jsonPath("$.errors[0].message", containsString("ZOOM")));
    }

    @Test
    void anUnknownFieldIsAnErrorNotSilentlyIgnored() throws Exception {
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/visibility", """
                {"confirmationEmail": true, "myBookings": true, "memberPages": true, "myBookingz": false}
                """).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("myBookingz"));
    }

    @Test
    void unknownIdsAnswer404() throws Exception {
        studio.ownerApi.get("/api/sessions/999999/link").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("session 999999 not found"));
        studio.ownerApi.get("/api/sites/999999").andExpect(status().isNotFound());
        studio.ownerApi.put("/api/services/999999/course-link", "{\"url\": \"https://meet.example.com/x\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void anUnknownChannelIsRefusedNamingTheParameter() throws Exception {
        studio.ownerApi.get("/api/sessions/" + studio.classSessionId + "/link?channel=SMS")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channel"));
    }

    @Test
    void aSessionMustEndAfterItStartsAndHaveAnAssignedStaffMember() throws Exception {
        studio.ownerApi.post("/api/services/" + studio.classId + "/sessions", """
                {"staffId": %d, "startsAt": "2030-01-01T10:00:00Z", "endsAt": "2030-01-01T09:00:00Z"}
                """.formatted(studio.staffId)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endsAt"));
        long stranger = studio.ownerApi.create("/api/sites/" + studio.siteId + "/staff",
                "{\"name\": \"New\", \"email\": \"new@example.com\"}");
        studio.ownerApi.post("/api/services/" + studio.classId + "/sessions", """
                {"staffId": %d, "startsAt": "2030-01-01T10:00:00Z", "endsAt": "2030-01-01T11:00:00Z"}
                """.formatted(stranger)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("staffId"));
    }

    @Test
    void anUnknownTimeZoneOrPlanIsRefused() throws Exception {
        studio.ownerApi.post("/api/sites", "{\"name\": \"X\", \"plan\": \"BUSINESS\", \"timeZone\": \"Mars/Olympus\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("timeZone"));
        studio.ownerApi.post("/api/sites", "{\"name\": \"X\", \"plan\": \"PLATINUM\", \"timeZone\": \"Asia/Seoul\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("plan"));
    }
}
