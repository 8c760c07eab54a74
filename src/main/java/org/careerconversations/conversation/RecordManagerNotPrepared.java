package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.MANAGER_PREPARED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.step.StepVariables;
import org.springframework.stereotype.Component;

/** Task_RecordManagerNotPrepared: the meeting time came before the manager's preparation. */
@Component("recordManagerNotPrepared")
class RecordManagerNotPrepared implements JavaDelegate {

    private final ConversationService conversations;

    RecordManagerNotPrepared(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversations.recordNotPrepared(StepVariables.conversationId(execution), false);
        execution.setVariable(MANAGER_PREPARED, false);
    }
}
