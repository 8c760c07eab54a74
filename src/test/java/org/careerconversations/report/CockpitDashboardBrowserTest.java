package org.careerconversations.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessVariables.*;

import java.io.IOException;
import java.util.List;
import org.careerconversations.AppTest;
import org.careerconversations.Chromium;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What process owners and employees see in a real browser (Debian's chromium; skipped when it is missing):
 * hanna's Cockpit start page with the KPI dashboard plugin, and eva's branded Tasklist with her filters.
 * Screenshots go to target/screenshots/.
 */
class CockpitDashboardBrowserTest extends AppTest {


    @RegisterExtension
    final Chromium.PerTest browser = new Chromium.PerTest(1400, 1400);
    private WebDriver driver;
    private Chromium chromium;

    @Test
    void hannaSeesTheKpiDashboardInCockpit() throws IOException {
        for (String employee : List.of("eva", "erik", "emil")) {
            Answer started = rest().as("hanna").post("/engine-rest/process-definition/key/CareerConversation/start",
                variables(EMPLOYEE_ID, employee));
            assertThat(started.status()).as(started.body()).isEqualTo(200);
        }
        // one of them is waiting past its due date
        jdbc.update("update ACT_RU_TASK set DUE_DATE_ = ? where PROC_INST_ID_ = (select process_instance_id"
            + " from conversation where business_key = 'eva-1')", java.sql.Timestamp.valueOf("2026-01-05 09:00:00"));

        // two employees have prepared, with their job satisfaction, for meetings this month
        jdbc.update("update conversation set job_satisfaction = 4, scheduled_at = current_timestamp"
            + " where business_key in ('erik-1', 'emil-1')");

        driver = startChromium();
        WebDriverWait wait = Chromium.await(driver);
        logIn("/camunda/app/cockpit/", "hanna");

        WebElement dashboard = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.cc-kpi")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.cc-kpi svg.cc-kpi-bars")));
        screenshot("cockpit-01-kpi-dashboard");

        assertThat(dashboard.getText()).contains("Career conversations at a glance",
            "Conversations by phase", "Finding a date", "Following up the plan", "Overdue tasks by step",
            "Schedule the conversation (manager)", "Done by the due date, per step", "Job satisfaction by month",
            "of development steps done", "Oldest overdue conversations", "eva-1")
            .doesNotContain("Task_").doesNotContain("ScheduleConversation");
        // every figure says in one line what it counts
        List<WebElement> figures = driver.findElements(By.cssSelector("section.cc-kpi .cc-kpi-tile, "
            + "section.cc-kpi .cc-kpi-chart, section.cc-kpi .cc-kpi-links"));
        assertThat(figures).hasSizeGreaterThanOrEqualTo(9);
        for (WebElement figure : figures) {
            assertThat(figure.getDomAttribute("title")).as(figure.getText()).isNotBlank().doesNotContain("\n");
        }
        assertThat(driver.findElements(By.cssSelector("section.cc-kpi svg.cc-kpi-bars"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(driver.findElements(By.cssSelector("section.cc-kpi svg.cc-kpi-trend circle"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector(".navbar-brand, .brand")).getText())
            .contains("Career Conversations");

        // the number behind "overdue" links to the conversation's process instance in Cockpit
        WebElement instance = driver.findElement(By.cssSelector("a.cc-kpi-instance"));
        assertThat(instance.getText()).isEqualTo("eva-1 (Schedule the conversation (manager))");
        instance.click();
        wait.until(ExpectedConditions.urlContains("/process-instance/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(),'eva-1')]")));
        screenshot("cockpit-02-instance-behind-a-number");
        assertNoErrorShown();

        // a step behind a bar opens the process in Cockpit with that step selected, without an error
        driver.navigate().back();
        WebElement step = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
            "//*[contains(@class,'cc-kpi-overdue')]//*[local-name()='a'][.//*[local-name()='text']"
                + "[normalize-space()='Schedule the conversation (manager)']]")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].dispatchEvent(new MouseEvent('click', "
            + "{bubbles: true, cancelable: true}))", step);
        wait.until(ExpectedConditions.urlContains("activityIds=Task_ScheduleConversation"));
        // the process's page: its instances listed by business key under the diagram
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//table//*[normalize-space(text())='eva-1']")));
        screenshot("cockpit-03-step-behind-a-bar");
        assertNoErrorShown();
    }

    @Test
    void evasTasklistIsBrandedAndHasHerFilters() throws IOException {
        driver = startChromium();
        WebDriverWait wait = Chromium.await(driver);
        logIn("/camunda/app/tasklist/", "eva");

        for (String filter : List.of("My tasks", "Overdue")) {
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[contains(@class,'task-filters')]//*[normalize-space(text())='" + filter + "']")));
        }
        // the list shows the most urgent task first, not the newest (scripts/due-date-first.js)
        wait.until(ExpectedConditions.urlContains("dueDate"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space(text())='Due date']")));
        screenshot("tasklist-01-eva-filters");
        assertThat(driver.findElement(By.cssSelector(".navbar-brand, .brand")).getText())
            .contains("Career Conversations");
        assertThat(driver.getTitle()).contains("Career Conversations");
        assertThat(driver.findElement(By.cssSelector(".task-filters")).getText())
            .doesNotContain("My team's conversations").doesNotContain("Escalations");
        // Camunda's end-of-life banner keeps its place but says ours (styles/user-styles.css)
        WebElement banner = driver.findElement(By.cssSelector(".ce-eol-banner"));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return getComputedStyle(arguments[0]).fontSize;", banner))
            .as("Camunda's own text is not shown").isEqualTo("0px");
        assertThat(String.valueOf(js.executeScript("return getComputedStyle(arguments[0], '::before').content;",
            banner))).contains("Career Conversations: prepare, talk, agree on next steps, follow up.");
    }

    /** Cockpit shows a failed request as a red notification. */
    private void assertNoErrorShown() {
        assertThat(driver.findElements(By.cssSelector(".notifications .alert-danger, .notifications .alert-error")))
            .extracting(WebElement::getText).isEmpty();
    }

    private void logIn(String app, String user) {
        WebDriverWait wait = Chromium.await(driver);
        driver.get("http://localhost:" + port + app);
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("form[name='signinForm'] input[ng-model='username']")));
        username.sendKeys(user);
        driver.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("demo");
        driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    }

    private WebDriver startChromium() throws IOException {
        chromium = browser.get();
        return chromium.driver();
    }

    private void screenshot(String name) {
        chromium.screenshot(name);
    }
}
