package org.careerconversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tasklist in chromium as a person uses it: log in, open a task by its name, fill a rendered Camunda Form by
 * its labels, complete it, and read what Tasklist says back.
 */
public final class TasklistPage {


    private final WebDriver driver;
    private final String baseUrl;

    public TasklistPage(WebDriver driver, int port) {
        this.driver = driver;
        this.baseUrl = "http://localhost:" + port;
    }

    public WebDriverWait await() {
        return Chromium.await(driver);
    }

    /** Logs in as {@code user} (password demo), after logging out whoever was logged in. */
    public void logIn(String user) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/camunda/app/tasklist/");
        WebElement username = await().until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("form[name='signinForm'] input[ng-model='username']")));
        username.sendKeys(user);
        driver.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("demo");
        driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
    }

    /** Opens a task from the list by its name; Tasklist re-renders the list while it loads, so it clicks until it holds. */
    public void openTask(String name) {
        By task = taskInList(name);
        await().ignoreAll(List.of(StaleElementReferenceException.class, ElementClickInterceptedException.class,
            ElementNotInteractableException.class)).until(d -> {
                d.findElement(task).click();
                return true;
            });
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    }

    public static By taskInList(String name) {
        return By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')][normalize-space()='" + name
            + "']");
    }

    /** The input of the form field whose label is exactly this text (a required field's label adds a "*"). */
    public WebElement field(String label) {
        WebElement labelElement = await().until(ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space()=\"" + label + "\" or "
                + "normalize-space()=\"" + label + "*\" or normalize-space()=\"" + label + " *\"]")));
        return await().until(ExpectedConditions.elementToBeClickable(By.id(labelElement.getDomAttribute("for"))));
    }

    /** Clicks the radio button of the option with this label. */
    public void choose(String option) {
        WebElement label = await().until(ExpectedConditions.presenceOfElementLocated(By.xpath(
            "//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space()=\"" + option + "\"]")));
        clickInView(driver.findElement(By.id(label.getDomAttribute("for"))));
    }

    /** Opens the select (searchable or not) at this position in the form and picks the option with this text. */
    public void select(String option) {
        WebElement select = await().until(ExpectedConditions.elementToBeClickable(
            By.cssSelector(".fjs-form-field-select .fjs-input-group")));
        clickInView(select);
        clickInView(await().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
            "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()=\"" + option + "\"]"))));
    }

    /** The options an open select offers. */
    public List<String> selectOptions() {
        clickInView(await().until(ExpectedConditions.elementToBeClickable(
            By.cssSelector(".fjs-form-field-select .fjs-input-group"))));
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
        return driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream().map(WebElement::getText).toList();
    }

    public void complete() {
        clickButton("Complete");
    }

    public void clickButton(String text) {
        clickInView(await().until(ExpectedConditions.elementToBeClickable(
            By.xpath("//button[normalize-space()='" + text + "']"))));
    }

    /** Tasklist's fixed footer covers the bottom of the page: click in the middle of the window. */
    public void clickInView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        await().until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** The text of the rendered form. */
    public String formText() {
        return driver.findElement(By.cssSelector(".fjs-container")).getText();
    }

    /** The messages Tasklist shows at the moment (its notifications). */
    public List<String> notices() {
        return driver.findElements(By.cssSelector(".alert")).stream()
            .filter(WebElement::isDisplayed).map(WebElement::getText).filter(text -> !text.isBlank()).toList();
    }

    /** Waits for a notification that contains this text and answers it. */
    public String noticeContaining(String text) {
        return await().until(d -> notices().stream().filter(n -> n.contains(text)).findFirst().orElse(null));
    }

    /**
     * Closes the notifications Tasklist shows (they sit over the form's buttons). Tasklist redraws the list when
     * one goes, or lets one go by itself: a close button found a moment ago may be gone, so look again.
     */
    public void dismissNotices() {
        await().until(d -> {
            for (WebElement close : d.findElements(By.cssSelector(".alert button.close"))) {
                if (close.isDisplayed()) {
                    close.click();
                }
            }
            return notices().isEmpty();
        });
    }

    /** Whether an element is shown to the person (present and visible). */
    public boolean shows(By element) {
        return driver.findElements(element).stream().anyMatch(WebElement::isDisplayed);
    }

    public void assertShows(By element, boolean shown, String what) {
        assertThat(shows(element)).as(what).isEqualTo(shown);
    }

    public WebDriver driver() {
        return driver;
    }
}
