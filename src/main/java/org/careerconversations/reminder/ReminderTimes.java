package org.careerconversations.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.careerconversations.process.ProcessIds;

/**
 * When a task's reminder and escalations are due: its due date and the durations the ReminderTimings decision
 * gives for its kind of task (dmn/reminder-timings.dmn, which HR edits in the Modeler).
 */
record ReminderTimes(Instant remindAt, Instant escalateToManagerAt, Instant escalateToHrAt) {

    static ReminderTimes decide(ReminderTimings timingsByStep, String taskDefinitionKey, Instant due) {
        Map<String, Object> timings = timingsByStep.forStep(taskDefinitionKey);
        return new ReminderTimes(due.minus(duration(timings, "remindBefore")),
            due.plus(duration(timings, "escalateToManagerAfter")), due.plus(duration(timings, "escalateToHrAfter")));
    }

    /** An ISO-8601 duration as HR writes it in the table: P2D, P1W, PT4H or P1DT12H. */
    static Duration duration(Map<String, Object> timings, String output) {
        String text = String.valueOf(timings.get(output)).trim();
        try {
            if (text.contains("T")) {
                return Duration.parse(text);
            }
            Period period = Period.parse(text);
            if (period.getMonths() != 0 || period.getYears() != 0) {
                throw new DateTimeParseException("months and years have no fixed length", text, 0);
            }
            return Duration.ofDays(period.getDays());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(ProcessIds.REMINDER_TIMINGS + " gave " + output + " = '" + text
                + "', which is not a duration in days or hours such as P2D, P1W or PT4H", e);
        }
    }
}
