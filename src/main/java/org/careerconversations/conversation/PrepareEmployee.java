package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.conversation.Preparations.EmployeePreparation;
import org.careerconversations.step.FormStep;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_PrepareEmployee (end): the employee's own preparation. */
@Component("prepareEmployee")
class PrepareEmployee extends FormStep {

    private final ConversationService conversations;

    PrepareEmployee(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    protected Runnable check(SubmittedForm form, DelegateExecution execution) {
        EmployeePreparation preparation = new EmployeePreparation(
            form.requiredText(AMBITIONS_SHORT_TERM, SubmittedForm.LONG_TEXT),
            form.optionalText(AMBITIONS_LONG_TERM, SubmittedForm.LONG_TEXT),
            form.requiredText(WENT_WELL, SubmittedForm.LONG_TEXT),
            form.optionalText(STRENGTHS, SubmittedForm.LONG_TEXT),
            form.requiredText(DEVELOPMENT_NEEDS, SubmittedForm.LONG_TEXT),
            form.optionalText(TOPICS, SubmittedForm.LONG_TEXT),
            form.optionalText(SUPPORT_WANTED, SubmittedForm.LONG_TEXT),
            form.requiredWholeNumber(JOB_SATISFACTION, 1, 5),
            form.flag(EARLIER_TALK_WISHED));
        return () -> {
            conversations.recordEmployeePreparation(conversationId(execution), preparation);
            execution.setVariable(EMPLOYEE_PREPARED, true);
        };
    }
}
