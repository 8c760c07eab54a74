package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.EMPLOYEE_PREPARED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.step.StepVariables;
import org.springframework.stereotype.Component;

/** Task_RecordEmployeeNotPrepared: the meeting time came before the employee's preparation. */
@Component("recordEmployeeNotPrepared")
class RecordEmployeeNotPrepared implements JavaDelegate {

    private final ConversationService conversations;

    RecordEmployeeNotPrepared(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversations.recordNotPrepared(StepVariables.conversationId(execution), true);
        execution.setVariable(EMPLOYEE_PREPARED, false);
    }
}
