package org.careerconversations.followup;

import static org.careerconversations.process.ProcessVariables.REVISION_COMMENT;
import static org.careerconversations.process.ProcessVariables.REVISION_DECISION;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.step.FormStep;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_AgreeRevisedPlan (end): the employee agrees to the revised plan, or says what should change. */
@Component("agreeRevisedPlan")
class AgreeRevisedPlan extends FormStep {

    @Override
    protected Runnable check(SubmittedForm form, DelegateExecution execution) {
        String decision = form.requiredChoice(REVISION_DECISION, List.of("agree", "requestChanges"));
        String comment = form.optionalText(REVISION_COMMENT, SubmittedForm.LONG_TEXT);
        if ("requestChanges".equals(decision) && comment == null) {
            form.reject(REVISION_COMMENT, "is required when you ask for changes: say what should change");
        }
        return NOTHING_TO_RECORD;
    }
}
