package org.careerconversations.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.conversation.Submissions.*;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.process.ProcessVariables.ActionRow;
import org.careerconversations.process.ProcessVariables.ProgressRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The follow-up of an agreed plan, with the engine clock moved forward instead of waiting. */
class FollowUpProcessTest extends AppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ManagementService managementService;

    @BeforeEach
    void useThisEngine() {
        AbstractAssertions.init(engine);
    }

    @Test
    void checkInsComeAtTheIntervalReviewCadenceDecided() {
        ProcessInstance pi = agreedConversation("eva");   // probation: check-ins every 4 weeks
        Date firstCheckIn = (Date) runtimeService.getVariable(pi.getId(), NEXT_CHECK_IN_AT);
        assertThat(runtimeService.getVariable(pi.getId(), PLAN_ON_RECORD).toString()).as("the plan in words")
            .contains("{\"action\":\"Presentation skills course\",\"kind\":\"Training or course\","
                + "\"dueDate\":\"28 February 2027\",\"support\":\"Budget approved by Maria\","
                + "\"progress\":\"Not started yet\"}")
            .contains("\"kind\":\"Mentoring or coaching\"");
        Date agreedAt = jdbc.queryForObject("select signed_off_at from conversation where process_instance_id = ?",
            Date.class, pi.getId());
        assertThat(firstCheckIn).isEqualTo(Date.from(agreedAt.toInstant().plus(28, ChronoUnit.DAYS)));

        ClockUtil.setCurrentTime(Date.from(firstCheckIn.toInstant().minusSeconds(60)));
        assertThat(dueTimer(pi)).as("no check-in before its time").isNull();

        fireCheckIn(pi, firstCheckIn);
        assertThat(pi).isWaitingAt(TASK_CHECK_IN_EMPLOYEE, TASK_CHECK_IN_MANAGER);
        assertThat(task(pi, TASK_CHECK_IN_EMPLOYEE).getAssignee()).isEqualTo("eva");
        assertThat(task(pi, TASK_CHECK_IN_MANAGER).getName()).contains("Eva Evers");
        checkIn(pi, "on-track", "done", false);

        assertThat(pi).isWaitingAt(GATEWAY_FOLLOW_UP_WAIT);
        // the next check-in counts from when this one was done
        Date secondCheckIn = (Date) runtimeService.getVariable(pi.getId(), NEXT_CHECK_IN_AT);
        Date checkedIn = (Date) runtimeService.getVariable(pi.getId(), LAST_CHECK_IN_AT);
        assertThat(secondCheckIn).isEqualTo(Date.from(checkedIn.toInstant().plus(28, ChronoUnit.DAYS)));
        assertThat((String) runtimeService.getVariable(pi.getId(), LAST_CHECK_IN_SUMMARY))
            .contains("Check-in 1").contains("Presentation skills course — On track");
        assertThat(runtimeService.getVariable(pi.getId(), CHECK_IN_NUMBER)).isEqualTo(2);
        assertThat(jdbc.queryForList("select status from development_action order by position", String.class))
            .containsExactly("on-track", "done");
        assertThat(jdbc.queryForObject("select count(*) from check_in where number = 1", Integer.class)).isEqualTo(2);
    }

    @Test
    void anActionOnceDoneStaysDone() {
        ProcessInstance pi = agreedConversation("erik");
        fireCheckIn(pi, (Date) runtimeService.getVariable(pi.getId(), NEXT_CHECK_IN_AT));
        checkIn(pi, "done", "on-track", false);
        fireCheckIn(pi, (Date) runtimeService.getVariable(pi.getId(), NEXT_CHECK_IN_AT));

        checkIn(pi, "at-risk", "at-risk", false);

        assertThat(jdbc.queryForList("select status from development_action order by position", String.class))
            .containsExactly("done", "at-risk");
    }

    @Test
    void aCheckInThatAsksForRevisionLeadsToARevisedPlanAndKeepsTheHistory() {
        ProcessInstance pi = agreedConversation("eva");
        fireCheckIn(pi, (Date) runtimeService.getVariable(pi.getId(), NEXT_CHECK_IN_AT));

        checkIn(pi, "done", "at-risk", true);

        assertThat(pi).isWaitingAt(TASK_REVISE_PLAN);
        assertThat((String) runtimeService.getVariable(pi.getId(), REVISION_REASON)).contains("check-in 1");
        revise(pi);
        assertThat(pi).isWaitingAt(TASK_AGREE_REVISED_PLAN).task().isAssignedTo("eva");
        // eva reads the revised plan with what changed, each kept step with its progress so far
        assertThat(runtimeService.getVariable(pi.getId(), PLAN_ON_RECORD).toString())
            .contains("\"version\":2")
            .contains("\"changes\":[\"New step: Speak at a conference\",\"Dropped step: Monthly sessions with Erik\"]")
            .contains("{\"action\":\"Presentation skills course\",\"kind\":\"Training or course\","
                + "\"dueDate\":\"28 February 2027\",\"support\":\"Budget approved by Maria\",\"progress\":\"Done\"}");
        complete(pi, TASK_AGREE_REVISED_PLAN, Map.of(REVISION_DECISION, "requestChanges",
            REVISION_COMMENT, "Keep the mentoring"));
        assertThat(pi).isWaitingAt(TASK_REVISE_PLAN);
        revise(pi);
        complete(pi, TASK_AGREE_REVISED_PLAN, Map.of(REVISION_DECISION, "agree"));

        assertThat(pi).isWaitingAt(GATEWAY_FOLLOW_UP_WAIT);
        assertThat(jdbc.queryForObject("select plan_version from conversation", Integer.class)).isEqualTo(2);
        // version 1, as agreed, is still there; version 2 keeps the done course done and adds the conference
        assertThat(jdbc.queryForList("select action || '/' || status from development_action where plan_version = 1 "
            + "order by position", String.class)).containsExactly("Presentation skills course/done",
            "Monthly sessions with Erik/at-risk");
        assertThat(jdbc.queryForList("select action || '/' || status from development_action where plan_version = 2 "
            + "order by position", String.class)).containsExactly("Presentation skills course/done",
            "Speak at a conference/not-started");
        assertThat(jdbc.queryForObject("select reason from plan_revision where version = 2", String.class))
            .contains("check-in 1");
        assertThat(jdbc.queryForList("select goal from goal where plan_version = 1", String.class)).hasSize(2);
    }

    /** A form opened before the plan changed may still send a step the plan no longer has: it is refused. */
    @Test
    void aStepThatIsNotInTheCurrentPlanIsRefusedAtCheckInAndRevision() {
        ProcessInstance pi = agreedConversation("eva");
        fireCheckIn(pi, (Date) runtimeService.getVariable(pi.getId(), NEXT_CHECK_IN_AT));
        List<Map<String, Object>> progress = progress(pi, EMPLOYEE_PROGRESS, "on-track", "on-track");
        progress.get(1).put(ProgressRow.ACTION_ID, 999_999);

        assertThatThrownBy(() -> complete(pi, TASK_CHECK_IN_EMPLOYEE, Map.of(EMPLOYEE_PROGRESS, progress,
            EMPLOYEE_PLAN_NEEDS_REVISING, true)))
            .hasMessageContaining("entry 2: this step is not in the current plan; open the task again");
        assertThat(task(pi, TASK_CHECK_IN_EMPLOYEE)).as("the check-in stays open").isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from check_in", Integer.class)).isZero();

        checkIn(pi, "done", "on-track", true);
        assertThat(pi).isWaitingAt(TASK_REVISE_PLAN);
        List<Map<String, Object>> actions = rows(pi, DEVELOPMENT_ACTIONS);
        actions.get(0).put(ActionRow.ACTION_ID, 999_999);
        assertThatThrownBy(() -> complete(pi, TASK_REVISE_PLAN, Map.of(GOALS, rows(pi, GOALS),
            DEVELOPMENT_ACTIONS, actions)))
            .hasMessageContaining("entry 1 is a step that is no longer in the current plan");
        assertThat(pi).isWaitingAt(TASK_REVISE_PLAN);
        assertThat(jdbc.queryForObject("select plan_version from conversation", Integer.class)).isEqualTo(1);
    }

    @Test
    void theEmployeeAsksForARevisionThroughTheApi() {
        ProcessInstance pi = agreedConversation("eva");

        Answer answer = rest().as("eva").post("/api/conversations/eva-1/revision-requests",
            Map.of("reason", "I am moving to the platform team"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(pi).isWaitingAt(TASK_REVISE_PLAN).task().isAssignedTo("maria");
        assertThat(runtimeService.getVariable(pi.getId(),
            REVISION_REASON)).isEqualTo("I am moving to the platform team");
        assertThat(runtimeService.getVariable(pi.getId(), REVISION_REQUESTED_BY)).isEqualTo("eva");
        // the revise-plan form shows who asked by name
        assertThat(runtimeService.getVariable(pi.getId(), REVISION_REQUESTED_BY_NAME)).isEqualTo("Eva Evers");
        // a second request while the revision runs is refused clearly
        Answer again = rest().as("maria").post("/api/conversations/eva-1/revision-requests",
            Map.of("reason", "once more"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("message").asText()).contains("a check-in or a revision is in progress");
    }

    @Test
    void onlyTheEmployeeAndTheManagerMayAskForARevision() {
        ProcessInstance pi = agreedConversation("eva");

        assertThat(rest().post("/api/conversations/eva-1/revision-requests", Map.of("reason", "x")).status())
            .isEqualTo(401);
        assertThat(rest().as("erik").post("/api/conversations/eva-1/revision-requests", Map.of("reason", "x"))
            .status()).isEqualTo(404);
        assertThat(rest().as("mark").post("/api/conversations/eva-1/revision-requests", Map.of("reason", "x"))
            .status()).isEqualTo(404);
        Answer hanna = rest().as("hanna").post("/api/conversations/eva-1/revision-requests", Map.of("reason", "x"));
        assertThat(hanna.status()).isEqualTo(403);
        assertThat(hanna.json().path("message").asText()).contains("Only the employee and the manager");
        Answer noReason = rest().as("maria").post("/api/conversations/eva-1/revision-requests", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("message").asText()).contains("Reason is required");

        assertThat(pi).isWaitingAt(GATEWAY_FOLLOW_UP_WAIT);
    }

    @Test
    void theNextCycleEndsThePreviousFollowUp() {
        ProcessInstance first = agreedConversation("erik");

        ProcessInstance second = new Conversations(engine).start("erik");

        assertThat(second.getBusinessKey()).isEqualTo("erik-2");
        assertThat(first).isEnded().hasPassed(TASK_END_FOLLOW_UP, END_CYCLE_COMPLETED);
        assertThat(jdbc.queryForObject("select follow_up_end_reason from conversation where business_key = 'erik-1'",
            String.class)).isEqualTo("next cycle started");
    }

    @Test
    void anEmployeeWhoLeavesEndsTheOpenCycleWithReasonLeft() {
        ProcessInstance pi = new Conversations(engine).start("emma");

        runtimeService.createMessageCorrelation(MESSAGE_EMPLOYEE_LEFT).processInstanceId(pi.getId()).correlate();

        assertThat(pi).isEnded().hasPassed(TASK_RECORD_EMPLOYEE_LEFT, END_EMPLOYEE_LEFT);
        assertThat(jdbc.queryForMap("select status, outcome_note from conversation"))
            .containsEntry("STATUS", "CANCELLED").containsEntry("OUTCOME_NOTE", "left");
    }

    // --- helpers ---

    ProcessInstance agreedConversation(String employeeId) {
        ProcessInstance pi = new Conversations(engine).start(employeeId);
        complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(Instant.now().plus(5, ChronoUnit.DAYS)));
        complete(pi, TASK_PREPARE_EMPLOYEE, prepareEmployee());
        complete(pi, TASK_PREPARE_MANAGER, prepareManager());
        complete(pi, TASK_HOLD_CONVERSATION, holdConversation("held", null));
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        complete(pi, TASK_SIGN_OFF, agree());
        assertThat(pi).isWaitingAt(GATEWAY_FOLLOW_UP_WAIT);
        return pi;
    }

    @Test
    void theIntervalComesFromTheRecordNotFromWhatACheckInSends() {
        ProcessInstance pi = agreedConversation("eva");   // probation: check-ins every 4 weeks
        fireCheckIn(pi, (Date) runtimeService.getVariable(pi.getId(), NEXT_CHECK_IN_AT));
        // whoever completes the check-in could send the decision's answer with another interval
        complete(pi, TASK_CHECK_IN_EMPLOYEE, Map.of(EMPLOYEE_PROGRESS, progress(pi, EMPLOYEE_PROGRESS, "on-track",
            "done"), EMPLOYEE_PLAN_NEEDS_REVISING, false, CADENCE, Map.of("checkInWeeks", 99)));
        complete(pi, TASK_CHECK_IN_MANAGER, Map.of(MANAGER_PROGRESS, progress(pi, MANAGER_PROGRESS, "on-track",
            "done"), MANAGER_PLAN_NEEDS_REVISING, false));

        Date checkedIn = (Date) runtimeService.getVariable(pi.getId(), LAST_CHECK_IN_AT);
        assertThat((Date) runtimeService.getVariable(pi.getId(), NEXT_CHECK_IN_AT))
            .isEqualTo(Date.from(checkedIn.toInstant().plus(28, ChronoUnit.DAYS)));
    }

    private Job dueTimer(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_CHECK_IN_DUE)
            .duedateLowerThan(ClockUtil.getCurrentTime()).singleResult();
    }

    private void fireCheckIn(ProcessInstance pi, Date at) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant().plusSeconds(60)));
        Job timer = dueTimer(pi);
        assertThat(timer).as("check-in timer due").isNotNull();
        managementService.executeJob(timer.getId());
    }

    /** Both sides check in; the first action gets {@code first}, the second {@code second}. */
    private void checkIn(ProcessInstance pi, String first, String second, boolean employeeWantsRevision) {
        complete(pi, TASK_CHECK_IN_EMPLOYEE, Map.of(EMPLOYEE_PROGRESS, progress(pi, EMPLOYEE_PROGRESS, first, second),
            EMPLOYEE_OBSTACLES, "Little time in December", EMPLOYEE_PLAN_NEEDS_REVISING, employeeWantsRevision));
        complete(pi, TASK_CHECK_IN_MANAGER, Map.of(MANAGER_PROGRESS, progress(pi, MANAGER_PROGRESS, first, second),
            MANAGER_PLAN_NEEDS_REVISING, false));
    }

    private List<Map<String, Object>> progress(ProcessInstance pi, String variable, String first, String second) {
        List<Map<String, Object>> rows = rows(pi, variable);
        rows.get(0).put("status", first);
        rows.get(1).put("status", second);
        rows.get(0).put("note", "noted");
        return rows;
    }

    private void revise(ProcessInstance pi) {
        List<Map<String, Object>> actions = rows(pi, DEVELOPMENT_ACTIONS);
        Map<String, Object> conference = new LinkedHashMap<>();
        conference.put(ActionRow.ACTION, "Speak at a conference");
        conference.put(ActionRow.KIND, "stretch-assignment");
        conference.put(ActionRow.DUE_DATE, "2027-09-30");
        List<Map<String, Object>> revised = new ArrayList<>(List.of(actions.get(0), conference));
        complete(pi, TASK_REVISE_PLAN, Map.of(GOALS, rows(pi, GOALS), DEVELOPMENT_ACTIONS, revised));
    }

    private List<Map<String, Object>> rows(ProcessInstance pi, String variable) {
        try {
            JsonNode node = JSON.readTree(runtimeService.getVariable(pi.getId(), variable).toString());
            List<Map<String, Object>> rows = new ArrayList<>();
            node.forEach(n -> rows.add(JSON.convertValue(n, LinkedHashMap.class)));
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Task task(ProcessInstance pi, String key) {
        return new Conversations(engine).task(pi.getId(), key);
    }

    private void complete(ProcessInstance pi, String key, Map<String, Object> values) {
        new Conversations(engine).complete(pi.getId(), key, values);
    }
}
