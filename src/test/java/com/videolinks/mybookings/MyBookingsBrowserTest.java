package com.videolinks.mybookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

import com.videolinks.security.AppUsers;
import com.videolinks.support.Api;
import com.videolinks.support.StudioFixture;

/**
 * What a person sees on My Bookings in a real browser (Debian's headless Chromium, driven by Selenium), for a site
 * that shows links there and one that hides them (S21). Without Chromium this test FAILS, so CI cannot pass without
 * it; a developer without Chromium may skip it explicitly with {@code -Dvideolinks.browser-tests.skip=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MyBookingsBrowserTest {

    static final String SKIP_PROPERTY = "videolinks.browser-tests.skip";
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String DEFAULT_URL = "https://meet.example.com/default";

    static WebDriver browser;
    static Path profile;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;

    @BeforeAll
    static void startChromium() throws IOException {
        Assumptions.assumeFalse(Boolean.getBoolean(SKIP_PROPERTY), "browser test skipped on request (-D" + SKIP_PROPERTY + "=true)");
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("Headless Chromium is missing: install it with `apt-get install -y chromium chromium-driver` (as .ci/run "
                    + "does), or skip this test explicitly with -D" + SKIP_PROPERTY + "=true");
        }
        // Selenium warns that it has no DevTools bindings for Debian's newer Chromium; this test needs none
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        profile = Files.createTempDirectory("videolinks-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--lang=ko-KR");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    @BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void s21_onASiteThatShowsLinksTheCustomerSeesAClickableLinkWithItsPassword() throws Exception {
        StudioFixture studio = new StudioFixture(mvc, users);

        signIn(studio.customerUser);

        WebElement flow = booking(studio.classSessionId);
        WebElement link = flow.findElement(By.cssSelector("a.video-link"));
        assertThat(link.isDisplayed()).isTrue();
        assertThat(link.getText()).isEqualTo("화상 세션 참여하기");
        assertThat(link.getAttribute("href")).isEqualTo(DEFAULT_URL);
        assertThat(new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(link)))
                .isNotNull();
        assertThat(flow.getText()).contains("Morning Flow", DEFAULT_URL, "pw1", "Default room",
                "2030년 1월 10일 목요일 오전 10:00");
        screenshot("customer-my-bookings");
    }

    @Test
    void s21_onASiteThatHidesLinksFromMyBookingsNoLinkIsThereNotEvenInThePageSource() throws Exception {
        StudioFixture studio = new StudioFixture(mvc, users);
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/visibility",
                "{\"confirmationEmail\": true, \"myBookings\": false, \"memberPages\": false}");

        signIn(studio.customerUser);

        WebElement flow = booking(studio.classSessionId);
        assertThat(flow.getText()).contains("Morning Flow", "예약 확인 이메일에서 확인하세요");
        assertThat(browser.findElements(By.cssSelector("a.video-link"))).isEmpty();
        List<String> hrefs = browser.findElements(By.tagName("a")).stream().map(a -> a.getAttribute("href")).toList();
        assertThat(hrefs).noneMatch(href -> href.contains("meet.example.com"));
        assertThat(browser.getPageSource()).doesNotContain("meet.example.com", DEFAULT_URL, "pw1", "Default room");
    }

    @Test
    void theSignInPageNamesTheBusinessSlashLeadsToMyBookingsErrorsArePagesAndEveryPageSignsOut() throws Exception {
        StudioFixture studio = new StudioFixture(mvc, users);
        String site = "Studio " + studio.owner.substring("owner-".length());

        browser.get("http://localhost:" + port + "/");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        browser.get("http://localhost:" + port + "/login?site=" + studio.siteId);
        assertThat(browser.findElement(By.id("business")).getText()).isEqualTo(site);
        // the Korean font stack: Hangul is drawn with a Korean font, not whatever the machine has
        assertThat(browser.findElement(By.tagName("body")).getCssValue("font-family")).contains("Noto Sans CJK KR");
        screenshot("customer-sign-in");
        browser.findElement(By.id("username")).sendKeys(studio.customerUser);
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("내 예약"));
        assertThat(browser.getCurrentUrl()).endsWith("/my-bookings");
        assertThat(browser.findElement(By.id("business")).getText()).isEqualTo(site);

        // #12: a session the customer did not book is a page in their language, not JSON
        browser.get("http://localhost:" + port + "/member/sessions/999999");
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("페이지를 찾을 수 없습니다");
        assertThat(browser.getPageSource()).doesNotContain("urn:videolinks:problem", "Whitelabel");
        screenshot("customer-not-found");

        // sign-out from a session page, back to the business's sign-in page
        browser.get("http://localhost:" + port + "/member/sessions/" + studio.classSessionId);
        browser.findElement(By.id("sign-out")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.findElement(By.id("business")).getText()).isEqualTo(site);
        browser.get("http://localhost:" + port + "/my-bookings");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
    }

    private void screenshot(String name) throws IOException {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        Path taken = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
        Files.copy(taken, folder.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void signIn(String username) {
        browser.get("http://localhost:" + port + "/my-bookings");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("내 예약"));
    }

    private WebElement booking(long sessionId) {
        return browser.findElement(By.cssSelector("#upcoming li.booking[data-session-id='" + sessionId + "']"));
    }
}
