package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.MEDIATION_DECISION;
import static org.careerconversations.process.ProcessVariables.MEDIATION_NOTE;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.step.FormStep;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_MediateSignOff. At its start the record shows that HR mediates: the model's Gateway_RejectedTwice alone
 * decides after how many requests for changes that happens. At its end HR sends the documentation back to the
 * manager, or closes it as documented.
 */
@Component("mediateSignOff")
class MediateSignOff extends FormStep {

    static final String BACK_TO_MANAGER = "backToManager";
    static final String CLOSE_AS_DOCUMENTED = "closeAsDocumented";

    private final ConversationService conversations;

    MediateSignOff(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    protected void started(DelegateExecution execution) {
        conversations.toMediation(conversationId(execution));
    }

    @Override
    protected Runnable check(SubmittedForm form, DelegateExecution execution) {
        String decision = form.requiredChoice(MEDIATION_DECISION, List.of(BACK_TO_MANAGER, CLOSE_AS_DOCUMENTED));
        String note = form.requiredText(MEDIATION_NOTE, SubmittedForm.LONG_TEXT);
        return () -> conversations.mediated(conversationId(execution), note, BACK_TO_MANAGER.equals(decision));
    }
}
