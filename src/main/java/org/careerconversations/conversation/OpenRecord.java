package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessIds.MESSAGE_NEXT_CYCLE_STARTED;
import static org.careerconversations.process.ProcessVariables.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.organisation.Employee;
import org.careerconversations.process.ProcessPrivileges;
import org.careerconversations.step.StepVariables;
import org.springframework.stereotype.Component;

/** Task_OpenRecord: checks the start, stores the conversation and names the people for the next steps. */
@Component("openRecord")
class OpenRecord implements JavaDelegate {

    private final ConversationService conversations;
    private final RuntimeService runtime;

    OpenRecord(ConversationService conversations, RuntimeService runtime) {
        this.conversations = conversations;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object employeeId = execution.getVariable(EMPLOYEE_ID);
        ConversationService.Opened opened = conversations.open(employeeId == null ? null : employeeId.toString(),
            execution.getProcessInstanceId());
        Conversation conversation = opened.conversation();
        execution.setProcessBusinessKey(conversation.getBusinessKey());
        // the starter's id, trimmed: set again only when the trimming changed it
        StepVariables.setIfChanged(execution, EMPLOYEE_ID, opened.employee().getId());
        execution.setVariable(EMPLOYEE_NAME, opened.employee().getName());
        execution.setVariable(MANAGER_ID, opened.manager().getId());
        execution.setVariable(MANAGER_NAME, opened.manager().getName());
        // without an HR partner, HR steps fall to the manager's manager would be a guess: we name nobody
        execution.setVariable(HR_PARTNER_ID, opened.hrPartner().map(Employee::getId).orElse(null));
        execution.setVariable(HR_PARTNER_NAME, opened.hrPartner().map(Employee::getName).orElse(null));
        execution.setVariable(CYCLE, conversation.getCycle());
        execution.setVariable(CONVERSATION_ID, conversation.getId());
        execution.setVariable(PREVIOUS_PLAN_SUMMARY, opened.previousPlanSummary());
        execution.setVariable(RESCHEDULE_COUNT, 0);
        execution.setVariable(REJECTION_COUNT, 0);
        // the continuous cycle: starting this cycle ends the previous cycle's follow-up
        opened.previousInFollowUp().ifPresent(previous ->
            ProcessPrivileges.withoutAuthorizationCheck(() -> runtime
                .createMessageCorrelation(MESSAGE_NEXT_CYCLE_STARTED)
                .processInstanceId(previous.getProcessInstanceId()).correlateAllWithResult()));
    }
}
