package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.CONVERSATION_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.step.StepVariables;
import org.springframework.stereotype.Component;

/** Task_FinaliseAgreement: the agreement is signed off and from now on cannot change. */
@Component("finaliseAgreement")
class FinaliseAgreement implements JavaDelegate {

    private final ConversationService conversations;
    private final CadenceInputVariables cadenceInputs;

    FinaliseAgreement(ConversationService conversations, CadenceInputVariables cadenceInputs) {
        this.conversations = conversations;
        this.cadenceInputs = cadenceInputs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = StepVariables.conversationId(execution);
        conversations.agree(id);
        execution.setVariable(CONVERSATION_OUTCOME, "agreed");
        cadenceInputs.set(execution, id);
    }
}
