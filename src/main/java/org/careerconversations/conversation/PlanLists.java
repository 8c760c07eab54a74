package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.DEVELOPMENT_ACTIONS;
import static org.careerconversations.process.ProcessVariables.GOALS;

import java.util.List;
import java.util.Set;
import org.careerconversations.conversation.Preparations.ActionInput;
import org.careerconversations.conversation.Preparations.GoalInput;
import org.careerconversations.process.ProcessVariables.ActionRow;
import org.careerconversations.process.ProcessVariables.GoalRow;
import org.careerconversations.step.SubmittedForm;

/** The goals and development actions of a plan as a form submits them, checked by one set of rules. */
public final class PlanLists {

    public static final Set<String> ACTION_KINDS = Set.of("training", "mentoring", "stretch-assignment", "other");

    public static List<GoalInput> goals(SubmittedForm form) {
        return form.list(GOALS, 1, row -> new GoalInput(
            row.requiredText(GoalRow.GOAL, SubmittedForm.LIST_TEXT),
            row.optionalText(GoalRow.MEASURE, SubmittedForm.LIST_TEXT),
            row.optionalDate(GoalRow.TARGET_DATE)));
    }

    public static List<ActionInput> actions(SubmittedForm form) {
        return form.list(DEVELOPMENT_ACTIONS, 0, row -> new ActionInput(
            row.optionalId(ActionRow.ACTION_ID),
            row.requiredText(ActionRow.ACTION, SubmittedForm.LIST_TEXT),
            row.requiredChoice(ActionRow.KIND, ACTION_KINDS),
            row.optionalDate(ActionRow.DUE_DATE),
            row.optionalText(ActionRow.SUPPORT, SubmittedForm.LIST_TEXT)));
    }

    private PlanLists() {
    }
}
