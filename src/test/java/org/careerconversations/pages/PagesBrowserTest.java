package org.careerconversations.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.careerconversations.AppTest;
import org.careerconversations.Chromium;
import org.careerconversations.Conversations;
import org.careerconversations.conversation.Submissions;
import org.careerconversations.process.OrganisationClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The people's pages in a real browser, reached the way people reach them: from Tasklist's header after the
 * Tasklist login. eva reads her agreed plan and why her next conversation is when it is, and asks to revise
 * it; maria finds eva on My team; hanna filters People; erik sees nothing of eva's. Screenshots of every page
 * go to target/screenshots/pages-*.png. Needs Debian's chromium and chromium-driver (skipped without them).
 */
class PagesBrowserTest extends AppTest {

    private static final String GOAL = "Lead the sprint demo for the whole department, every second Friday, "
        + "and collect the questions people ask afterwards so that the next demo answers them";
    private static final String STEP = "Presentation skills course with the external trainer (two days in "
        + "Utrecht), followed by a practice session with the team";

    @RegisterExtension
    final Chromium.PerTest browser = new Chromium.PerTest(1280, 1000);
    private Chromium chromium;
    private WebDriver driver;

    @Test
    void evaMariaHannaAndErikOnTheirPages() throws IOException {
        Conversations conversations = new Conversations(engine);
        String pi = conversations.preparing("hanna", "eva", "maria");
        conversations.complete("eva", pi, TASK_PREPARE_EMPLOYEE, Submissions.prepareEmployee());
        conversations.complete("maria", pi, TASK_PREPARE_MANAGER, Submissions.prepareManager());
        conversations.complete("maria", pi, TASK_HOLD_CONVERSATION, Submissions.holdConversation("held", null));
        Map<String, Object> documentation = Submissions.documentAgreements();
        documentation.put(GOALS, List.of(Map.of("goal", GOAL, "measure", "The team asks me to do it again",
            "targetDate", "2027-03-31")));
        documentation.put(DEVELOPMENT_ACTIONS, List.of(Map.of("action", STEP, "kind", "training",
            "dueDate", "2027-02-28", "support", "Budget approved by Maria")));
        conversations.complete("maria", pi, TASK_DOCUMENT_AGREEMENTS, documentation);
        conversations.complete("eva", pi, TASK_SIGN_OFF, Submissions.agree());
        String reason = jdbc.queryForObject("select cadence_reason from conversation where business_key = 'eva-1'",
            String.class);
        String nextDue = new Words(new OrganisationClock()).day(jdbc.queryForObject(
            "select next_conversation_due from conversation where business_key = 'eva-1'", java.time.LocalDate.class));
        // erik has a conversation of his own going, so that his pages are not empty
        conversations.start("maria", "erik");

        // --- eva: Tasklist, then My conversations from its header ---
        loginToTasklist("eva");
        assertThat(headerLinks()).containsExactly("My conversations");
        screenshot("pages-eva-tasklist-header");
        openFromHeader("My conversations");
        WebElement main = visible(By.id("main"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("My conversations");
        assertThat(main.getText()).contains(GOAL, STEP, "The team asks me to do it again", "Budget approved by Maria",
            "Strong start; grow visibility", "Why then: " + reason, "Due by " + nextDue,
            "Where would you like to be in a year?", "Speak up in planning meetings");
        assertThat(reason).containsIgnoringCase("probation");
        screenshot("pages-eva-my-conversations");
        driver.manage().window().setSize(new Dimension(390, 844));
        assertThat(horizontalOverflow()).as("nothing wider than a phone's screen").isFalse();
        screenshot("pages-eva-my-conversations-phone");
        driver.manage().window().setSize(new Dimension(1280, 1000));

        // she asks to revise her plan from the page, by keyboard alone; maria gets the task
        WebElement reasonField = driver.findElement(By.id(driver.findElement(By.xpath(
            "//label[normalize-space()='Reason']")).getDomAttribute("for")));
        reasonField.sendKeys("I join the platform team in January");
        reasonField.sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Ask to revise my plan");
        focused.sendKeys(Keys.ENTER);
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.className("cc-standing"),
            "Waiting for Maria to revise the plan"));
        assertThat(engine.getTaskService().createTaskQuery().taskAssignee("maria").taskDefinitionKey(TASK_REVISE_PLAN)
            .count()).isEqualTo(1);
        screenshot("pages-eva-after-asking-to-revise");
        quit();

        // --- maria: opens My team without being logged in, logs in to Tasklist and comes back to it ---
        start();
        driver.get(baseUrl() + "/careers/my-team");
        logIn("maria");
        wait(driver).until(ExpectedConditions.urlToBe(baseUrl() + "/careers/my-team"));
        assertThat(driver.findElements(By.cssSelector("header.cc-header nav a")).stream().map(WebElement::getText))
            .containsExactly("Tasklist", "My conversations", "My team");
        WebElement evaRow = visible(By.xpath("//tr[th//a[normalize-space()='Eva Evers']]"));
        assertThat(evaRow.getText()).contains("Agreed, following up the plan", "Waiting for you to revise the plan",
            "0 of 1 step done");
        assertThat(driver.findElement(By.xpath("//tr[th//a[normalize-space()='Erik Eriksen']]")).getText())
            .contains("Scheduling", "Waiting for you to schedule the conversation");
        assertThat(driver.findElements(By.xpath("//tr[th//a[normalize-space()='Emma Engel']]//button[normalize-space()"
            + "='Start a conversation']"))).hasSize(1);
        assertThat(evaRow.findElements(By.tagName("button"))).as("nothing new starts while a revision waits").isEmpty();
        screenshot("pages-maria-my-team");
        driver.manage().window().setSize(new Dimension(390, 844));
        assertThat(horizontalOverflow()).isFalse();
        screenshot("pages-maria-my-team-phone");
        driver.manage().window().setSize(new Dimension(1280, 1000));
        click(By.linkText("Eva Evers"));
        visible(By.xpath("//h1[normalize-space()='Career conversations of Eva Evers']"));
        assertThat(driver.findElement(By.id("main")).getText())
            .contains(GOAL, "Open your task in Tasklist: revise the plan");
        screenshot("pages-maria-eva-record");
        // the link opens her task in Tasklist, with its form
        click(By.partialLinkText("Open your task in Tasklist"));
        visible(By.cssSelector(".fjs-container"));
        assertThat(driver.getCurrentUrl()).contains("/camunda/app/tasklist/default/#/")
            .contains("task=" + engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_REVISE_PLAN)
                .singleResult().getId());
        // she starts emma's conversation from her team
        driver.get(baseUrl() + "/careers/my-team");
        click(By.xpath("//tr[th//a[normalize-space()='Emma Engel']]"
            + "//button[normalize-space()='Start a conversation']"));
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(
            By.xpath("//tr[th//a[normalize-space()='Emma Engel']]"), "Waiting for you to schedule the conversation"));
        assertThat(jdbc.queryForObject("select count(*) from conversation where employee_id = 'emma'", Integer.class))
            .isEqualTo(1);
        openFromPageHeader("My conversations");
        screenshot("pages-maria-my-conversations");
        quit();

        // --- hanna: People, filtered by manager and phase ---
        loginToTasklist("hanna");
        assertThat(headerLinks()).containsExactly("My conversations", "People");
        openFromHeader("People");
        assertThat(driver.findElement(By.id("main")).getText()).contains("Eva Evers", "Emil Eder", "Elin Ek");
        screenshot("pages-hanna-people");
        new Select(driver.findElement(By.id("manager"))).selectByVisibleText("Maria Mendes");
        new Select(driver.findElement(By.id("phase"))).selectByVisibleText("Scheduling");
        click(By.xpath("//button[normalize-space()='Show']"));
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.className("cc-count"), "2 people"));
        assertThat(driver.findElement(By.id("main")).getText()).contains("Erik Eriksen", "Emma Engel")
            .doesNotContain("Eva Evers").doesNotContain("Emil Eder");
        screenshot("pages-hanna-people-filtered");
        click(By.linkText("Erik Eriksen"));
        visible(By.xpath("//h1[normalize-space()='Career conversations of Erik Eriksen']"));
        screenshot("pages-hanna-erik-record");
        quit();

        // --- erik: his pages show nothing of eva's ---
        loginToTasklist("erik");
        assertThat(headerLinks()).containsExactly("My conversations");
        openFromHeader("My conversations");
        assertThat(driver.getPageSource()).doesNotContain("Eva Evers").doesNotContain(GOAL);
        driver.get(baseUrl() + "/careers/people/eva");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Not for you");
        assertThat(driver.getPageSource()).doesNotContain("Eva Evers").doesNotContain(GOAL).doesNotContain(reason);
        screenshot("pages-erik-refused");
        driver.get(baseUrl() + "/careers/my-team");
        assertThat(visible(By.id("main")).getText()).contains("Nobody reports to you.");
        assertThat(driver.getPageSource()).doesNotContain("Eva Evers");
    }

    // --- the browser ---

    private void start() throws IOException {
        chromium = browser.get();
        driver = chromium.driver();
    }

    private void quit() throws IOException {
        browser.close();
        chromium = null;
        driver = null;
    }

    private void loginToTasklist(String user) throws IOException {
        start();
        driver.get(baseUrl() + "/camunda/app/tasklist/");
        logIn(user);
    }

    private void logIn(String user) {
        wait(driver).until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("form[name='signinForm'] input[ng-model='username']"))).sendKeys(user);
        driver.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("demo");
        driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    }

    /** Follows a link that the custom script put into Tasklist's header. */
    private void openFromHeader(String name) {
        By link = By.xpath("//*[contains(@class,'careers-pages')]//a[normalize-space()='" + name + "']");
        wait(driver).until(d -> {
            d.findElement(link).click();
            return true;
        });
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.cc-header")));
    }

    private List<String> headerLinks() {
        By links = By.cssSelector(".careers-pages a");
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(links));
        return driver.findElements(links).stream().map(WebElement::getText).toList();
    }

    /** Follows a link in the header of one of the people's pages. */
    private void openFromPageHeader(String name) {
        click(By.xpath("//header[contains(@class,'cc-header')]//nav//a[normalize-space()='" + name + "']"));
        visible(By.xpath("//h1[normalize-space()='" + name + "']"));
    }

    private void click(By by) {
        WebElement element = wait(driver).until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private WebElement visible(By by) {
        return wait(driver).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private boolean horizontalOverflow() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
            "return document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    private static WebDriverWait wait(WebDriver driver) {
        return Chromium.await(driver);
    }

    /** The whole page, not only what fits in the window: the window grows to the page's height for it. */
    private void screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
            "return Math.min(6000, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.max(window.getHeight(), height
            + 140)));
        chromium.screenshot(name);
        driver.manage().window().setSize(window);
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
