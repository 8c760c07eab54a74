package org.careerconversations.conversation;

import java.time.LocalDate;
import java.util.List;
import org.careerconversations.step.SubmittedForm;

/** The values each step hands to {@link ConversationService}, already checked by {@link SubmittedForm}. */
public final class Preparations {

    public record EmployeePreparation(String ambitionsShortTerm, String ambitionsLongTerm, String wentWell,
                               String strengths, String developmentNeeds, String topics, String supportWanted,
                               int jobSatisfaction, boolean earlierTalkWished) {
    }

    public record ManagerPreparation(String previousPlanProgress, String strengthsObserved, String areasToGrow,
                              String proposedGoals) {
    }

    public record GoalInput(String goal, String measure, LocalDate targetDate) {
    }

    /** A development action; {@code actionId} names an action of the current plan that a revision keeps. */
    public record ActionInput(Long actionId, String action, String kind, LocalDate dueDate, String support) {
    }

    public record Documentation(List<GoalInput> goals, List<ActionInput> actions, String feedbackSummary,
                         String careerAspirations, String performanceSignal, String retentionRisk) {
    }

    private Preparations() {
    }
}
