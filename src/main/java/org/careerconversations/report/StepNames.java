package org.careerconversations.report;

import static org.careerconversations.process.ProcessIds.*;

import java.util.Map;

/**
 * The steps of a conversation as the KPIs name them: what is done and by whom, never the model's element id.
 * A step a designer added later is named from its id ("Task_ReviewWithHr" reads "Review with hr").
 */
final class StepNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
        Map.entry(TASK_SCHEDULE_CONVERSATION, "Schedule the conversation (manager)"),
        Map.entry(TASK_PREPARE_EMPLOYEE, "Prepare (employee)"),
        Map.entry(TASK_PREPARE_MANAGER, "Prepare (manager)"),
        Map.entry(TASK_HOLD_CONVERSATION, "Hold the conversation (manager)"),
        Map.entry(TASK_RESOLVE_RESCHEDULING, "Resolve repeated rescheduling (HR)"),
        Map.entry(TASK_DOCUMENT_AGREEMENTS, "Document the agreements (manager)"),
        Map.entry(TASK_SIGN_OFF, "Sign off (employee)"),
        Map.entry(TASK_MEDIATE_SIGN_OFF, "Mediate the sign-off (HR)"),
        Map.entry(TASK_CHECK_IN_EMPLOYEE, "Check in (employee)"),
        Map.entry(TASK_CHECK_IN_MANAGER, "Check in (manager)"),
        Map.entry(TASK_REVISE_PLAN, "Revise the plan (manager)"),
        Map.entry(TASK_AGREE_REVISED_PLAN, "Agree to the revised plan (employee)"));

    static String of(String step) {
        String name = NAMES.get(step);
        if (name != null) {
            return name;
        }
        String words = step.replaceFirst("^[A-Za-z]+_", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return words.isEmpty() ? step : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private StepNames() {
    }
}
