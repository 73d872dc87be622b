package com.videolinks.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
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
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven by Selenium, for the page tests (#5, #12): sign in with the form, find things,
 * keep a screenshot of each page under {@code target/screenshots/}. Without Chromium the test FAILS (CI must not
 * pass without it); skip knowingly with {@code -Dvideolinks.browser-tests.skip=true}.
 */
public final class Browser implements AutoCloseable {

    public static final String SKIP_PROPERTY = "videolinks.browser-tests.skip";
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final Path profile;
    private final int port;

    private Browser(WebDriver driver, Path profile, int port) {
        this.driver = driver;
        this.profile = profile;
        this.port = port;
    }

    /** A browser whose language is {@code language} (the Accept-Language it sends), e.g. "ko-KR" or "en-US". */
    public static Browser start(int port, String language) throws IOException {
        Assumptions.assumeFalse(Boolean.getBoolean(SKIP_PROPERTY), "browser test skipped on request (-D" + SKIP_PROPERTY + "=true)");
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("Headless Chromium is missing: install it with `apt-get install -y chromium chromium-driver` (as .ci/run "
                    + "does), or skip this test explicitly with -D" + SKIP_PROPERTY + "=true");
        }
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        Path profile = Files.createTempDirectory("videolinks-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(1000, 1400));
        return new Browser(driver, profile, port);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /**
     * The element, waited for: a click that submits a form returns before the answering page is in, so an element that
     * only the answer has (a field's error) is "not yet", not "missing".
     */
    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String pageText() {
        return find("body").getText();
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Clicks, and when the click leaves the page (a link elsewhere, a form that will submit) waits until the answering
     * page has replaced this one: otherwise the next {@link #find} can return the old page's element of the same id
     * (a second dry run's {@code #result}) and reading it fails once the document is swapped under it.
     */
    public void click(String css) {
        WebElement element = find(css);
        if (!leavesThePage(element)) {
            element.click();
            return;
        }
        // the page is marked, and the answer is in when a complete document without the mark is there; while the
        // documents swap, Chromium may answer "node does not belong to the document" (not a stale element): ask again
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("window.videolinksLeaving = true;");
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.videolinksLeaving !== true && document.readyState === 'complete';")));
    }

    private boolean leavesThePage(WebElement element) {
        Object leaves = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const e = arguments[0];
                if (e.tagName === 'A') {
                    const href = e.getAttribute('href');
                    return href !== null && !href.startsWith('#') && !href.startsWith('javascript:') && !e.target;
                }
                const submits = (e.tagName === 'BUTTON' && e.type === 'submit')
                        || (e.tagName === 'INPUT' && (e.type === 'submit' || e.type === 'image'));
                return submits && e.form !== null && (e.form.noValidate || e.formNoValidate || e.form.checkValidity());
                """, element);
        return Boolean.TRUE.equals(leaves);
    }

    public void waitForUrl(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(part));
    }

    public void waitForText(String css, String text) {
        // a form answered with a new page swaps the document under the wait: Chromium then reports the element's node
        // as gone ("does not belong to the document"), which only means "not yet": ask again
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Signs out (cookies gone), then in through the sign-in page. */
    public void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        type("#username", username);
        type("#password", password);
        click("#sign-in");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Saves the page as target/screenshots/{name}.png (a test artefact, not committed). */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        FileSystemUtils.deleteRecursively(profile);
    }
}
