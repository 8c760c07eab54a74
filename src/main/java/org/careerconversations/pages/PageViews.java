package org.careerconversations.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the people's pages show, and what their data endpoints answer as JSON: the same values, so a page
 * and its endpoint never disagree. Dates and times are values here; the pages put them into words
 * ({@link Words}), and every sentence a page shows as it is (where a conversation stands, its phase) is
 * already in the reader's words.
 */
public final class PageViews {

    private PageViews() {
    }

    /** Someone's career conversations, the current one first, as one reader may see them. */
    public record PersonRecord(Person person, List<ConversationView> conversations, RecordActions actions) {
    }

    public record Person(String id, String name, String firstName, String jobTitle, String managerName,
                         String hrPartnerName, LocalDate nextConversationDue, boolean you) {
    }

    /** What the reader may do from the record page. */
    public record RecordActions(boolean downloadData, String downloadUrl, boolean startConversation) {
    }

    public record ConversationView(
        String businessKey, int cycle, String phase, String standing, List<OpenStep> waitingFor,
        Instant openedAt, Instant meetingAt, String meetingPlace, String outcomeNote,
        EmployeeAnswers employeePreparation, ManagerNotes managerPreparation, Agreement agreement,
        String changeRequest, String mediationNote, Instant signedOffAt, Cadence cadence,
        List<PlanVersion> planVersions, List<CheckInView> checkIns,
        Instant followUpEndedAt, String followUpEnded, boolean current, boolean revisable) {
    }

    /**
     * A step the conversation waits for: whose it is and by when. {@code taskUrl} opens it in Tasklist and is
     * there only for the reader's own steps (nobody can open another person's task).
     */
    public record OpenStep(String step, String assigneeName, boolean you, Instant due, boolean overdue,
                           String taskUrl) {
    }

    /** The employee's preparation, as they wrote it. {@code prepared} is false when they did not get to it. */
    public record EmployeeAnswers(Boolean prepared, String ambitionsShortTerm, String ambitionsLongTerm,
                                  String wentWell, String strengths, String developmentNeeds, String topics,
                                  String supportWanted, Integer jobSatisfaction, Boolean earlierTalkWished) {
    }

    /** The manager's preparation: their feedback as they recorded it. */
    public record ManagerNotes(Boolean prepared, String previousPlanProgress, String strengthsObserved,
                               String areasToGrow, String proposedGoals) {
    }

    /** The agreed record with the plan in force. */
    public record Agreement(Instant documentedAt, int planVersion, List<GoalView> goals, List<StepView> steps,
                            int stepsDone, String feedbackSummary, String careerAspirations,
                            String performance, String retentionRisk) {
    }

    public record GoalView(String goal, String measure, LocalDate targetDate) {
    }

    /** A development step with its progress now, and what each side said about it at the check-ins. */
    public record StepView(String action, String kind, LocalDate dueDate, String support, String progress,
                           List<ProgressNote> notes) {
    }

    public record ProgressNote(int checkIn, String by, String progress, String note) {
    }

    public record Cadence(LocalDate nextConversationDue, String reason, Integer checkInWeeks, boolean hrJoins) {
    }

    /** One version of the plan: when it was agreed, why it was revised and by whose request, what changed. */
    public record PlanVersion(int version, Instant agreedAt, String reason, String requestedBy,
                              List<String> added, List<String> removed) {
    }

    public record CheckInView(int number, Instant recordedAt, String by, String obstacles,
                              boolean planNeedsRevising) {
    }

    /** One person's line on My team and People. */
    public record TeamRow(String id, String name, String jobTitle, String managerId, String managerName, String phase,
                          String phaseKey, String standing, String waitingFor, Instant due, boolean overdue,
                          Instant lastAgreed, LocalDate nextConversationDue, Integer stepsDone, Integer steps,
                          String planProgress, boolean startConversation) {
    }

    /** A page of rows with the filters it was asked for. */
    public record TeamPage(List<TeamRow> rows, int total, int page, int pages, Filters filters,
                           List<Choice> managers, List<Choice> phases) {
    }

    public record Filters(String manager, String phase, boolean overdue) {
    }

    public record Choice(String value, String label) {
    }

    /** A page of the app that the reader may open, for Tasklist's header. */
    public record PageLink(String name, String path) {
    }
}
