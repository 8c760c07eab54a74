package org.careerconversations.followup;

import static org.careerconversations.process.ProcessVariables.DEVELOPMENT_ACTIONS;
import static org.careerconversations.process.ProcessVariables.GOALS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.careerconversations.conversation.Conversation;
import org.careerconversations.conversation.ConversationRepository;
import org.careerconversations.conversation.DevelopmentAction;
import org.careerconversations.conversation.Goal;
import org.careerconversations.conversation.Preparations.ActionInput;
import org.careerconversations.conversation.Preparations.GoalInput;
import org.careerconversations.conversation.ReadablePlan;
import org.careerconversations.process.ProcessVariables.ActionRow;
import org.careerconversations.process.ProcessVariables.GoalRow;
import org.careerconversations.process.ProcessVariables.ProgressRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the follow-up's forms and the employee's sign-off show: the plan in force and a revision as people read
 * them ({@link ReadablePlan}), the rows of a check-in, and the lists the revision form starts from.
 */
@Service
@Transactional
class FollowUpForms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConversationRepository conversations;

    FollowUpForms(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    /** The plan in force as people read it ({@link ReadablePlan}), with each step's progress. */
    Map<String, Object> readablePlan(long conversationId) {
        return ReadablePlan.of(get(conversationId));
    }

    /**
     * A revised plan as the employee reads it before agreeing: the new version, each kept step with its progress
     * so far, and what changed from the plan in force.
     */
    Map<String, Object> readableRevision(long conversationId, List<GoalInput> goals, List<ActionInput> actions) {
        Conversation c = get(conversationId);
        Function<ActionInput, String> progress = ReadablePlan.progressOf(c.currentActions());
        Map<String, Object> plan = ReadablePlan.plan(c.getPlanVersion() + 1, goals, actions,
            a -> Optional.ofNullable(progress.apply(a)).orElse(DevelopmentAction.NOT_STARTED));
        List<String> changes = ReadablePlan.changes(ReadablePlan.inputs(c.currentGoals()),
            ReadablePlan.actionInputs(c.currentActions()), goals, actions);
        plan.put("changes", changes.isEmpty() ? List.of("Nothing was changed.") : changes);
        return plan;
    }

    /** The current actions as rows of a check-in form: {actionId, action, status, note}. */
    String progressRows(long conversationId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DevelopmentAction a : get(conversationId).currentActions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(ProgressRow.ACTION_ID, a.getId());
            row.put(ProgressRow.ACTION, a.getAction());
            row.put(ProgressRow.STATUS, a.getStatus());
            row.put(ProgressRow.NOTE, "");
            rows.add(row);
        }
        return json(rows);
    }

    /** The current plan as the revision form's lists, each action keeping its id and progress. */
    Map<String, String> planLists(long conversationId) {
        Conversation c = get(conversationId);
        List<Map<String, Object>> goals = new ArrayList<>();
        for (Goal g : c.currentGoals()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(GoalRow.GOAL, g.getGoal());
            row.put(GoalRow.MEASURE, g.getMeasure());
            row.put(GoalRow.TARGET_DATE, g.getTargetDate() == null ? null : g.getTargetDate().toString());
            goals.add(row);
        }
        List<Map<String, Object>> actions = new ArrayList<>();
        for (DevelopmentAction a : c.currentActions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(ActionRow.ACTION_ID, a.getId());
            row.put(ActionRow.ACTION, a.getAction());
            row.put(ActionRow.KIND, a.getKind());
            row.put(ActionRow.DUE_DATE, a.getDueDate() == null ? null : a.getDueDate().toString());
            row.put(ActionRow.SUPPORT, a.getSupport());
            row.put(ActionRow.STATUS, a.getStatus());
            actions.add(row);
        }
        return Map.of(GOALS, json(goals), DEVELOPMENT_ACTIONS, json(actions));
    }

    /**
     * What the follow-up's check-ins are planned from, as the record keeps it: when the plan was agreed (the
     * first check-in counts from then) and the weeks between check-ins that ReviewCadence gave. Never from
     * variables, which whoever completes a task could send.
     */
    record Agreement(Date agreedAt, int checkInWeeks) {
    }

    Agreement agreement(long conversationId) {
        Conversation conversation = get(conversationId);
        if (conversation.getSignedOffAt() == null || conversation.getCheckInWeeks() == null) {
            throw new IllegalStateException("Conversation " + conversationId + " has no agreement to follow up");
        }
        return new Agreement(Date.from(conversation.getSignedOffAt()), conversation.getCheckInWeeks());
    }

    private Conversation get(long conversationId) {
        return conversations.findById(conversationId)
            .orElseThrow(() -> new IllegalStateException("No conversation with id " + conversationId));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
