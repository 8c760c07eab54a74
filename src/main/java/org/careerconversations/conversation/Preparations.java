package org.careerconversations.conversation;

import java.time.LocalDate;
import java.util.List;

/** The values each step hands to {@link ConversationService}, already checked by {@link SubmittedForm}. */
final class Preparations {

    record EmployeePreparation(String ambitionsShortTerm, String ambitionsLongTerm, String wentWell,
                               String strengths, String developmentNeeds, String topics, String supportWanted,
                               int jobSatisfaction, boolean earlierTalkWished) {
    }

    record ManagerPreparation(String previousPlanProgress, String strengthsObserved, String areasToGrow,
                              String proposedGoals) {
    }

    record GoalInput(String goal, String measure, LocalDate targetDate) {
    }

    record ActionInput(String action, String kind, LocalDate dueDate, String support) {
    }

    record Documentation(List<GoalInput> goals, List<ActionInput> actions, String feedbackSummary,
                         String careerAspirations, String performanceSignal, String retentionRisk) {
    }

    private Preparations() {
    }
}
