package org.orgledger.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium (package {@code chromium}) driven by its own chromedriver (package
 * {@code chromium-driver}); nothing is downloaded. One browser per test class.
 */
final class Browser implements AutoCloseable {

    // Debian's paths; the properties exist to try the skip (-Dorgledger.test.chromium=/nowhere)
    static final Path CHROMIUM = Path.of(System.getProperty("orgledger.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("orgledger.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Why the browser tests cannot run here, or null when they can. */
    static String unavailable() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return "Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing"
                    + " (Debian: apt-get install -y chromium chromium-driver fonts-noto-cjk; .ci/run installs them).";
        }
        return null;
    }

    /**
     * Skips the browser tests, with the reason in the test report and on the console, before the
     * service starts: without Chromium and its driver, and on an external database (shared by the
     * suite and not empty, so the dataset would not load).
     */
    static final class Available implements org.junit.jupiter.api.extension.ExecutionCondition {
        @Override
        public org.junit.jupiter.api.extension.ConditionEvaluationResult evaluateExecutionCondition(
                org.junit.jupiter.api.extension.ExtensionContext context) {
            String why = unavailable();
            if (why == null && org.orgledger.TestProfiles.active().length != 1) {
                why = "Browser tests skipped: they run on the embedded default only (the dataset loads on an empty ledger).";
            }
            if (why == null) return org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
            if (context.getTestMethod().isEmpty()) System.err.println(why);
            return org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled(why);
        }
    }

    final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("orgledger-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=en-GB", "--window-size=1366,768",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** The viewport as a user's screen: 1366×768 (laptop) or 390×844 (phone, touch). */
    void viewport(int width, int height) {
        boolean phone = width < 600;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", phone));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", phone));
    }

    void open(String pathAndQuery) {
        driver.get(base + pathAndQuery);
    }

    WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitUntil(String description, String javascriptCondition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(description)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!(" + javascriptCondition + ");")));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object js(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Saves the viewport as target/screenshots/{name}.png and returns the path. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** axe-core's violations on the page as it stands ("id: target, ..." per violation). */
    List<String> axeViolations() throws IOException {
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object';"))) {
            js(axeSource());
        }
        String json = (String) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])));");
        List<String> found = new ArrayList<>();
        for (JsonNode violation : new ObjectMapper().readTree(json)) {
            List<String> targets = new ArrayList<>();
            violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
            found.add(violation.path("id").asText() + " (" + violation.path("help").asText() + "): " + targets);
        }
        return found;
    }

    /** Console messages at SEVERE level (errors, failed requests) since the last call. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(entry.getMessage());
        }
        return errors;
    }

    private static String axeSource() throws IOException {
        try (InputStream in = Browser.class.getResourceAsStream("/axe-core/axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe-core/axe.min.js is not on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
