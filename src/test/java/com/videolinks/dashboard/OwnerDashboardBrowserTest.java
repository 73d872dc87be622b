package com.videolinks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.videolinks.security.AppUsers;
import com.videolinks.support.Api;
import com.videolinks.support.Browser;
import com.videolinks.support.StudioFixture;

/**
 * An owner's dashboard in headless Chromium (#12): the video conferencing of their site — a custom link connected
 * through the form (bad input refused next to the field, nothing stored), where links show, disconnecting after a
 * confirmation that lists the sessions losing their link (S9) — and services and sessions with each link's source
 * and reasons, a link added to one session, a course link edited up to "all sent" (S11, S18–S20).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class OwnerDashboardBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private Browser browser() throws IOException {
        if (browser == null) {
            browser = Browser.start(port, "ko-KR");
        }
        return browser;
    }

    @Test
    void s3_s9_s21_theOwnerConnectsACustomLinkChoosesWhereItShowsAndDisconnectsAfterSeeingWhichSessionsLoseTheirLink() throws Exception {
        StudioFixture studio = new StudioFixture(mvc, users);
        Browser b = browser();

        b.open("/login?site=" + studio.siteId);
        assertThat(b.text("#business")).isEqualTo("Studio " + studio.owner.substring(6));
        b.signIn(studio.owner, Api.PASSWORD);
        b.waitForUrl("/dashboard/sites/" + studio.siteId);
        assertThat(b.driver().getTitle()).contains("화상 회의");
        assertThat(b.text("#plan-name")).isEqualTo("비즈니스");
        assertThat(b.text("#current-default-url")).isEqualTo("https://meet.example.com/default");
        b.screenshot("owner-conferencing");

        // bad input: the message is next to the field, nothing is stored
        b.type("#default-url", "javascript:alert(1)");
        b.type("#default-description", "x".repeat(501));
        b.click("#connect-custom-link");
        assertThat(b.text("#default-url-error")).contains("http 또는 https");
        assertThat(b.text("#default-description-error")).contains("500");
        assertThat(b.find("#default-url").getAttribute("aria-invalid")).isEqualTo("true");
        b.screenshot("owner-conferencing-refused");
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account")
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/default"));
        b.type("#default-url", "");
        b.type("#default-description", "");
        b.click("#connect-custom-link");
        assertThat(b.text("#default-url-error")).isEqualTo("필수 항목입니다.");

        // a good custom link (S3): the sessions show it
        b.type("#default-url", "https://meet.example.com/studio-new");
        b.type("#default-password", "om");
        b.type("#default-description", "새 연습실");
        b.click("#connect-custom-link");
        b.waitForText("#notice", "기본 계정이 연결되었습니다");
        assertThat(b.text("#current-default-url")).isEqualTo("https://meet.example.com/studio-new");
        studio.ownerApi.get(studio.link(studio.classSessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/studio-new"));

        // S21: hide links from My Bookings
        b.click("#vis-my-bookings");
        b.click("#save-visibility");
        b.waitForText("#notice", "링크 표시 설정을 저장했습니다");
        assertThat(b.find("#vis-my-bookings").isSelected()).isFalse();
        studio.customerApi.get("/api/me/bookings").andExpect(jsonPath("$[0].videoLink.status").value("HIDDEN"));

        // S9: the confirmation lists every upcoming session that shows a link; nothing changes before confirming
        b.click("#disconnect-default");
        b.waitForUrl("/default-account/disconnect");
        assertThat(b.text("#disconnect-explanation")).contains("S9");
        assertThat(b.all("#losing tbody tr")).extracting(row -> row.getAttribute("data-session-id"))
                .containsExactlyInAnyOrder(String.valueOf(studio.classSessionId), String.valueOf(studio.oneOnOneSessionId),
                        String.valueOf(studio.courseFutureSessionId));
        b.screenshot("owner-disconnect-confirmation");
        studio.ownerApi.get(studio.link(studio.classSessionId, "BUSINESS_CALENDAR")).andExpect(jsonPath("$.status").value("SHOWN"));
        b.click("#confirm-disconnect");
        b.waitForText("#notice", "연결이 해제되었습니다");
        assertThat(b.find("#default-state").getAttribute("data-connected")).isEqualTo("false");
        for (long session : new long[] {studio.classSessionId, studio.oneOnOneSessionId, studio.courseFutureSessionId}) {
            studio.ownerApi.get(studio.link(session, "BUSINESS_CALENDAR")).andExpect(jsonPath("$.status").value("NONE"));
        }

        // a double submit (back, confirm again) changes nothing and says so
        b.driver().navigate().back();
        b.click("#confirm-disconnect");
        assertThat(b.pageText()).contains("이미 제출되었거나");
        String accounts = studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account").andReturn().getResponse().getContentAsString();
        assertThat((Boolean) JsonPath.read(accounts, "$.connected")).isFalse();
    }
}
