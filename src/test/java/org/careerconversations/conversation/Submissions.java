package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.careerconversations.process.ProcessVariables.ActionRow;
import org.careerconversations.process.ProcessVariables.GoalRow;

/**
 * What people submit at each step, shaped as Tasklist submits it: text as String, numbers as Integer,
 * the meeting time as an ISO string, lists as JSON. Lists are Java lists here; {@link #forJavaApi} turns
 * them into Json values as the engine receives them from Tasklist, and EngineRest sends them as type Json.
 */
public final class Submissions {

    public static Map<String, Object> start(String employeeId) {
        return values(EMPLOYEE_ID, employeeId);
    }

    public static Map<String, Object> scheduleConversation(Instant meetingAt) {
        return values(MEETING_AT, meetingAt.atOffset(ZoneOffset.ofHours(1)).toString(),
            MEETING_PLACE, "Room Tulip, 3rd floor");
    }

    public static Map<String, Object> prepareEmployee() {
        return values(AMBITIONS_SHORT_TERM, "Own a feature end to end",
            AMBITIONS_LONG_TERM, "Become a tech lead",
            WENT_WELL, "Shipped the search page",
            STRENGTHS, "Careful reviews",
            DEVELOPMENT_NEEDS, "Presenting to customers",
            TOPICS, "Conference budget",
            SUPPORT_WANTED, "A mentor",
            JOB_SATISFACTION, 4,
            EARLIER_TALK_WISHED, false);
    }

    public static Map<String, Object> prepareManager() {
        return values(PREVIOUS_PLAN_PROGRESS, "First cycle",
            STRENGTHS_OBSERVED, "Eva asks the right questions early",
            AREAS_TO_GROW, "Speak up in planning meetings",
            PROPOSED_GOALS, "Lead the next sprint demo");
    }

    /** Held (at the engine's current time, which is never in the future), rescheduled or cancelled. */
    public static Map<String, Object> holdConversation(String outcome, String note) {
        Map<String, Object> values = values(MEETING_OUTCOME, outcome);
        if ("held".equals(outcome)) {
            values.put(MEETING_HELD_AT,
                ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.ofHours(1)).toString());
        }
        if (note != null) {
            values.put(OUTCOME_NOTE, note);
        }
        return values;
    }

    public static Map<String, Object> documentAgreements() {
        return values(
            GOALS, List.of(
                Map.of(GoalRow.GOAL, "Lead the sprint demo", GoalRow.MEASURE, "Two demos given",
                    GoalRow.TARGET_DATE, "2027-03-31"),
                Map.of(GoalRow.GOAL, "Pair with a customer team", GoalRow.MEASURE, "One visit",
                    GoalRow.TARGET_DATE, "2027-05-31")),
            DEVELOPMENT_ACTIONS, List.of(
                Map.of(ActionRow.ACTION, "Presentation skills course", ActionRow.KIND, "training",
                    ActionRow.DUE_DATE, "2027-02-28", ActionRow.SUPPORT, "Budget approved by Maria"),
                Map.of(ActionRow.ACTION, "Monthly sessions with Erik", ActionRow.KIND, "mentoring",
                    ActionRow.DUE_DATE, "2027-06-30", ActionRow.SUPPORT, "")),
            FEEDBACK_SUMMARY, "Strong start; grow visibility",
            CAREER_ASPIRATIONS, "Tech lead in two years",
            PERFORMANCE_SIGNAL, "meets",
            RETENTION_RISK, "low");
    }

    public static Map<String, Object> agree() {
        return values(SIGN_OFF_DECISION, "agree");
    }

    public static Map<String, Object> requestChanges(String comment) {
        return values(SIGN_OFF_DECISION, "requestChanges", CHANGE_REQUEST, comment);
    }

    public static Map<String, Object> mediateSignOff(String decision, String note) {
        return values(MEDIATION_DECISION, decision, MEDIATION_NOTE, note);
    }

    public static Map<String, Object> resolveRescheduling(String decision, String note) {
        return values(RESCHEDULING_DECISION, decision, RESCHEDULING_NOTE, note);
    }

    /** The same values as the engine gets them from Tasklist: lists as Json. */
    public static Map<String, Object> forJavaApi(Map<String, Object> values) {
        Map<String, Object> converted = new LinkedHashMap<>();
        values.forEach((name, value) -> converted.put(name,
            value instanceof List<?> list ? SpinValues.jsonValue(toJson(list)).create() : value));
        return converted;
    }

    static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    private static String toJson(List<?> list) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(list);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Submissions() {
    }
}
