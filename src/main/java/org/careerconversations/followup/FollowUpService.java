package org.careerconversations.followup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careerconversations.conversation.Conversation;
import org.careerconversations.conversation.ConversationEvents;
import org.careerconversations.conversation.ConversationRepository;
import org.careerconversations.conversation.DevelopmentAction;
import org.careerconversations.conversation.Preparations.ActionInput;
import org.careerconversations.conversation.Preparations.GoalInput;
import org.careerconversations.conversation.ReadablePlan;
import org.careerconversations.process.ProcessVariables.ProgressRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up of an agreed plan: check-ins with progress per development action, and revisions that add
 * a new version of the plan while the agreed one stays as it was. What the follow-up's forms show is
 * {@link FollowUpForms}.
 */
@Service
@Transactional
public class FollowUpService {

    static final List<String> PROGRESS = List.of("not-started", "on-track", "at-risk", "done");
    static final String EMPLOYEE = "employee";
    static final String MANAGER = "manager";

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
}
