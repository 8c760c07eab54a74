package org.careerconversations.reminder;

import static org.careerconversations.process.ProcessVariables.FOLLOW_UP_NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.careerconversations.conversation.StepVariables;
import org.careerconversations.conversation.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_FollowUpOverdueManager and Task_FollowUpOverdueHr (end): say what was done about it. */
@Component("followUpOverdueTask")
class FollowUpOverdueTask implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (!StepVariables.taskWasCompleted(execution)) {
            return;
        }
        SubmittedForm form = new SubmittedForm(execution);
        form.requiredText(FOLLOW_UP_NOTE, SubmittedForm.LONG_TEXT);
        form.throwIfInvalid();
    }
}
