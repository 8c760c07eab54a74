package org.careerconversations.security.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.TASK_PREPARE_MANAGER;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.careerconversations.Chromium;
import org.careerconversations.Conversations;
import org.careerconversations.TasklistPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * People sign in at the organisation's identity provider, in chromium: through the provider's own login page
 * into Tasklist and the people's pages, from a mail's link straight to the task, and out again — of the app and
 * of the provider. Someone the organisation does not list reads a page saying so, and nothing else.
 * Screenshots go to target/screenshots/sso-*.png.
 */
@ExtendWith(OutputCaptureExtension.class)
class SsoBrowserTest extends SsoAppTest {

    private static final String EVAS_TASK = "Prepare your career conversation with Maria Mendes";
    private static final String MARIAS_TASK = "Prepare the career conversation with Eva Evers";

    @RegisterExtension
    final Chromium.PerTest browser = new Chromium.PerTest(1400, 1000);
    private Chromium chromium;
    private WebDriver driver;

    @Test
    void evaSignsInAtTheProviderWorksInTasklistAndSignsOutOfBoth() throws IOException {
        new Conversations(engine).preparing("hanna", "eva", "maria");
        openBrowser();

        driver.get(APP + "/camunda/app/tasklist/");
        signInAtTheProvider("eva");
        await().until(ExpectedConditions.visibilityOfElementLocated(TasklistPage.taskInList(EVAS_TASK)));
        assertThat(driver.findElement(By.cssSelector("li.account .dropdown-toggle")).getText()).contains("Eva Evers");
        assertThat(driver.findElements(By.cssSelector("form[name='signinForm']"))).isEmpty();
        chromium.screenshot("sso-01-eva-in-tasklist");

        // the webapp's own logout link: the session here ends, and the provider's
        driver.findElement(By.cssSelector("li.account .dropdown-toggle")).click();
        await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
        await().until(ExpectedConditions.urlToBe(APP + "/sso/signed-out"));
        assertThat(driver.findElement(By.tagName("main")).getText())
            .contains("You have signed out of Career Conversations.");
        chromium.screenshot("sso-02-signed-out");
        assertThat(status("/api/my-conversations")).as("the app's session").isEqualTo(401);
        assertThat(status("/camunda/api/admin/auth/user/default")).as("the webapps' login").isEqualTo(401);

        // the provider asks again: its session ended too; then the people's page opens after its login
        driver.get(APP + "/careers/my-conversations");
        signInAtTheProvider("eva");
        await().until(ExpectedConditions.urlToBe(APP + "/careers/my-conversations"));
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "My conversations"));
        assertThat(driver.findElement(By.cssSelector(".cc-user")).getText()).isEqualTo("Eva Evers");
        chromium.screenshot("sso-03-eva-my-conversations");
    }

    @Test
    void mariasMailLinkOpensHerTaskAfterTheProvidersLogin() throws IOException {
        Conversations conversations = new Conversations(engine);
        String task = conversations.taskId(conversations.preparing("hanna", "eva", "maria"), TASK_PREPARE_MANAGER);
        String mail = jdbc.queryForObject("select body_text from notification where recipient_id = 'maria' and "
            + "task_id = ?", String.class, task);
        Matcher link = Pattern.compile(Pattern.quote(APP) + "\\S+#/\\?task=" + task).matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        openBrowser();

        driver.get(link.group());
        signInAtTheProvider("maria");
        await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        assertThat(driver.getCurrentUrl()).contains("task=" + task);
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task] h2"),
            MARIAS_TASK));
        chromium.screenshot("sso-04-maria-task-from-mail");
    }

    @Test
    void someoneTheOrganisationDoesNotListReadsThatAndNothingElse(CapturedOutput log) throws IOException {
        new Conversations(engine).preparing("hanna", "eva", "maria");
        openBrowser();

        driver.get(APP + "/careers/my-conversations");
        signInAtTheProvider("zoe");
        await().until(ExpectedConditions.urlToBe(APP + "/sso/not-listed"));
        assertThat(driver.findElement(By.tagName("main")).getText())
            .contains("Your account is not in the organisation's list — ask your HR partner.");
        chromium.screenshot("sso-05-zoe-not-listed");

        assertThat(driver.manage().getCookieNamed("JSESSIONID")).as("a session of the app").isNull();
        assertThat(status("/api/my-conversations")).isEqualTo(401);
        assertThat(status("/camunda/api/engine/engine/default/task?maxResults=50")).isEqualTo(401);
        assertThat(status("/camunda/api/admin/auth/user/default")).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER where ID_ = 'zoe'", Integer.class)).isZero();
        assertThat(log.getOut().lines().filter(line -> line.contains("Sign-in refused")))
            .singleElement().asString().contains("the organisation does not list the account").contains("zoe")
            .doesNotContain("elsewhere.example");
    }

    private void openBrowser() throws IOException {
        chromium = browser.get();
        driver = chromium.driver();
    }

    /** The provider's own login page (Spring Authorization Server's form), at the provider's address. */
    private void signInAtTheProvider(String user) {
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).startsWith(PROVIDER.issuer() + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(OpenIdProvider.PASSWORD);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** The status the app answers this browser for a call of its own pages' scripts. */
    private long status(String path) {
        return (Long) ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin', headers: {Accept: 'application/json'}})"
            + ".then(r => done(r.status)).catch(() => done(-1));", APP + path);
    }

    private WebDriverWait await() {
        return Chromium.await(driver);
    }
}
