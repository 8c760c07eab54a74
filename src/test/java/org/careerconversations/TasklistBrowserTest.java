package org.careerconversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.conversation.Submissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Eva prepares her career conversation the way she really does it: in a browser, in Tasklist, through the
 * rendered Camunda Form (prepare-employee.form). The steps before hers go through the engine REST API;
 * what she submits is checked in the engine and in the app's own conversation table. Needs Debian's
 * chromium and chromium-driver (skipped, with the reason, when they are not installed). Screenshots of
 * what she sees go to target/screenshots/.
 */
class TasklistBrowserTest extends AppTest {

    private static final String TASK_NAME = "Prepare your career conversation with Maria Mendes";

    private WebDriver driver;
    @RegisterExtension
    final Chromium.PerTest browser = new Chromium.PerTest(1400, 1000);
    private Chromium chromium;
    private TasklistPage tasklist;

    @Test
    void evaPreparesHerConversationInTasklist() throws IOException {
        // --- the steps before eva's, through REST: hanna starts for eva, maria schedules ---
        Answer started = rest().as("hanna").post("/engine-rest/process-definition/key/CareerConversation/start",
            variables(EMPLOYEE_ID, "eva"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().path("businessKey").asText()).isEqualTo("eva-1");
        String processInstanceId = started.json().path("id").asText();

        String scheduleTask = taskId("maria", TASK_SCHEDULE_CONVERSATION);
        Answer scheduled = rest().as("maria").post("/engine-rest/task/" + scheduleTask + "/complete",
            variables(Submissions.scheduleConversation(Instant.now().plus(7, ChronoUnit.DAYS))));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(204);

        String prepareTask = taskId("eva", TASK_PREPARE_EMPLOYEE);
        JsonNode task = rest().as("eva").get("/engine-rest/task/" + prepareTask).json();
        assertThat(task.path("name").asText()).isEqualTo(TASK_NAME);

        // --- eva, in the browser: her task in the list ("My tasks" is her first filter), opened by its name ---
        driver = startChromium();
        WebDriverWait wait = tasklist.await();
        tasklist.logIn("eva");
        screenshot("01-logged-in");
        By taskInList = TasklistPage.taskInList(TASK_NAME);
        tasklist.openTask(TASK_NAME);

        // the rendered Camunda Form
        WebElement wentWellLabel = wait.until(ExpectedConditions.visibilityOfElementLocated(
            fieldLabel("What went well since your last conversation?")));
        assertThat(wentWellLabel.getText()).startsWith("What went well since your last conversation?");
        assertThat(driver.findElement(By.cssSelector(".fjs-container")).getText())
            .as("the intro text names her manager")
            .contains("A little honest preparation makes it easier for Maria Mendes to listen");
        screenshot("02-task-with-form");

        String wentWell = "Shipped the search page, typed in Tasklist";
        tasklist.field("Where would you like to be in a year?").sendKeys("Own a feature end to end");
        tasklist.field("What went well since your last conversation?").sendKeys(wentWell);
        tasklist.field("What would you like to learn or get better at?").sendKeys("Presenting to customers");
        tasklist.field("How satisfied are you with your work at the moment?").sendKeys("4");
        tasklist.field("I would like my next career conversation sooner than usual").click();
        screenshot("03-form-filled");

        tasklist.complete();

        // Tasklist leaves the task: the form goes away and the list no longer shows it
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
            fieldLabel("What went well since your last conversation?")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(taskInList));
        screenshot("04-after-completion");

        // --- what arrived, checked in Java ---
        assertThat(engine.getTaskService().createTaskQuery().taskId(prepareTask).count()).isZero();
        HistoricTaskInstance done = engine.getHistoryService().createHistoricTaskInstanceQuery()
            .taskId(prepareTask).singleResult();
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(done.getAssignee()).isEqualTo("eva");

        assertThat(runtimeService.getVariable(processInstanceId, WENT_WELL)).isEqualTo(wentWell);
        // Tasklist submits a number untyped; it arrives as a whole number
        Object satisfaction = runtimeService.getVariable(processInstanceId, JOB_SATISFACTION);
        assertThat(satisfaction).isInstanceOf(Integer.class).isEqualTo(4);
        assertThat(runtimeService.getVariable(processInstanceId, EARLIER_TALK_WISHED)).isEqualTo(true);

        Map<String, Object> record = jdbc.queryForMap("select * from conversation where business_key = 'eva-1'");
        assertThat(record.get("employee_prepared")).isEqualTo(true);
        assertThat(record.get("went_well")).isEqualTo(wentWell);
        assertThat(((Number) record.get("job_satisfaction")).intValue()).isEqualTo(4);
        assertThat(record.get("ambitions_short_term")).isEqualTo("Own a feature end to end");
        assertThat(record.get("development_needs")).isEqualTo("Presenting to customers");
        assertThat(record.get("earlier_talk_wished")).isEqualTo(true);
        assertThat(record.get("ambitions_long_term")).as("left empty in the form").isNull();
    }

    /**
     * Forms with dynamic lists (goals, development steps) must be completable in Tasklist: form-js 1.8.7 leaves
     * empty error entries behind for list fields, which Tasklist 7.24 counted as errors (see pom.xml).
     */
    @Test
    void mariaDocumentsGoalsAndStepsInTasklist() throws IOException {
        assertThat(rest().as("hanna").post("/engine-rest/process-definition/key/CareerConversation/start",
            variables(EMPLOYEE_ID, "eva")).status()).isEqualTo(200);
        completeByRest("maria", TASK_SCHEDULE_CONVERSATION, Submissions.scheduleConversation(Instant.now().plus(7,
            ChronoUnit.DAYS)));
        completeByRest("eva", TASK_PREPARE_EMPLOYEE, Submissions.prepareEmployee());
        completeByRest("maria", TASK_PREPARE_MANAGER, Submissions.prepareManager());
        completeByRest("maria", TASK_HOLD_CONVERSATION, Submissions.holdConversation("held", null));
        String documentTask = taskId("maria", TASK_DOCUMENT_AGREEMENTS);

        driver = startChromium();
        WebDriverWait wait = tasklist.await();
        tasklist.logIn("maria");
        tasklist.openTask("Document the agreements with Eva Evers");

        tasklist.field("Goal").sendKeys("Lead the sprint demo");
        tasklist.field("Step").sendKeys("Presentation skills course");
        tasklist.select("Training or course");
        tasklist.field("Summary of the feedback").sendKeys("Strong start; grow visibility");
        tasklist.choose("Meets expectations");
        tasklist.choose("Low");
        screenshot("05-document-agreements-filled");

        tasklist.complete();
        wait.until(d -> engine.getTaskService().createTaskQuery().taskId(documentTask).count() == 0);
        screenshot("06-document-agreements-completed");

        assertThat(engine.getTaskService().createTaskQuery().taskId(documentTask).count()).isZero();
        assertThat(jdbc.queryForList("select g.goal from goal g join conversation c on c.id = g.conversation_id "
            + "where c.business_key = 'eva-1'", String.class)).containsExactly("Lead the sprint demo");
        assertThat(jdbc.queryForList("select a.action || '/' || a.kind from development_action a join conversation c "
            + "on c.id = a.conversation_id where c.business_key = 'eva-1'", String.class))
            .containsExactly("Presentation skills course/training");
        assertThat(taskId("eva", TASK_SIGN_OFF)).isNotBlank();
    }

    private void completeByRest(String user, String taskKey, Map<String, Object> values) {
        Answer answer = rest().as(user).post("/engine-rest/task/" + taskId(user, taskKey) + "/complete",
            variables(values));
        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    }

    private WebDriver startChromium() throws IOException {
        chromium = browser.get();
        tasklist = new TasklistPage(chromium.driver(), port);
        return chromium.driver();
    }

    /** A form-js field's label (labels of required fields end in a "*"). */
    private static By fieldLabel(String label) {
        return By.xpath("//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(),\""
            + label + "\")]");
    }

    private String taskId(String user, String taskKey) {
        JsonNode tasks = rest().as(user).get("/engine-rest/task?processInstanceBusinessKey=eva-1&maxResults=50"
            + "&taskDefinitionKey="
            + taskKey).json();
        assertThat(tasks).as("%s's %s", user, taskKey).hasSize(1);
        return tasks.get(0).path("id").asText();
    }

    private void screenshot(String name) {
        chromium.screenshot(name);
    }
}
