package org.careerconversations.followup;

import static org.careerconversations.process.ProcessVariables.DEVELOPMENT_ACTIONS;
import static org.careerconversations.process.ProcessVariables.GOALS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careerconversations.conversation.Conversation;
import org.careerconversations.conversation.ConversationEvents;
import org.careerconversations.conversation.ConversationRepository;
import org.careerconversations.conversation.DevelopmentAction;
import org.careerconversations.conversation.Goal;
import org.careerconversations.conversation.Preparations.ActionInput;
import org.careerconversations.conversation.Preparations.GoalInput;
import org.careerconversations.conversation.ReadablePlan;
import org.careerconversations.process.ProcessVariables.ActionRow;
import org.careerconversations.process.ProcessVariables.GoalRow;
import org.careerconversations.process.ProcessVariables.ProgressRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up of an agreed plan: check-ins with progress per development action, and revisions that add
 * a new version of the plan while the agreed one stays as it was.
 */
@Service
@Transactional
public class FollowUpService {

    static final List<String> PROGRESS = List.of("not-started", "on-track", "at-risk", "done");
    static final String EMPLOYEE = "employee";
    static final String MANAGER = "manager";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConversationRepository conversations;
    private final CheckInRepository checkIns;
    private final PlanRevisionRepository revisions;
    private final ApplicationEventPublisher events;

    FollowUpService(ConversationRepository conversations, CheckInRepository checkIns,
                    PlanRevisionRepository revisions, ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.checkIns = checkIns;
        this.revisions = revisions;
        this.events = events;
    }

    record ProgressInput(long actionId, String status, String note) {
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

    /** Ids of the actions of the plan in force: a check-in may only report on these. */
    List<Long> currentActionIds(long conversationId) {
        return get(conversationId).currentActions().stream().map(DevelopmentAction::getId).toList();
    }

    void recordCheckIn(long conversationId, int number, String role, String authorId, List<ProgressInput> progress,
                       String obstacles, boolean planNeedsRevising) {
        CheckIn checkIn = new CheckIn(conversationId, number, role, authorId, obstacles, planNeedsRevising, now());
        progress.forEach(p -> checkIn.addProgress(p.actionId(), p.status(), p.note()));
        checkIns.save(checkIn);
    }

    /** What both sides said at a check-in, and whether either wants the plan revised. */
    record CheckInOutcome(String summary, boolean planNeedsRevising, String revisionReason) {
    }

    /**
     * Applies a completed check-in to the plan: each action takes the manager's view of its progress (the
     * employee's where the manager gave none); an action once done stays done.
     */
    CheckInOutcome applyCheckIn(long conversationId, int number) {
        Conversation c = get(conversationId);
        List<CheckIn> both = checkIns.findByConversationIdAndNumber(conversationId, number);
        Optional<CheckIn> manager = both.stream().filter(ci -> MANAGER.equals(ci.getAuthorRole())).findFirst();
        Optional<CheckIn> employee = both.stream().filter(ci -> EMPLOYEE.equals(ci.getAuthorRole())).findFirst();
        for (DevelopmentAction action : c.currentActions()) {
            statusFrom(manager, action).or(() -> statusFrom(employee, action)).ifPresent(action::recordProgress);
        }
        StringBuilder summary = new StringBuilder("Check-in ").append(number).append(":\n");
        for (CheckIn ci : both) {
            summary.append(ci.getAuthorRole().equals(EMPLOYEE) ? "Employee" : "Manager").append(": ");
            summary.append(ci.getProgress().stream().map(p -> actionName(c, p.getDevelopmentActionId()) + " — "
                    + ReadablePlan.word(ProgressRow.STATUS, p.getStatus())
                    + (p.getNote() == null || p.getNote().isBlank() ? "" : " (" + p.getNote() + ")"))
                .collect(Collectors.joining("; ")));
            if (ci.getObstacles() != null) {
                summary.append(". Obstacles: ").append(ci.getObstacles());
            }
            summary.append('\n');
        }
        boolean revise = both.stream().anyMatch(CheckIn::isPlanNeedsRevising);
        String reason = both.stream().filter(CheckIn::isPlanNeedsRevising)
            .map(ci -> "At check-in " + number + " the " + ci.getAuthorRole() + " asked to revise the plan"
                + (ci.getObstacles() == null ? "" : ": " + ci.getObstacles()))
            .collect(Collectors.joining("\n"));
        return new CheckInOutcome(summary.toString().strip(), revise, reason.isEmpty() ? null : reason);
    }

    void recordRevision(long conversationId, List<GoalInput> goals, List<ActionInput> actions, String reason,
                        String requestedBy) {
        Conversation c = get(conversationId);
        c.revisePlan(goals, actions);
        revisions.save(new PlanRevision(conversationId, c.getPlanVersion(),
            reason == null ? "revised" : reason, requestedBy == null ? "unknown" : requestedBy, now()));
        events.publishEvent(new ConversationEvents.PlanRevisionAgreed(conversationId, c.getBusinessKey(),
            c.getPlanVersion()));
    }

    int planVersion(long conversationId) {
        return get(conversationId).getPlanVersion();
    }

    private static Optional<String> statusFrom(Optional<CheckIn> checkIn, DevelopmentAction action) {
        return checkIn.flatMap(ci -> ci.getProgress().stream()
            .filter(p -> p.getDevelopmentActionId() == action.getId()).map(CheckInProgress::getStatus).findFirst());
    }

    private static String actionName(Conversation c, long actionId) {
        return c.getDevelopmentActions().stream().filter(a -> a.getId() == actionId).map(DevelopmentAction::getAction)
            .findFirst().orElse("a step no longer in the plan");
    }

    private Conversation get(long conversationId) {
        return conversations.findById(conversationId)
            .orElseThrow(() -> new IllegalStateException("No conversation with id " + conversationId));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
