package org.careerconversations.followup;

import static org.careerconversations.process.ProcessVariables.PLAN_ON_RECORD;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.conversation.PlanLists;
import org.careerconversations.conversation.Preparations.ActionInput;
import org.careerconversations.conversation.Preparations.GoalInput;
import org.careerconversations.conversation.ReadablePlan;
import org.careerconversations.step.FormStep;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_RevisePlan (end): the revised goals and actions follow the same rules as the agreement's. The employee
 * then reads the revised plan, and what changed, as {@code planOnRecord}.
 */
@Component("revisePlan")
class RevisePlan extends FormStep {

    private final FollowUpService followUp;
    private final FollowUpForms forms;

    RevisePlan(FollowUpService followUp, FollowUpForms forms) {
        this.followUp = followUp;
        this.forms = forms;
    }

    @Override
    protected Runnable check(SubmittedForm form, DelegateExecution execution) {
        long id = conversationId(execution);
        Revised revised = revised(form, followUp.currentActionIds(id));
        return () -> execution.setVariable(PLAN_ON_RECORD,
            ReadablePlan.json(forms.readableRevision(id, revised.goals(), revised.actions())));
    }

    /**
     * The revised plan's lists; an action may only keep the id of an action of the current plan. Broken rules
     * go to the form, which the caller checks.
     */
    static Revised revised(SubmittedForm form, List<Long> currentActionIds) {
        List<GoalInput> goals = PlanLists.goals(form);
        List<ActionInput> actions = PlanLists.actions(form);
        for (int i = 0; i < actions.size(); i++) {
            ActionInput action = actions.get(i);
            if (action != null && action.actionId() != null && !currentActionIds.contains(action.actionId())) {
                form.reject("developmentActions", "entry " + (i + 1) + " is a step that is no longer in the "
                    + "current plan: open the task again to see the plan as it is now");
            }
        }
        return new Revised(goals, actions);
    }

    record Revised(List<GoalInput> goals, List<ActionInput> actions) {
    }
}
