package org.careerconversations.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.step.StepVariables;
import org.springframework.stereotype.Component;

/** Task_RecordEmployeeLeft: the employee left the organisation; the cycle ends with reason "left". */
@Component("recordEmployeeLeft")
class RecordEmployeeLeft implements JavaDelegate {

    private final ConversationService conversations;

    RecordEmployeeLeft(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversations.employeeLeft(StepVariables.conversationId(execution));
    }
}
