package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.RESCHEDULING_DECISION;
import static org.careerconversations.process.ProcessVariables.RESCHEDULING_NOTE;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.step.FormStep;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_ResolveRescheduling (end): HR lets the manager schedule again, or cancels this cycle. */
@Component("resolveRescheduling")
class ResolveRescheduling extends FormStep {

    static final String SCHEDULE_AGAIN = "scheduleAgain";
    static final String CANCEL = "cancel";

    @Override
    protected Runnable check(SubmittedForm form, DelegateExecution execution) {
        form.requiredChoice(RESCHEDULING_DECISION, List.of(SCHEDULE_AGAIN, CANCEL));
        form.requiredText(RESCHEDULING_NOTE, SubmittedForm.LONG_TEXT);
        return NOTHING_TO_RECORD;
    }
}
