package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.conversation.Preparations.ManagerPreparation;
import org.careerconversations.step.FormStep;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_PrepareManager (end): the manager's preparation, with balanced feedback. */
@Component("prepareManager")
class PrepareManager extends FormStep {

    private final ConversationService conversations;

    PrepareManager(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    protected Runnable check(SubmittedForm form, DelegateExecution execution) {
        ManagerPreparation preparation = new ManagerPreparation(
            form.optionalText(PREVIOUS_PLAN_PROGRESS, SubmittedForm.LONG_TEXT),
            form.requiredText(STRENGTHS_OBSERVED, SubmittedForm.LONG_TEXT),
            form.requiredText(AREAS_TO_GROW, SubmittedForm.LONG_TEXT),
            form.optionalText(PROPOSED_GOALS, SubmittedForm.LONG_TEXT));
        return () -> {
            conversations.recordManagerPreparation(conversationId(execution), preparation);
            execution.setVariable(MANAGER_PREPARED, true);
        };
    }
}
