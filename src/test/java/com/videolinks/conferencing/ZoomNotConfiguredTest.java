package com.videolinks.conferencing;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.videolinks.security.AppUsers;
import com.videolinks.support.StudioFixture;

/** The embedded default has no Zoom app: the service runs, custom links work, Zoom says clearly it is not set up (#4). */
@SpringBootTest
@AutoConfigureMockMvc
class ZoomNotConfiguredTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;

    @Test
    void connectingZoomWithoutAZoomAppAnswersZoomNotConfigured() throws Exception {
        StudioFixture studio = new StudioFixture(mvc, users);
        studio.ownerApi.post("/api/sites/" + studio.siteId + "/default-account/zoom-authorization", "")
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("zoom-not-configured"))
                .andExpect(jsonPath("$.detail", containsString("videolinks.zoom.client-id")));
        studio.staffApi.post("/api/staff/" + studio.staffId + "/account/zoom-authorization", "")
                .andExpect(status().isServiceUnavailable()).andExpect(jsonPath("$.code").value("zoom-not-configured"));
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS")).andExpect(jsonPath("$.status").value("SHOWN"));
    }

    @Test
    void webhooksWithoutASecretTokenAreRefusedAsNotConfigured() throws Exception {
        mvc.perform(post("/api/zoom/webhooks").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .header("x-zm-request-timestamp", "1").header("x-zm-signature", "v0=00"))
                .andExpect(status().isServiceUnavailable()).andExpect(jsonPath("$.code").value("zoom-not-configured"));
    }
}
