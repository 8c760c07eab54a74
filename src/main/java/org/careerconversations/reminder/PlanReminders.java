package org.careerconversations.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PlanReminders: turns ReminderTimings' durations into the watch's three dates. */
@Component("planReminders")
class PlanReminders implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> timings = (Map<String, Object>) execution.getVariable("timings");
        Instant due = ((Date) execution.getVariable(TaskWatch.DUE_DATE)).toInstant();
        execution.setVariable("remindAt", Date.from(due.minus(duration(timings, "remindBefore"))));
        execution.setVariable("escalateToManagerAt", Date.from(due.plus(duration(timings, "escalateToManagerAfter"))));
        execution.setVariable("escalateToHrAt", Date.from(due.plus(duration(timings, "escalateToHrAfter"))));

        // read once here; kept, the decision's map would cost a variable and a byte array row per task
        execution.removeVariable("timings");
    }

    /** An ISO-8601 duration as HR writes it in the table: P2D, P1W, PT4H or P1DT12H. */
    private static Duration duration(Map<String, Object> timings, String output) {
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
            throw new IllegalStateException("ReminderTimings gave " + output + " = '" + text
                + "', which is not a duration in days or hours such as P2D, P1W or PT4H", e);
        }
    }
}
