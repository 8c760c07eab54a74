package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.DEVELOPMENT_ACTIONS;
import static org.careerconversations.process.ProcessVariables.GOALS;

import java.util.List;
import java.util.Set;
import org.careerconversations.conversation.Preparations.ActionInput;
import org.careerconversations.conversation.Preparations.GoalInput;

/** The goals and development actions of a plan as a form submits them, checked by one set of rules. */
public final class PlanLists {

    public static final Set<String> ACTION_KINDS = Set.of("training", "mentoring", "stretch-assignment", "other");

    public static List<GoalInput> goals(SubmittedForm form) {
        return form.list(GOALS, 1, row -> new GoalInput(
            row.requiredText("goal", SubmittedForm.LIST_TEXT),
            row.optionalText("measure", SubmittedForm.LIST_TEXT),
            row.optionalDate("targetDate")));
    }

    public static List<ActionInput> actions(SubmittedForm form) {
        return form.list(DEVELOPMENT_ACTIONS, 0, row -> new ActionInput(
            row.optionalId("actionId"),
            row.requiredText("action", SubmittedForm.LIST_TEXT),
            row.requiredChoice("kind", ACTION_KINDS),
            row.optionalDate("dueDate"),
            row.optionalText("support", SubmittedForm.LIST_TEXT)));
    }

    private PlanLists() {
    }
}
