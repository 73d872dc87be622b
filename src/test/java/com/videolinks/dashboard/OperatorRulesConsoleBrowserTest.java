package com.videolinks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.support.Api;
import com.videolinks.support.Browser;

/**
 * The operators' rules console in headless Chromium (#12): an operator breaks a rule, the gate refuses it with file
 * and line while the live version keeps answering, fixes it, sees the dry run's scenarios and coverage, publishes,
 * compares with the previous version and rolls back — through the same gate as the HTTP API.
 */
// a context of its own: the refused publish it makes on purpose leaves the health DEGRADED (last failure), which
// other tests sharing a context would see (AccessApiTest expects UP)
// the background work runs as in production here (release announcements every 500 ms; no SMTP: emails wait)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "videolinks.test.context=rules-console", "videolinks.notifications.dispatch.enabled=true",
        "videolinks.notifications.release-check-interval=500ms"})
@AutoConfigureMockMvc
class OperatorRulesConsoleBrowserTest {

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
    void anOperatorBreaksARuleSeesTheRefusalWithFileAndLineFixesItPublishesComparesAndRollsBack() throws Exception {
        String operator = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(operator, Api.PASSWORD, Role.OPERATOR, null, null);
        Api api = new Api(mvc, operator);
        long before = activeVersion(api);
        browser = Browser.start(port, "en-US");
        Browser b = browser;

        b.signIn(operator, Api.PASSWORD);
        b.waitForUrl("/dashboard/rules");
        assertThat(b.text("#active-version")).isEqualTo(String.valueOf(before));
        b.screenshot("operator-rules-console");

        b.driver().findElements(org.openqa.selenium.By.cssSelector("a.rule-file")).stream()
                .filter(a -> a.getText().equals("plan.drl")).findFirst().orElseThrow().click();
        b.waitForUrl("/dashboard/rules/edit");
        String original = b.find("#rule-content").getAttribute("value");
        assertThat(original).contains("Sites without a Business or eCommerce plan show no video links");

        // broken: the gate refuses with the file and line; the live version is untouched
        setContent(b, original.replace("SiteFact( plan not in", "SiteFact( plan nott in"));
        b.click("#publish");
        assertThat(b.find("#result").getAttribute("data-accepted")).isEqualTo("false");
        assertThat(b.all("#result-rejected .problem")).extracting(WebElement::getText)
                .anySatisfy(problem -> assertThat(problem).containsPattern("plan\\.drl:\\d+"));
        b.screenshot("operator-rule-refused");
        assertThat(activeVersion(api)).isEqualTo(before);

        // ADR 017: a rule reading an id other than by equality passes, and the operator is told what it costs
        setContent(b, original.replace("SiteFact( plan not in", "SiteFact( siteId > 0, plan not in"));
        b.click("#dry-run");
        assertThat(b.find("#result").getAttribute("data-outcome")).isEqualTo("VALIDATED");
        assertThat(b.text("#name-reads")).contains("asked of the rule engine");
        assertThat(b.all("#name-reads .name-read")).extracting(WebElement::getText)
                .anySatisfy(read -> assertThat(read).containsPattern("plan\\.drl:\\d+:\\d+: rule \".+\": it compares a name with >"));
        b.screenshot("operator-rule-reads-a-name");

        // fixed (a comment more): the dry run passes with its scenarios and coverage, then it is published
        String fixed = original.replace("// S4:", "// S4 (checked in the console):");
        setContent(b, fixed);
        b.click("#dry-run");
        assertThat(b.find("#result").getAttribute("data-outcome")).isEqualTo("VALIDATED");
        assertThat(b.all("#name-reads")).isEmpty();
        assertThat(b.text("#result")).contains("0 failed");
        assertThat(b.text("#coverage")).matches("rule coverage: \\d+ of \\d+ rules fired");
        assertThat(activeVersion(api)).isEqualTo(before);
        b.click("#publish");
        b.waitForText("#result-accepted", "is live");
        long published = activeVersion(api);
        assertThat(published).isNotEqualTo(before);
        b.screenshot("operator-rule-published");

        // ADR 014: the release's customers are told in the background; the console says how far that got
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            b.open("/dashboard/rules");
            assertThat(b.find("#announcement-" + published).getAttribute("data-state")).isEqualTo("ANNOUNCED");
        });
        assertThat(b.text("#announcement-" + published)).matches("\\d+ link-change emails \\(\\d+ booked sessions compared\\)");
        ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView();", b.find("#history"));
        b.screenshot("operator-rules-customers-told");

        // the diff against the previous version shows the changed line; rolling back goes through the gate again
        b.open("/dashboard/rules");
        b.click("#diff-" + before);
        assertThat(b.text(".diff-file")).contains("plan.drl", "-// S4:", "+// S4 (checked in the console):")
                .doesNotContain("-package"); // one line changed, not every line (the browser's CRLF are not kept)
        b.screenshot("operator-rules-diff");
        b.open("/dashboard/rules");
        b.click("#rollback-" + before);
        b.waitForText("#notice", "live again");
        String active = api.get("/api/rules/versions/" + activeVersion(api)).andReturn().getResponse().getContentAsString();
        assertThat(active).doesNotContain("checked in the console");
    }

    private static void setContent(Browser b, String content) {
        WebElement area = b.find("#rule-content");
        // typing a whole file key by key is slow: set the value as a paste would, then submit the form as usual
        ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("arguments[0].value = arguments[1];", area, content);
    }

    private static long activeVersion(Api api) throws Exception {
        Number id = JsonPath.read(api.get("/api/rules/active").andReturn().getResponse().getContentAsString(), "$.activeVersionId");
        return id.longValue();
    }
}
