package org.careerconversations;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its own chromedriver (never a downloaded one), with a fresh
 * profile that is deleted again. Tests that need it are skipped, with the reason, where it is not installed.
 */
public final class Chromium implements AutoCloseable {

    private static final String BINARY = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final WebDriver driver;
    private final Path profileDir;

    private Chromium(WebDriver driver, Path profileDir) {
        this.driver = driver;
        this.profileDir = profileDir;
    }

    /**
     * A wait of up to 30 s for a condition on a page that its scripts redraw (Tasklist, Cockpit, the people's
     * pages): when an element found a moment ago is gone as it is read (a stale element, or chromium's "Node
     * with given id does not belong to the document", a plain WebDriverException), the condition is asked again.
     */
    public static WebDriverWait await(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** Skips the calling test where chromium or chromedriver is missing. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER)),
            "chromium and chromedriver are not installed: apt-get install chromium chromium-driver");
    }

    public static Chromium start(int width, int height) throws IOException {
        Path profileDir = Files.createTempDirectory("career-conversations-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=" + width + "," + height,
            "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), profileDir);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives each test of a class a chromium of its own ({@code @RegisterExtension}): skips the test, with the
     * reason, where chromium is not installed; starts the browser when the test first asks for it; closes it
     * after the test.
     */
    public static final class PerTest implements BeforeEachCallback, AfterEachCallback {

        private final int width;
        private final int height;
        private Chromium chromium;

        public PerTest(int width, int height) {
            this.width = width;
            this.height = height;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            assumeInstalled();
        }

        /** The test's browser, started on the first call. */
        public Chromium get() throws IOException {
            if (chromium == null) {
                chromium = start(width, height);
            }
            return chromium;
        }

        /** Closes the browser; the next {@link #get()} starts a fresh one, with nobody logged in. */
        public void close() throws IOException {
            if (chromium != null) {
                Chromium closing = chromium;
                chromium = null;
                closing.close();
            }
        }

        @Override
        public void afterEach(ExtensionContext context) throws IOException {
            close();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
