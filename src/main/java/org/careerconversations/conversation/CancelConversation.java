package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.CONVERSATION_OUTCOME;
import static org.careerconversations.process.ProcessVariables.OUTCOME_NOTE;
import static org.careerconversations.process.ProcessVariables.RESCHEDULING_DECISION;
import static org.careerconversations.process.ProcessVariables.RESCHEDULING_NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.step.StepVariables;
import org.springframework.stereotype.Component;

/** Task_CancelConversation: ends the cycle as cancelled, with the reason given by the manager or HR. */
@Component("cancelConversation")
class CancelConversation implements JavaDelegate {

    private final ConversationService conversations;
    private final CadenceInputVariables cadenceInputs;

    CancelConversation(ConversationService conversations, CadenceInputVariables cadenceInputs) {
        this.conversations = conversations;
        this.cadenceInputs = cadenceInputs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean hrCancelled = ResolveRescheduling.CANCEL.equals(execution.getVariable(RESCHEDULING_DECISION));
        Object reason = execution.getVariable(hrCancelled ? RESCHEDULING_NOTE : OUTCOME_NOTE);
        long id = StepVariables.conversationId(execution);
        conversations.cancel(id, reason == null ? null : reason.toString());
        execution.setVariable(CONVERSATION_OUTCOME, "cancelled");
        cadenceInputs.set(execution, id);
    }
}
