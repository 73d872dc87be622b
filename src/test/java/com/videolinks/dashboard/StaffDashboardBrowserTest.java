package com.videolinks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import com.videolinks.security.AppUsers;
import com.videolinks.support.Api;
import com.videolinks.support.Browser;
import com.videolinks.support.StudioFixture;

/**
 * A staff member's "Manage video conferencing" in headless Chromium (S13–S16, #12): refused with the policy's reason
 * while the site's default account is disconnected (S15), then connecting their own custom link, and their own
 * sessions with a link removed by hand (S11); the owner's pages stay closed to them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class StaffDashboardBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void s13_s15_s16_staffAreRefusedWithThePolicysReasonUntilTheDefaultIsBackThenConnectTheirOwnLink() throws Exception {
        StudioFixture studio = new StudioFixture(mvc, users);
        studio.ownerApi.delete("/api/sites/" + studio.siteId + "/default-account").andExpect(status().isOk());
        browser = Browser.start(port, "ko-KR");
        Browser b = browser;

        b.signIn(studio.staffUser, Api.PASSWORD);
        b.waitForUrl("/dashboard/staff/me");
        assertThat(b.driver().getTitle()).contains("화상 회의 관리");
        assertThat(b.text("#policy-refusal")).contains("S15");

        // S15: the policy refuses, the page says why, nothing is stored
        b.type("#me-url", "https://meet.example.com/hana");
        b.click("#my-link-connect");
        b.waitForText("#my-account .form-errors", "정책상 지금은 이 계정을 연결할 수 없습니다"); // the answer is a new page
        assertThat(b.text("#my-account .form-errors")).contains("이유:");
        b.screenshot("staff-refused-default-disconnected");
        studio.staffApi.get("/api/staff/" + studio.staffId + "/account").andExpect(status().isNotFound());

        // the owner connects a default account again: now the staff member may (S13, S16)
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/default-account", """
                {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/default-2"}}
                """).andExpect(status().isOk());
        b.open("/dashboard/staff/me");
        assertThat(b.all("#policy-refusal")).isEmpty();
        b.type("#me-url", "");
        b.click("#my-link-connect");
        b.waitForText("#me-url-error", "필수 항목입니다.");
        b.type("#me-url", "https://meet.example.com/hana");
        b.type("#me-password", "hana-pw");
        b.click("#my-link-connect");
        b.waitForText("#notice", "계정이 연결되었습니다");
        assertThat(b.find("#my-account .account-state").getAttribute("data-state")).isEqualTo("CONNECTED");
        studio.staffApi.get("/api/staff/" + studio.staffId + "/account")
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/hana"));

        // their own sessions only, with the link their account gives (S10, S17), and a link removed by hand (S11)
        String row = "#session-" + studio.oneOnOneSessionId;
        assertThat(b.find(row + " .video").getAttribute("data-link-source")).isEqualTo("STAFF_ACCOUNT");
        assertThat(b.all("#session-" + studio.courseFutureSessionId)).isEmpty();
        b.click("#remove-link-" + studio.oneOnOneSessionId);
        b.waitForText("#notice", "링크를 삭제했습니다");
        assertThat(b.find(row + " .video").getAttribute("data-link-status")).isEqualTo("NONE");
        b.screenshot("staff-manage-video-conferencing");

        // the owner's pages are not theirs: a page that says so, in their language, not JSON or Whitelabel
        b.open("/dashboard/sites/" + studio.siteId);
        assertThat(b.text("#error-title")).isEqualTo("이 페이지를 열 권한이 없습니다");
        assertThat(b.driver().getPageSource()).doesNotContain("Whitelabel", "urn:videolinks:problem");
        b.screenshot("staff-forbidden-owner-page");
    }
}
