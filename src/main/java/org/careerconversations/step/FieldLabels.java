package org.careerconversations.step;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a refusal names the fields of the forms in forms/: by what people read on the form, never by the
 * variable key behind it. A field inside a list row is found as {@code list.field} ({@code goals.goal}).
 * Choices are named by their options' labels. Every field a form submits has an entry here (a test reads
 * the forms and checks it), so a message never falls back to a key.
 */
public final class FieldLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
        // start and round
        Map.entry("employeeId", "Employee"),
        Map.entry("teamOfManagerId", "Only the team of this manager"),
        Map.entry("leadDays", "Lead time in days"),
        // schedule and hold
        Map.entry("meetingAt", "Date and time"),
        Map.entry("meetingPlace", "Place or video link"),
        Map.entry("meetingOutcome", "How did it go?"),
        Map.entry("meetingHeldAt", "Date it took place"),
        Map.entry("outcomeNote", "What happened?"),
        // the employee's preparation
        Map.entry("ambitionsShortTerm", "Where would you like to be in a year?"),
        Map.entry("ambitionsLongTerm", "And in a few years\u2019 time?"),
        Map.entry("wentWell", "What went well since your last conversation?"),
        Map.entry("strengths", "Which strengths did you rely on?"),
        Map.entry("developmentNeeds", "What would you like to learn or get better at?"),
        Map.entry("topics", "What else would you like to talk about?"),
        Map.entry("supportWanted", "What support would help you?"),
        Map.entry("jobSatisfaction", "How satisfied are you with your work at the moment?"),
        Map.entry("earlierTalkWished", "I would like my next career conversation sooner than usual"),
        // the manager's preparation
        Map.entry("previousPlanProgress", "How did the previous plan go?"),
        Map.entry("strengthsObserved", "Strengths you have seen"),
        Map.entry("areasToGrow", "Areas to grow"),
        Map.entry("proposedGoals", "Goals you could propose"),
        // the agreements and the plan
        Map.entry("goals", "Agreed goals"),
        Map.entry("goals.goal", "Goal"),
        Map.entry("goals.measure", "How you will know it is reached"),
        Map.entry("goals.targetDate", "Target date"),
        Map.entry("developmentActions", "Development plan"),
        Map.entry("developmentActions.action", "Step"),
        Map.entry("developmentActions.kind", "Kind of step"),
        Map.entry("developmentActions.dueDate", "Done by"),
        Map.entry("developmentActions.support", "Support needed"),
        Map.entry("developmentActions.actionId", "Step of the current plan"),
        Map.entry("developmentActions.status", "Progress so far"),
        Map.entry("feedbackSummary", "Summary of the feedback"),
        Map.entry("careerAspirations", "Career aspirations"),
        Map.entry("performanceSignal", "Performance this period"),
        Map.entry("retentionRisk", "Retention risk"),
        // sign-off, mediation, rescheduling
        Map.entry("signOffDecision", "Your decision"),
        Map.entry("changeRequest", "What would you like to see different?"),
        Map.entry("mediationDecision", "Your decision"),
        Map.entry("mediationNote", "Your note"),
        Map.entry("reschedulingDecision", "Your decision"),
        Map.entry("reschedulingNote", "Your note"),
        // check-ins and revisions
        Map.entry("employeeProgress", "Progress per development step"),
        Map.entry("managerProgress", "Progress per development step"),
        Map.entry("employeeProgress.status", "Where does it stand?"),
        Map.entry("managerProgress.status", "Where does it stand?"),
        Map.entry("employeeProgress.note", "Note"),
        Map.entry("managerProgress.note", "Note"),
        Map.entry("employeeProgress.actionId", "Step of the current plan"),
        Map.entry("managerProgress.actionId", "Step of the current plan"),
        Map.entry("employeeObstacles", "What is in the way, or what would help?"),
        Map.entry("managerObstacles", "What is in the way, or what could you do to help?"),
        Map.entry("employeePlanNeedsRevising", "The plan needs adjusting"),
        Map.entry("managerPlanNeedsRevising", "The plan needs adjusting"),
        Map.entry("revisionDecision", "Your decision"),
        Map.entry("revisionComment", "What would you like to see different?"),
        Map.entry("followUpNote", "What did you do?"));

    /**
     * Fields that the form shows without one label of their own (a date and a time picker side by side): a
     * refusal describes them instead of quoting a label.
     */
    private static final Map<String, String> DESCRIBED = Map.of(
        "meetingAt", "The meeting time",
        "meetingHeldAt", "The time the conversation took place");

    private static final Map<String, Map<String, String>> OPTIONS = Map.of(
        "meetingOutcome", ordered("held", "The conversation took place",
            "rescheduled", "It has to move to another date", "cancelled", "It will not take place in this cycle"),
        "performanceSignal", ordered("exceeds", "Exceeds expectations", "meets", "Meets expectations",
            "below", "Below expectations", "unrated", "Not rated this time"),
        "retentionRisk", ordered("low", "Low", "medium", "Medium", "high", "High"),
        "developmentActions.kind", ordered("training", "Training or course", "mentoring", "Mentoring or coaching",
            "stretch-assignment", "Stretch assignment", "other", "Something else"),
        "signOffDecision", ordered("agree", "I agree, this is what we agreed",
            "requestChanges", "I would like changes"),
        "revisionDecision", ordered("agree", "I agree with the revised plan", "requestChanges", "I would like changes"),
        "mediationDecision", ordered("backToManager", "Back to the manager to revise the record",
            "closeAsDocumented", "Close the record as documented"),
        "reschedulingDecision", ordered("scheduleAgain", "Plan it once more", "cancel", "Cancel this cycle"),
        "status", ordered("not-started", "Not started yet", "on-track", "On track", "at-risk", "At risk",
            "done", "Done"));

    /** How a sentence names a field: its label on the form in quotes, or a description where it has none. */
    public static String named(String field) {
        String described = DESCRIBED.get(field);
        return described != null ? described : "\u201c" + of(field) + "\u201d";
    }

    /** The label of a field as people read it on the form; for a list row's field, {@code list.field}. */
    public static String of(String field) {
        String label = LABELS.get(field);
        if (label != null) {
            return label;
        }
        int dot = field.lastIndexOf('.');
        // a list row's field that is named the same in every list (a progress row's status)
        return dot < 0 ? "One of the fields" : LABELS.getOrDefault(field.substring(dot + 1), "One of the fields");
    }

    /** Whether this key (or {@code list.field}) has a label of its own. */
    static boolean has(String field) {
        return LABELS.containsKey(field);
    }

    /** The words of one option of a choice, as the form shows it. */
    public static Optional<String> option(String field, String value) {
        return Optional.ofNullable(optionsOf(field).get(value));
    }

    /** The options' words in the form's order, for a rule such as "must be one of: …". */
    static List<String> options(String field, Collection<String> values) {
        List<String> order = List.copyOf(optionsOf(field).keySet());
        return values.stream().sorted(Comparator.comparingInt(v -> order.contains(v) ? order.indexOf(v) : order.size()))
            .map(v -> option(field, v).orElse(v)).toList();
    }

    private static Map<String, String> optionsOf(String field) {
        Map<String, String> options = OPTIONS.get(field);
        int dot = field.lastIndexOf('.');
        if (options == null && dot >= 0) {
            options = OPTIONS.get(field.substring(dot + 1));
        }
        return options == null ? Map.of() : options;
    }

    private static Map<String, String> ordered(String... valuesAndWords) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < valuesAndWords.length; i += 2) {
            options.put(valuesAndWords[i], valuesAndWords[i + 1]);
        }
        return options;
    }

    private FieldLabels() {
    }
}
