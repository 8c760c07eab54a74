package org.careerconversations.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.step.StepVariables;
import org.springframework.stereotype.Component;

/** Task_EndFollowUp: the next cycle has started, so this cycle's follow-up is over. */
@Component("endFollowUp")
class EndFollowUp implements JavaDelegate {

    private final ConversationService conversations;

    EndFollowUp(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversations.endFollowUp(StepVariables.conversationId(execution), "next cycle started");
    }
}
