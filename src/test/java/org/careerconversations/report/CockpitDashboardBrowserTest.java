package org.careerconversations.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What process owners and employees see in a real browser (Debian's chromium; skipped when it is missing):
 * hanna's Cockpit start page with the KPI dashboard plugin, and eva's branded Tasklist with her filters.
 * Screenshots go to target/screenshots/.
 */
class CockpitDashboardBrowserTest extends AppTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private WebDriver driver;
    private Path profileDir;

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
            "chromium and chromedriver are not installed: apt-get install chromium chromium-driver");
    }

    @Test
    void hannaSeesTheKpiDashboardInCockpit() throws IOException {
        for (String employee : List.of("eva", "erik", "emil")) {
            Answer started = rest().as("hanna").post("/engine-rest/process-definition/key/CareerConversation/start",
                variables("employeeId", employee));
            assertThat(started.status()).as(started.body()).isEqualTo(200);
        }
        // one of them is waiting past its due date
        jdbc.update("update ACT_RU_TASK set DUE_DATE_ = ? where PROC_INST_ID_ = (select process_instance_id"
            + " from conversation where business_key = 'eva-1')", java.sql.Timestamp.valueOf("2026-01-05 09:00:00"));

        // two employees have prepared, with their job satisfaction, for meetings this month
        jdbc.update("update conversation set job_satisfaction = 4, scheduled_at = current_timestamp"
            + " where business_key in ('erik-1', 'emil-1')");

        driver = startChromium();
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        logIn("/camunda/app/cockpit/", "hanna");

        WebElement dashboard = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.cc-kpi")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.cc-kpi svg.cc-kpi-bars")));
        screenshot("cockpit-01-kpi-dashboard");

        assertThat(dashboard.getText()).contains("Career conversations at a glance",
            "Open conversations by phase", "Scheduling", "Overdue tasks by step", "ScheduleConversation",
            "Done by the due date, per step", "Job satisfaction by month", "of development actions done",
            "Oldest overdue conversations", "eva-1");
        assertThat(driver.findElements(By.cssSelector("section.cc-kpi svg.cc-kpi-bars"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(driver.findElements(By.cssSelector("section.cc-kpi svg.cc-kpi-trend circle"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector(".navbar-brand, .brand")).getText())
            .contains("Career Conversations");

        // the number behind "overdue" links to the conversation's process instance in Cockpit
        WebElement instance = driver.findElement(By.cssSelector("a.cc-kpi-instance"));
        assertThat(instance.getText()).isEqualTo("eva-1 (ScheduleConversation)");
        instance.click();
        wait.until(ExpectedConditions.urlContains("/process-instance/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(),'eva-1')]")));
        screenshot("cockpit-02-instance-behind-a-number");
    }

    @Test
    void evasTasklistIsBrandedAndHasHerFilters() throws IOException {
        driver = startChromium();
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        logIn("/camunda/app/tasklist/", "eva");

        for (String filter : List.of("My tasks", "Overdue")) {
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[contains(@class,'task-filters')]//*[normalize-space(text())='" + filter + "']")));
        }
        screenshot("tasklist-01-eva-filters");
        assertThat(driver.findElement(By.cssSelector(".navbar-brand, .brand")).getText())
            .contains("Career Conversations");
        assertThat(driver.getTitle()).contains("Career Conversations");
        assertThat(driver.findElement(By.cssSelector(".task-filters")).getText())
            .doesNotContain("My team's conversations").doesNotContain("Escalations");
        assertThat(driver.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
            .as("the end-of-life banner is hidden").isEmpty();
    }

    private void logIn(String app, String user) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        driver.get("http://localhost:" + port + app);
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("form[name='signinForm'] input[ng-model='username']")));
        username.sendKeys(user);
        driver.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("demo");
        driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    }

    @AfterEach
    void quitBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profileDir != null) {
                try (Stream<Path> files = Files.walk(profileDir)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
                profileDir = null;
            }
        }
    }

    private WebDriver startChromium() throws IOException {
        profileDir = Files.createTempDirectory("cockpit-browser-test-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1400,1400", "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
