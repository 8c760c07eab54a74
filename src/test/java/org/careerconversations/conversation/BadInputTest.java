package org.careerconversations.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The server's rules, through the engine REST API as a client that skips the forms: each bad submission
 * gets a 4xx naming the field and the rule, and nothing changes.
 */
class BadInputTest extends AppTest {

    private static final String START = "/engine-rest/process-definition/key/CareerConversation/start";

    @Autowired
    TaskService taskService;

    @Test
    void schedulingWithoutAPlaceNamesTheField() {
        String task = scheduleTaskForEva();
        Answer answer = complete("maria", task, Map.of("meetingAt", inDays(3)));

        assertRejected(answer, 400, "meetingPlace is required");
        assertTaskStillOpenAndNothingStored(task, "scheduled_at");
    }

    @Test
    void aMeetingInThePastIsRejected() {
        String task = scheduleTaskForEva();
        Answer answer = complete("maria", task, Map.of("meetingAt", "2025-01-06T10:00+01:00",
            "meetingPlace", "Room 4"));

        assertRejected(answer, 400, "meetingAt must not be in the past");
        assertTaskStillOpenAndNothingStored(task, "scheduled_at");
    }

    @Test
    void aMeetingTimeThatIsNoDateIsRejected() {
        String task = scheduleTaskForEva();
        Answer answer = complete("maria", task, Map.of("meetingAt", "next Tuesday", "meetingPlace", "Room 4"));

        assertRejected(answer, 400, "meetingAt must be a date and time");
        assertTaskStillOpenAndNothingStored(task, "scheduled_at");
    }

    @Test
    void freeTextOverTheLimitIsRejectedWithTheLimitNotAPersistenceError() {
        String task = preparationTaskForEva();
        Map<String, Object> values = Submissions.employeePreparation();
        values.put("wentWell", "x".repeat(5000));

        Answer answer = complete("eva", task, values);

        assertRejected(answer, 400, "wentWell must be at most 2000 characters (has 5000)");
        assertThat(answer.body()).doesNotContain("persistence layer");
        assertTaskStillOpenAndNothingStored(task, "went_well");
    }

    @Test
    void aMissingRequiredPreparationFieldIsNamed() {
        String task = preparationTaskForEva();
        Map<String, Object> values = Submissions.employeePreparation();
        values.remove("developmentNeeds");
        values.put("jobSatisfaction", 9);

        Answer answer = complete("eva", task, values);

        assertRejected(answer, 400, "developmentNeeds is required");
        assertThat(answer.message()).contains("jobSatisfaction must be a whole number from 1 to 5 (was 9)");
        assertTaskStillOpenAndNothingStored(task, "went_well");
    }

    @Test
    void documentationNeedsAGoalAndKnownValues() {
        String task = documentTaskForEva();
        Map<String, Object> values = Submissions.documentation();
        values.put("goals", List.of());
        values.put("developmentActions", List.of(Map.of("action", "Read a book", "kind", "holiday")));
        values.put("performanceSignal", "great");

        Answer answer = complete("maria", task, values);

        assertRejected(answer, 400, "goals needs at least 1 entry");
        assertThat(answer.message()).contains("developmentActions[1].kind must be one of")
            .contains("performanceSignal must be one of exceeds, meets, below, unrated (was 'great')");
        assertTaskStillOpenAndNothingStored(task, "feedback_summary");
        assertThat(jdbc.queryForObject("select count(*) from goal", Integer.class)).isZero();
    }

    @Test
    void askingForChangesWithoutSayingWhichIsRejected() {
        String task = documentTaskForEva();
        assertThat(complete("maria", task, Submissions.documentation()).status()).isEqualTo(204);
        String signOff = taskService.createTaskQuery().taskDefinitionKey("Task_SignOff").singleResult().getId();

        Answer answer = complete("eva", signOff, Map.of("signOffDecision", "requestChanges"));

        assertRejected(answer, 400, "changeRequest is required when you ask for changes");
        assertTaskStillOpenAndNothingStored(signOff, "change_request");
    }

    @Test
    void startingForAnUnknownEmployeeIsRejected() {
        Answer answer = rest().as("hanna").post(START, variables("employeeId", "nobody"));

        assertRejected(answer, 400, "employeeId 'nobody' is not an employee of the organisation");
        assertNothingStarted();
    }

    @Test
    void startingWithoutAnEmployeeIsRejected() {
        Answer answer = rest().as("hanna").post(START, variables());

        assertRejected(answer, 400, "employeeId is required");
        assertNothingStarted();
    }

    @Test
    void startingForAnInactiveEmployeeIsRejected() {
        jdbc.update("update employee set active = false where id = 'elin'");
        try {
            Answer answer = rest().as("hanna").post(START, variables("employeeId", "elin"));

            assertRejected(answer, 400, "employeeId 'elin' belongs to an inactive employee");
            assertNothingStarted();
        } finally {
            jdbc.update("update employee set active = true where id = 'elin'");
        }
    }

    @Test
    void startingForSomeoneWithAnOpenConversationIsRejected() {
        assertThat(rest().as("hanna").post(START, variables("employeeId", "eva")).status()).isEqualTo(200);

        Answer answer = rest().as("maria").post(START, variables("employeeId", "eva"));

        assertRejected(answer, 409, "employeeId 'eva' already has an open career conversation (eva-1)");
        // (the first start's mail to maria waits in a SendNotification instance of its own)
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("CareerConversation").count())
            .isOne();
        assertThat(jdbc.queryForObject("select count(*) from conversation", Integer.class)).isOne();
    }

    @Test
    void startingForSomeoneWithoutAManagerIsRejected() {
        Answer answer = rest().as("hanna").post(START, variables("employeeId", "dora"));

        assertRejected(answer, 400, "Dora Dijkstra has no manager");
        assertNothingStarted();
    }

    // --- helpers ---

    private EngineRest as(String user) {
        return rest().as(user);
    }

    private String scheduleTaskForEva() {
        assertThat(as("hanna").post(START, variables("employeeId", "eva")).status()).isEqualTo(200);
        return taskService.createTaskQuery().taskDefinitionKey("Task_ScheduleConversation").singleResult().getId();
    }

    private String preparationTaskForEva() {
        String schedule = scheduleTaskForEva();
        assertThat(complete("maria", schedule, Submissions.schedule(Instant.now().plus(4, ChronoUnit.DAYS))).status())
            .isEqualTo(204);
        return taskService.createTaskQuery().taskDefinitionKey("Task_PrepareEmployee").singleResult().getId();
    }

    private String documentTaskForEva() {
        String preparation = preparationTaskForEva();
        assertThat(complete("eva", preparation, Submissions.employeePreparation()).status()).isEqualTo(204);
        String managerPreparation = taskService.createTaskQuery().taskDefinitionKey("Task_PrepareManager")
            .singleResult().getId();
        assertThat(complete("maria", managerPreparation, Submissions.managerPreparation()).status()).isEqualTo(204);
        String hold = taskService.createTaskQuery().taskDefinitionKey("Task_HoldConversation").singleResult().getId();
        assertThat(complete("maria", hold, Submissions.hold("held", null)).status()).isEqualTo(204);
        return taskService.createTaskQuery().taskDefinitionKey("Task_DocumentAgreements").singleResult().getId();
    }

    private Answer complete(String user, String taskId, Map<String, Object> values) {
        return as(user).post("/engine-rest/task/" + taskId + "/complete", variables(values));
    }

    private static String inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).toString();
    }

    private static void assertRejected(Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.message()).contains(message);
    }

    private void assertTaskStillOpenAndNothingStored(String taskId, String column) {
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task still open").isOne();
        assertThat(jdbc.queryForObject("select count(*) from conversation where " + column + " is not null",
            Integer.class)).as("nothing stored in " + column).isZero();
    }

    private void assertNothingStarted() {
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from conversation", Integer.class)).isZero();
    }
}
