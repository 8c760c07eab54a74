package org.careerconversations.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.process.ProcessVariables.ActionRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The server's rules, through the engine REST API as a client that skips the forms: each bad submission
 * gets a 4xx naming the field and the rule, and nothing changes.
 */
class BadInputTest extends AppTest {

    private static final String START = "/engine-rest/process-definition/key/CareerConversation/start";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter ENTERED = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    @Autowired
    TaskService taskService;

    @Test
    void schedulingWithoutAPlaceNamesTheField() {
        String task = scheduleTaskForEva();
        Answer answer = complete("maria", task, Map.of(MEETING_AT, inDays(3)));

        assertRejected(answer, 400, "\u201cPlace or video link\u201d is required.");
        assertTaskStillOpenAndNothingStored(task, "scheduled_at");
    }

    @Test
    void aMeetingInThePastIsRejected() {
        String task = scheduleTaskForEva();
        Answer answer = complete("maria", task, Map.of(MEETING_AT, "2025-01-06T10:00+01:00",
            MEETING_PLACE, "Room 4"));

        assertRejected(answer, 400, "The meeting time must not be in the past (you entered 6 Jan 2025 10:00).");
        assertTaskStillOpenAndNothingStored(task, "scheduled_at");
    }

    @Test
    void aMeetingTimeThatIsNoDateIsRejected() {
        String task = scheduleTaskForEva();
        Answer answer = complete("maria", task, Map.of(MEETING_AT, "next Tuesday", MEETING_PLACE, "Room 4"));

        assertRejected(answer, 400, "The meeting time must be a date and time such as 2026-12-01T10:00+01:00"
            + " (you sent \u201cnext Tuesday\u201d).");
        assertTaskStillOpenAndNothingStored(task, "scheduled_at");
    }

    @Test
    void freeTextOverTheLimitIsRejectedWithTheLimitNotAPersistenceError() {
        String task = preparationTaskForEva();
        Map<String, Object> values = Submissions.prepareEmployee();
        values.put(WENT_WELL, "x".repeat(5000));

        Answer answer = complete("eva", task, values);

        assertRejected(answer, 400,
            "\u201cWhat went well since your last conversation?\u201d can be at most 2,000 characters"
            + " (you entered 5,000).");
        assertThat(answer.message()).as("one sentence for one broken rule").doesNotContain("is required");
        assertThat(answer.body()).doesNotContain("persistence layer");
        assertTaskStillOpenAndNothingStored(task, "went_well");
    }

    @Test
    void aMissingRequiredPreparationFieldIsNamed() {
        String task = preparationTaskForEva();
        Map<String, Object> values = Submissions.prepareEmployee();
        values.remove(DEVELOPMENT_NEEDS);
        values.put(JOB_SATISFACTION, 9);

        Answer answer = complete("eva", task, values);

        assertRejected(answer, 400, "\u201cWhat would you like to learn or get better at?\u201d is required.");
        assertThat(answer.message()).contains("\u201cHow satisfied are you with your work at the moment?\u201d must be a "
            + "whole number from 1 to 5 (you entered 9).");
        assertTaskStillOpenAndNothingStored(task, "went_well");
    }

    @Test
    void documentationNeedsAGoalAndKnownValues() {
        String task = documentTaskForEva();
        Map<String, Object> values = Submissions.documentAgreements();
        values.put(GOALS, List.of());
        values.put(DEVELOPMENT_ACTIONS, List.of(Map.of(ActionRow.ACTION, "Read a book", ActionRow.KIND, "holiday")));
        values.put(PERFORMANCE_SIGNAL, "great");

        Answer answer = complete("maria", task, values);

        assertRejected(answer, 400, "\u201cAgreed goals\u201d needs at least 1 entry.");
        assertThat(answer.message()).contains("\u201cDevelopment plan\u201d, entry 1: \u201cKind of step\u201d must be one of: "
                + "Training or course, Mentoring or coaching, Stretch assignment, Something else (you sent \u201choliday\u201d).")
            .contains("\u201cPerformance this period\u201d must be one of: Exceeds expectations, Meets expectations, "
                + "Below expectations, Not rated this time (you sent \u201cgreat\u201d).");
        assertTaskStillOpenAndNothingStored(task, "feedback_summary");
        assertThat(jdbc.queryForObject("select count(*) from goal", Integer.class)).isZero();
    }

    @Test
    void askingForChangesWithoutSayingWhichIsRejected() {
        String task = documentTaskForEva();
        assertThat(complete("maria", task, Submissions.documentAgreements()).status()).isEqualTo(204);
        String signOff = taskService.createTaskQuery().taskDefinitionKey(TASK_SIGN_OFF).singleResult().getId();

        Answer answer = complete("eva", signOff, Map.of(SIGN_OFF_DECISION, "requestChanges"));

        assertRejected(answer, 400,
            "\u201cWhat would you like to see different?\u201d is required when you ask for changes");
        assertTaskStillOpenAndNothingStored(signOff, "change_request");
    }

    @Test
    void heldWithATimeInTheFutureIsRefusedInTheFormsWords() {
        String hold = holdTaskForEva();
        Instant inTwoHours = Instant.now().plus(2, ChronoUnit.HOURS);
        Answer answer = complete("maria", hold, Map.of(MEETING_OUTCOME, "held",
            MEETING_HELD_AT, inTwoHours.atZone(ZONE).toOffsetDateTime().toString()));

        assertRejected(answer, 400, "The time the conversation took place must not be in the future (you entered "
            + ENTERED.format(inTwoHours.atZone(ZONE)) + ").");
        assertThat(answer.message()).doesNotContain(MEETING_HELD_AT).doesNotContain("Cannot submit");
        assertTaskStillOpenAndNothingStored(hold, "held_at");
        assertThat(jdbc.queryForObject("select status from conversation", String.class)).isEqualTo("PREPARING");
    }

    @Test
    void heldBeforeTheConversationWasStartedIsRefused() {
        String hold = holdTaskForEva();
        Answer answer = complete("maria", hold, Map.of(MEETING_OUTCOME, "held", MEETING_HELD_AT,
            "2025-01-06T10:00+01:00"));

        assertRejected(answer, 400, "The time the conversation took place must not be before ");
        assertThat(answer.message()).contains("when this conversation was started (you entered 6 Jan 2025 10:00).");
        assertTaskStillOpenAndNothingStored(hold, "held_at");
    }

    @Test
    void heldIsRecordedWithTheTimeItTookPlace() {
        String hold = holdTaskForEva();
        // earlier than planned (the meeting is days ahead), later than the conversation was started
        Instant justNow = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Answer answer = complete("maria", hold, Map.of(MEETING_OUTCOME, "held",
            MEETING_HELD_AT, justNow.atZone(ZONE).toOffsetDateTime().toString()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select held_at from conversation", java.sql.Timestamp.class).toInstant())
            .isEqualTo(justNow);
    }

    @Test
    void startingForAnUnknownEmployeeIsRejected() {
        Answer answer = rest().as("hanna").post(START, variables(EMPLOYEE_ID, "nobody"));

        assertRejected(answer, 400, "There is nobody with the user ID \u201cnobody\u201d in the organisation.");
        assertNothingStarted();
    }

    @Test
    void startingWithoutAnEmployeeIsRejected() {
        Answer answer = rest().as("hanna").post(START, variables());

        assertRejected(answer, 400, "Choose the employee whose career conversation you want to start.");
        assertNothingStarted();
    }

    @Test
    void startingForAnInactiveEmployeeIsRejected() {
        jdbc.update("update employee set active = false where id = 'elin'");
        try {
            Answer answer = rest().as("hanna").post(START, variables(EMPLOYEE_ID, "elin"));

            assertRejected(answer, 400, "Elin Ek has left the organisation, so no career conversation starts.");
            assertNothingStarted();
        } finally {
            jdbc.update("update employee set active = true where id = 'elin'");
        }
    }

    @Test
    void startingForSomeoneWithAnOpenConversationIsRejected() {
        assertThat(rest().as("hanna").post(START, variables(EMPLOYEE_ID, "eva")).status()).isEqualTo(200);

        Answer answer = rest().as("maria").post(START, variables(EMPLOYEE_ID, "eva"));

        assertRejected(answer, 409, "Eva Evers already has a career conversation in progress (started on ");
        assertThat(answer.message()).endsWith("). It has to be finished or cancelled before the next one can start.");
        // (the first start's mail to maria waits in a SendNotification instance of its own)
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CAREER_CONVERSATION).count())
            .isOne();
        assertThat(jdbc.queryForObject("select count(*) from conversation", Integer.class)).isOne();
    }

    @Test
    void startingForSomeoneWithoutAManagerIsRejected() {
        Answer answer = rest().as("hanna").post(START, variables(EMPLOYEE_ID, "dora"));

        assertRejected(answer, 400, "Dora Dijkstra has no manager to hold a career conversation with.");
        assertNothingStarted();
    }

    // --- helpers ---

    private EngineRest as(String user) {
        return rest().as(user);
    }

    private String scheduleTaskForEva() {
        assertThat(as("hanna").post(START, variables(EMPLOYEE_ID, "eva")).status()).isEqualTo(200);
        return taskService.createTaskQuery().taskDefinitionKey(TASK_SCHEDULE_CONVERSATION).singleResult().getId();
    }

    private String preparationTaskForEva() {
        String schedule = scheduleTaskForEva();
        assertThat(complete("maria", schedule,
            Submissions.scheduleConversation(Instant.now().plus(4, ChronoUnit.DAYS))).status()).isEqualTo(204);
        return taskService.createTaskQuery().taskDefinitionKey(TASK_PREPARE_EMPLOYEE).singleResult().getId();
    }

    private String holdTaskForEva() {
        String preparation = preparationTaskForEva();
        assertThat(complete("eva", preparation, Submissions.prepareEmployee()).status()).isEqualTo(204);
        String managerPreparation = taskService.createTaskQuery().taskDefinitionKey(TASK_PREPARE_MANAGER)
            .singleResult().getId();
        assertThat(complete("maria", managerPreparation, Submissions.prepareManager()).status()).isEqualTo(204);
        return taskService.createTaskQuery().taskDefinitionKey(TASK_HOLD_CONVERSATION).singleResult().getId();
    }

    private String documentTaskForEva() {
        String hold = holdTaskForEva();
        assertThat(complete("maria", hold, Submissions.holdConversation("held", null)).status()).isEqualTo(204);
        return taskService.createTaskQuery().taskDefinitionKey(TASK_DOCUMENT_AGREEMENTS).singleResult().getId();
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
