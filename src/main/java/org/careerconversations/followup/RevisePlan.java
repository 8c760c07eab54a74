package org.careerconversations.followup;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.careerconversations.conversation.PlanLists;
import org.careerconversations.conversation.Preparations.ActionInput;
import org.careerconversations.conversation.StepVariables;
import org.careerconversations.conversation.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_RevisePlan (end): the revised goals and actions follow the same rules as the agreement's. */
@Component("revisePlan")
class RevisePlan implements ExecutionListener {

    private final FollowUpService followUp;

    RevisePlan(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!StepVariables.taskWasCompleted(execution)) {
            return;
        }
        check(new SubmittedForm(execution), followUp.currentActionIds(StepVariables.conversationId(execution)));
    }

    /** The revised plan's lists, checked; an action may only keep the id of an action of the current plan. */
    static Revised check(SubmittedForm form, List<Long> currentActionIds) {
        var goals = PlanLists.goals(form);
        List<ActionInput> actions = PlanLists.actions(form);
        for (ActionInput action : actions) {
            if (action.actionId() != null && !currentActionIds.contains(action.actionId())) {
                form.reject("developmentActions", "keeps an action that is not in the current plan ("
                    + action.actionId() + ")");
            }
        }
        form.throwIfInvalid();
        return new Revised(goals, actions);
    }

    record Revised(List<org.careerconversations.conversation.Preparations.GoalInput> goals,
                   List<ActionInput> actions) {
    }
}
