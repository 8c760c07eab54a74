package org.careerconversations.reminder;

import static org.careerconversations.process.ProcessVariables.FOLLOW_UP_NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.step.FormStep;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_FollowUpOverdueManager and Task_FollowUpOverdueHr (end): say what was done about it. */
@Component("followUpOverdueTask")
class FollowUpOverdueTask extends FormStep {

    @Override
    protected Runnable check(SubmittedForm form, DelegateExecution execution) {
        form.requiredText(FOLLOW_UP_NOTE, SubmittedForm.LONG_TEXT);
        return NOTHING_TO_RECORD;
    }
}
