package io.jobdrop.testing;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven by chromedriver (both from Debian: Selenium Manager cannot download here), with the
 * browser's console captured, so a test can fail on any error the page logs or throws, and screenshots saved under
 * {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("jobdrop.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("jobdrop.chromedriver",
            "/usr/bin/chromedriver"));
    /** Chrome's console line for an HTTP error answer: "URL - Failed to load resource: ... status of 401 (...)". */
    private static final Pattern HTTP_ERROR = Pattern.compile("Failed to load resource: the server responded with a"
            + " status of (\\d{3})");

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> errors = new ArrayList<>();

    public Browser(int width, int height) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        this.profile = tempProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en-GB", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        this.driver = new ChromeDriver(options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /**
     * Every SEVERE console entry since the last call (page errors, uncaught exceptions, console.error), except an
     * HTTP error answer whose status the test expects (Chrome logs a 401 or 400 fetch as a console error although the
     * page handles it).
     */
    public List<String> consoleErrors(Set<Integer> expectedStatuses) {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() < Level.SEVERE.intValue()) {
                continue;
            }
            Matcher http = HTTP_ERROR.matcher(entry.getMessage());
            if (http.find() && (expectedStatuses.contains(Integer.parseInt(http.group(1)))
                    || entry.getMessage().contains("/observe/health - ") && http.group(1).equals("503"))) {
                continue; // 503 is how /observe/health says a check is DOWN, with the same body: the page shows it
            }
            errors.add(entry.getMessage());
        }
        return List.copyOf(errors);
    }

    /** Saves the page as {@code target/screenshots/<name>.png} and answers where. */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path shot = dir.resolve(name + ".png");
            Files.move(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shot,
                    StandardCopyOption.REPLACE_EXISTING);
            return shot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a profile left in /tmp is untidy, not wrong
        }
    }

    private static Path tempProfile() {
        try {
            return Files.createTempDirectory("jobdrop-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
