package org.careerconversations.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.careerconversations.conversation.Submissions.*;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.organisation.EmployeeRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Every path of CareerConversation on the real model, its forms' rules and the ReviewCadence table. */
class CareerConversationProcessTest extends AppTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Autowired
    TaskService taskService;
    @Autowired
    ConversationRepository conversations;
    @Autowired
    ConversationService conversationService;
    @Autowired
    EmployeeRepository employees;
    @Autowired
    TransactionTemplate transaction;

    private Instant meeting;

    @BeforeEach
    void useThisEngine() {
        AbstractAssertions.init(engine);
        meeting = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void happyPathEndsAgreedWithTheCadenceDecision() {
        ProcessInstance pi = heldConversation("eva");
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        complete(pi, TASK_SIGN_OFF, agree());

        assertThat(pi).hasPassed(TASK_FINALISE_AGREEMENT, TASK_DECIDE_CADENCE, TASK_RECORD_NEXT_CONVERSATION_DUE)
            .isWaitingAt(GATEWAY_FOLLOW_UP_WAIT);
        Conversation record = record("eva-1");
        assertThat(record.getStatus()).isEqualTo(ConversationStatus.AGREED);
        assertThat(record.getSignedOffAt()).isNotNull();
        assertThat(record.getGoals()).extracting(Goal::getGoal)
            .containsExactly("Lead the sprint demo", "Pair with a customer team");
        assertThat(record.getGoals().get(0).getTargetDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(record.getDevelopmentActions()).extracting(DevelopmentAction::getKind)
            .containsExactly("training", "mentoring");
        assertThat(record.getWentWell()).isEqualTo("Shipped the search page");
        assertThat(record.getStrengthsObserved()).isEqualTo("Eva asks the right questions early");
        // eva is on probation: ReviewCadence asks for a talk in three months, with HR
        assertThat(record.getMonthsToNext()).isEqualTo(3);
        assertThat(record.getHrJoins()).isTrue();
        assertThat(record.getCadenceReason()).containsIgnoringCase("probation");
        LocalDate expectedDue = LocalDate.now(ZONE).plusMonths(3);
        assertThat(record.getNextConversationDue()).isEqualTo(expectedDue);
        assertThat(employees.findById("eva").orElseThrow().getNextConversationDue()).contains(expectedDue);
        // the decision's answer, as the history keeps it, says the same
        assertThat(((Map<?, ?>) historicVariable(pi, CADENCE)).get(CadenceOutput.REASON))
            .isEqualTo(record.getCadenceReason());
    }

    @Test
    void theDecisionReadsTheRecordAndTheHistoryKeepsEachSettingOnce() {
        ProcessInstance pi = heldConversation("eva");
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        // someone with access to the variables changes an input of the decision before the sign-off
        engine.getRuntimeService().setVariable(pi.getId(), RETENTION_RISK, "high");
        complete(pi, TASK_SIGN_OFF, agree());

        assertThat(pi).isWaitingAt(GATEWAY_FOLLOW_UP_WAIT);
        assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
            .includeInputs().singleResult().getInputs())
            .filteredOn(input -> "Retention risk".equals(input.getClauseName()))
            .extracting(input -> input.getValue()).containsExactly("low");
        // the audit trail: the form's setting, the change, the record's value put back; the signal the form set
        // as the record has it is not set a second time, and the answer is kept once, in cadence and the record
        assertThat(settings(pi, RETENTION_RISK)).containsExactly("low", "high", "low");
        assertThat(settings(pi, PERFORMANCE_SIGNAL)).containsExactly("meets");
        assertThat(settings(pi, EMPLOYEE_ID)).containsExactly("eva");
        for (String copy : new String[] {"monthsToNext", "checkInWeeks", "hrJoins", "cadenceReason",
            "nextConversationDue"}) {
            assertThat(settings(pi, copy)).as(copy).isEmpty();
        }
        assertThat(settings(pi, CADENCE)).hasSize(1);
    }

    /** Every value the variable was set to, in order, as the history's details keep them. */
    private List<Object> settings(ProcessInstance pi, String name) {
        return engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId())
            .variableUpdates().orderByTime().asc().orderPartiallyByOccurrence().asc().list().stream()
            .map(HistoricVariableUpdate.class::cast).filter(update -> update.getVariableName().equals(name))
            .map(HistoricVariableUpdate::getValue).toList();
    }

    @Test
    void businessKeyIsEmployeeAndCycle() {
        assertThat(startFor("erik").getBusinessKey()).isEqualTo("erik-1");
    }

    @Test
    void everyUserTaskHasAnAssigneeADueDateAndTheOtherPersonsName() {
        ProcessInstance pi = startFor("eva");
        assertTask(pi, TASK_SCHEDULE_CONVERSATION, "maria", "Eva Evers");
        complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(meeting));
        assertTask(pi, TASK_PREPARE_EMPLOYEE, "eva", "Maria Mendes");
        assertTask(pi, TASK_PREPARE_MANAGER, "maria", "Eva Evers");
        assertThat(task(pi, TASK_PREPARE_EMPLOYEE).getDueDate())
            .isEqualTo(Date.from(meeting.minus(1, ChronoUnit.DAYS)));
        complete(pi, TASK_PREPARE_EMPLOYEE, prepareEmployee());
        complete(pi, TASK_PREPARE_MANAGER, prepareManager());
        assertTask(pi, TASK_HOLD_CONVERSATION, "maria", "Eva Evers");
        complete(pi, TASK_HOLD_CONVERSATION, holdConversation("held", null));
        assertTask(pi, TASK_DOCUMENT_AGREEMENTS, "maria", "Eva Evers");
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        assertTask(pi, TASK_SIGN_OFF, "eva", "Maria Mendes");
        complete(pi, TASK_SIGN_OFF, requestChanges("Please add the conference"));
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        complete(pi, TASK_SIGN_OFF, requestChanges("Still missing the conference"));
        assertTask(pi, TASK_MEDIATE_SIGN_OFF, "hanna", "Eva Evers");
        assertThat(task(pi, TASK_MEDIATE_SIGN_OFF).getName()).contains("Maria Mendes");
    }

    @Test
    void rescheduledMeetingGoesBackToScheduling() {
        ProcessInstance pi = preparedConversation("eva");
        complete(pi, TASK_HOLD_CONVERSATION, holdConversation("rescheduled", "Eva is ill"));

        assertThat(pi).isWaitingAt(TASK_SCHEDULE_CONVERSATION).variables().containsEntry(RESCHEDULE_COUNT, 1);
        Conversation record = record("eva-1");
        assertThat(record.getStatus()).isEqualTo(ConversationStatus.SCHEDULING);
        assertThat(record.getOutcomeNote()).isEqualTo("Eva is ill");
        // holding the new meeting starts without the last outcome chosen
        complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(Instant.now().plus(3, ChronoUnit.DAYS)));
        assertThat(runtimeService.getVariable(pi.getId(), MEETING_OUTCOME)).isNull();
    }

    @Test
    void thirdRescheduleEscalatesToHrWhoLetsTheManagerScheduleAgain() {
        ProcessInstance pi = rescheduledThreeTimes("eva");
        assertThat(pi).isWaitingAt(TASK_RESOLVE_RESCHEDULING).task().isAssignedTo("hanna");

        complete(pi, TASK_RESOLVE_RESCHEDULING, resolveRescheduling("scheduleAgain", "Talked to Maria"));

        assertThat(pi).isWaitingAt(TASK_SCHEDULE_CONVERSATION);
        assertThat(record("eva-1").getRescheduleCount()).isEqualTo(3);
    }

    @Test
    void thirdRescheduleEscalatesToHrWhoCancelsTheCycle() {
        ProcessInstance pi = rescheduledThreeTimes("eva");

        complete(pi, TASK_RESOLVE_RESCHEDULING, resolveRescheduling("cancel", "Eva moves to another team"));

        assertThat(pi).isEnded().hasPassed(TASK_CANCEL_CONVERSATION, END_CONVERSATION_CANCELLED);
        Conversation record = record("eva-1");
        assertThat(record.getStatus()).isEqualTo(ConversationStatus.CANCELLED);
        assertThat(record.getOutcomeNote()).isEqualTo("Eva moves to another team");
        assertThat(record.getNextConversationDue()).isNotNull();
    }

    @Test
    void cancelledMeetingEndsTheCycleWithReasonAndNextDueDate() {
        ProcessInstance pi = preparedConversation("erik");

        complete(pi, TASK_HOLD_CONVERSATION, holdConversation("cancelled", "Erik changes roles next month"));

        assertThat(pi).isEnded().hasPassed(TASK_CANCEL_CONVERSATION, TASK_DECIDE_CADENCE,
            END_CONVERSATION_CANCELLED);
        Conversation record = record("erik-1");
        assertThat(record.getStatus()).isEqualTo(ConversationStatus.CANCELLED);
        assertThat(record.getOutcomeNote()).isEqualTo("Erik changes roles next month");
        assertThat(record.getCadenceReason()).isNotBlank();
        assertThat(record.getNextConversationDue())
            .isEqualTo(LocalDate.now(ZONE).plusMonths(record.getMonthsToNext()));
        assertThat(employees.findById("erik").orElseThrow().getNextConversationDue())
            .contains(record.getNextConversationDue());
    }

    @Test
    void oneChangeRequestGoesBackToTheManagerWhoSeesTheComment() {
        ProcessInstance pi = heldConversation("eva");
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());

        complete(pi, TASK_SIGN_OFF, requestChanges("Please add the conference budget"));

        assertThat(pi).isWaitingAt(TASK_DOCUMENT_AGREEMENTS).task().isAssignedTo("maria");
        // the manager's form reads changeRequest from the task's variables
        assertThat(taskService.getVariable(task(pi, TASK_DOCUMENT_AGREEMENTS).getId(), "changeRequest"))
            .isEqualTo("Please add the conference budget");
        assertThat(record("eva-1").getChangeRequest()).isEqualTo("Please add the conference budget");
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        // the next sign-off starts without the last decision chosen, and says that nothing changed
        assertThat(runtimeService.getVariable(pi.getId(), SIGN_OFF_DECISION)).isNull();
        assertThat(runtimeService.getVariable(pi.getId(), PLAN_ON_RECORD).toString())
            .contains("\"changes\":[\"Nothing was changed.\"]");
        complete(pi, TASK_SIGN_OFF, agree());
        assertThat(pi).hasPassed(TASK_FINALISE_AGREEMENT).hasNotPassed(TASK_MEDIATE_SIGN_OFF)
            .isWaitingAt(GATEWAY_FOLLOW_UP_WAIT);
    }

    @Test
    void secondRejectionGoesToHrMediationWhichSendsItBackToTheManager() {
        ProcessInstance pi = rejectedTwice("eva");
        assertThat(pi).isWaitingAt(TASK_MEDIATE_SIGN_OFF).task().isAssignedTo("hanna");
        assertThat(record("eva-1").getStatus()).isEqualTo(ConversationStatus.MEDIATION);

        complete(pi, TASK_MEDIATE_SIGN_OFF, mediateSignOff("backToManager", "Add the budget line, then sign"));

        assertThat(pi).isWaitingAt(TASK_DOCUMENT_AGREEMENTS);
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        complete(pi, TASK_SIGN_OFF, agree());
        assertThat(pi).hasPassed(TASK_FINALISE_AGREEMENT).isWaitingAt(GATEWAY_FOLLOW_UP_WAIT);
        assertThat(record("eva-1").getMediationNote()).isEqualTo("Add the budget line, then sign");
    }

    @Test
    void secondRejectionGoesToHrMediationWhichClosesItAsDocumented() {
        ProcessInstance pi = rejectedTwice("eva");

        complete(pi, TASK_MEDIATE_SIGN_OFF, mediateSignOff("closeAsDocumented", "The plan is fair as written"));

        assertThat(pi).hasPassed(TASK_FINALISE_AGREEMENT).isWaitingAt(GATEWAY_FOLLOW_UP_WAIT);
        Conversation record = record("eva-1");
        assertThat(record.getStatus()).isEqualTo(ConversationStatus.AGREED);
        assertThat(record.getMediationNote()).isEqualTo("The plan is fair as written");
        assertThat(record.getRejectionCount()).isEqualTo(2);
    }

    /** The model alone decides when HR mediates: a designer who asks for three refusals gets three. */
    @Test
    void theModelDecidesAfterHowManyRequestsForChangesHrMediates() throws java.io.IOException {
        String model = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn", "career-conversation.bpmn"));
        String twice = "${rejectionCount &gt;= 2}";
        assertThat(model).contains(twice);
        org.camunda.bpm.engine.RepositoryService repository = engine.getRepositoryService();
        String deployment = repository.createDeployment().name("mediation after three requests")
            .addString("career-conversation.bpmn", model.replace(twice, "${rejectionCount &gt;= 3}"))
            .addClasspathResource("dmn/review-cadence.dmn")
            .deploy().getId();
        try {
            String definition = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult()
                .getId();
            ProcessInstance pi = runtimeService.startProcessInstanceById(definition, forJavaApi(start("eva")));
            complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(meeting));
            complete(pi, TASK_PREPARE_EMPLOYEE, prepareEmployee());
            complete(pi, TASK_PREPARE_MANAGER, prepareManager());
            complete(pi, TASK_HOLD_CONVERSATION, holdConversation("held", null));
            for (int request = 1; request <= 2; request++) {
                complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
                complete(pi, TASK_SIGN_OFF, requestChanges("Request number " + request));
            }
            assertThat(pi).isWaitingAt(TASK_DOCUMENT_AGREEMENTS).hasNotPassed(TASK_MEDIATE_SIGN_OFF);
            assertThat(record("eva-1").getStatus()).isEqualTo(ConversationStatus.DOCUMENTING);

            complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
            complete(pi, TASK_SIGN_OFF, requestChanges("Request number 3"));
            assertThat(pi).isWaitingAt(TASK_MEDIATE_SIGN_OFF);
            assertThat(record("eva-1").getStatus()).isEqualTo(ConversationStatus.MEDIATION);
        } finally {
            repository.deleteDeployment(deployment, true, true);
        }
    }

    @Test
    void missingPreparationIsRecordedAtTheMeetingTimeAndTheCycleGoesOn() {
        ProcessInstance pi = startFor("eva");
        complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(meeting));
        complete(pi, TASK_PREPARE_MANAGER, prepareManager());

        ClockUtil.setCurrentTime(Date.from(meeting.plusSeconds(60)));
        execute(job(EMPLOYEE_PREPARATION_CUT_OFF, pi));

        assertThat(pi).isWaitingAt(TASK_HOLD_CONVERSATION).hasPassed("Task_RecordEmployeeNotPrepared")
            .variables().containsEntry(EMPLOYEE_PREPARED, false).containsEntry(MANAGER_PREPARED, true);
        Conversation record = record("eva-1");
        assertThat(record.getEmployeePrepared()).isFalse();
        assertThat(record.getManagerPrepared()).isTrue();
    }

    @Test
    void bothPreparationsMissingStillLeadToTheMeeting() {
        ProcessInstance pi = startFor("emil");
        complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(meeting));

        ClockUtil.setCurrentTime(Date.from(meeting.plusSeconds(60)));
        execute(job(EMPLOYEE_PREPARATION_CUT_OFF, pi));
        execute(job(MANAGER_PREPARATION_CUT_OFF, pi));

        assertThat(pi).isWaitingAt(TASK_HOLD_CONVERSATION);
        assertThat(record("emil-1").getEmployeePrepared()).isFalse();
        assertThat(record("emil-1").getManagerPrepared()).isFalse();
    }

    @Test
    void agreedRecordCannotBeChanged() {
        ProcessInstance pi = heldConversation("eva");
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        complete(pi, TASK_SIGN_OFF, agree());
        long id = record("eva-1").getId();

        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> conversationService.document(id,
            new Preparations.Documentation(List.of(new Preparations.GoalInput("Rewritten", null, null)), List.of(),
                "changed", null, "exceeds", "low"))))
            .isInstanceOf(AgreementLockedException.class).hasMessageContaining("eva-1 is AGREED");
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> conversationService.changesRequested(id, "x")))
            .isInstanceOf(AgreementLockedException.class);
        assertThat(record("eva-1").getGoals()).extracting(Goal::getGoal)
            .containsExactly("Lead the sprint demo", "Pair with a customer team");
        assertThat(record("eva-1").getFeedbackSummary()).isEqualTo("Strong start; grow visibility");
    }

    @Test
    void startIsRejectedForAnEmployeeWithAnOpenConversation() {
        startFor("eva");
        assertThatThrownBy(() -> startFor("eva")).isInstanceOf(ConversationStartRejected.class)
            .hasMessageContaining("Eva Evers already has a career conversation in progress");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("eva-2").count()).isZero();
    }

    @Test
    void managerPreparationShowsThePreviousPlan() {
        ProcessInstance first = heldConversation("erik");
        complete(first, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        complete(first, TASK_SIGN_OFF, agree());

        ProcessInstance second = startFor("erik");

        assertThat(second.getBusinessKey()).isEqualTo("erik-2");
        assertThat((String) runtimeService.getVariable(second.getId(), PREVIOUS_PLAN_SUMMARY))
            .startsWith("Agreed on ").contains("Lead the sprint demo")
            .contains("Training or course: Presentation skills course, by 28 February 2027 — Not started yet")
            .doesNotContain("erik-1").doesNotContain("not-started");
    }

    // --- walking the process ---

    private ProcessInstance startFor(String employeeId) {
        return new Conversations(engine).start(employeeId);
    }

    private ProcessInstance preparedConversation(String employeeId) {
        ProcessInstance pi = startFor(employeeId);
        complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(meeting));
        complete(pi, TASK_PREPARE_EMPLOYEE, prepareEmployee());
        complete(pi, TASK_PREPARE_MANAGER, prepareManager());
        assertThat(pi).isWaitingAt(TASK_HOLD_CONVERSATION);
        return pi;
    }

    private ProcessInstance heldConversation(String employeeId) {
        ProcessInstance pi = preparedConversation(employeeId);
        complete(pi, TASK_HOLD_CONVERSATION, holdConversation("held", null));
        return pi;
    }

    private ProcessInstance rescheduledThreeTimes(String employeeId) {
        ProcessInstance pi = preparedConversation(employeeId);
        for (int i = 1; i <= 3; i++) {
            complete(pi, TASK_HOLD_CONVERSATION, holdConversation("rescheduled", "Clash number " + i));
            if (i < 3) {
                assertThat(pi).isWaitingAt(TASK_SCHEDULE_CONVERSATION);
                complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(meeting.plus(i, ChronoUnit.DAYS)));
                complete(pi, TASK_PREPARE_EMPLOYEE, prepareEmployee());
                complete(pi, TASK_PREPARE_MANAGER, prepareManager());
            }
        }
        return pi;
    }

    private ProcessInstance rejectedTwice(String employeeId) {
        ProcessInstance pi = heldConversation(employeeId);
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        complete(pi, TASK_SIGN_OFF, requestChanges("Add the conference"));
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        complete(pi, TASK_SIGN_OFF, requestChanges("The conference is still missing"));
        return pi;
    }

    private Task task(ProcessInstance pi, String taskKey) {
        return new Conversations(engine).task(pi.getId(), taskKey);
    }

    private void complete(ProcessInstance pi, String taskKey, Map<String, Object> values) {
        new Conversations(engine).complete(pi.getId(), taskKey, values);
    }

    private void assertTask(ProcessInstance pi, String taskKey, String assignee, String otherPersonsName) {
        Task task = task(pi, taskKey);
        assertThat(task.getAssignee()).isEqualTo(assignee);
        assertThat(task.getDueDate()).isNotNull();
        assertThat(task.getName()).contains(otherPersonsName);
    }

    private Conversation record(String businessKey) {
        return transaction.execute(s -> {
            Conversation c = conversations.findByBusinessKey(businessKey).orElseThrow();
            c.getGoals().size();
            c.getDevelopmentActions().size();
            return c;
        });
    }

    private Object historicVariable(ProcessInstance pi, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
            .variableName(name).singleResult().getValue();
    }
}
