package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.CHANGE_REQUEST;
import static org.careerconversations.process.ProcessVariables.REJECTION_COUNT;
import static org.careerconversations.process.ProcessVariables.SIGN_OFF_DECISION;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.step.FormStep;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_SignOff (end): the employee agrees, or asks for changes and says which. How often they asked goes to
 * {@code rejectionCount}, from which the model decides whether HR mediates.
 */
@Component("signOff")
class SignOff extends FormStep {

    static final String AGREE = "agree";
    static final String REQUEST_CHANGES = "requestChanges";

    private final ConversationService conversations;

    SignOff(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    protected Runnable check(SubmittedForm form, DelegateExecution execution) {
        String decision = form.requiredChoice(SIGN_OFF_DECISION, List.of(AGREE, REQUEST_CHANGES));
        String request = form.optionalText(CHANGE_REQUEST, SubmittedForm.LONG_TEXT);
        if (REQUEST_CHANGES.equals(decision) && request == null) {
            form.reject(CHANGE_REQUEST, "is required when you ask for changes: say what should change");
        }
        if (!REQUEST_CHANGES.equals(decision)) {
            return NOTHING_TO_RECORD;
        }
        return () -> execution.setVariable(REJECTION_COUNT,
            conversations.changesRequested(conversationId(execution), request));
    }
}
