package com.videolinks.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * #10: an integrator opens Swagger UI in a browser (Debian's headless Chromium, anonymously) and reads the host
 * events contract: the signature, the event schema with its types. A screenshot goes to target/screenshots/.
 * Skipped knowingly with {@code -Dvideolinks.browser-tests.skip=true}, like the other browser test.
 */
class SwaggerUiBrowserTest extends HostEventsTestBase {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static WebDriver browser;
    private static Path profile;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        Assumptions.assumeFalse(Boolean.getBoolean("videolinks.browser-tests.skip"), "browser tests skipped on request");
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("Headless Chromium is missing: install it with `apt-get install -y chromium chromium-driver` (as .ci/run "
                    + "does), or skip this test explicitly with -Dvideolinks.browser-tests.skip=true");
        }
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        profile = Files.createTempDirectory("videolinks-swagger-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.manage().window().setSize(new Dimension(1280, 1600));
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

    @Test
    void anIntegratorReadsTheHostEventsContractInSwaggerUi() throws Exception {
        browser.get("http://localhost:" + port + "/swagger-ui/index.html");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

        WebElement deliver = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#operations-Host_events-deliverHostEvent .opblock-summary")));
        assertThat(deliver.getText()).contains("POST", "/api/host/events", "Deliver one event of the host platform");
        deliver.click();
        WebElement operation = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#operations-Host_events-deliverHostEvent .opblock-body")));
        wait.until(driver -> operation.getText().contains("X-Host-Signature"));
        assertThat(operation.getText()).contains("HMAC-SHA256", "X-Host-Timestamp", "booking.created", "PENDING",
                "site-not-owned-by-key", "body-too-large");

        WebElement schemas = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.models")));
        assertThat(schemas.getText()).contains("HostEvent", "HostSessionScheduled", "HostBookingCreated");

        Path screenshots = Path.of("target/screenshots");
        Files.createDirectories(screenshots);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve("swagger-ui-host-events.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
