package org.careerconversations.followup;

import static org.careerconversations.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.step.StepVariables;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_RecordPlanRevision: both agreed; the revised plan becomes the next version. */
@Component("recordPlanRevision")
class RecordPlanRevision implements JavaDelegate {

    private final FollowUpService followUp;

    RecordPlanRevision(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = StepVariables.conversationId(execution);
        SubmittedForm form = new SubmittedForm(execution);
        RevisePlan.Revised revised = RevisePlan.revised(form, followUp.currentActionIds(id));
        form.throwIfInvalid();
        followUp.recordRevision(id, revised.goals(), revised.actions(), (String) execution.getVariable(REVISION_REASON),
            (String) execution.getVariable(REVISION_REQUESTED_BY));
        execution.setVariable(PLAN_VERSION, followUp.planVersion(id));
        execution.setVariable(PLAN_NEEDS_REVISING, false);
    }
}
