package org.careerconversations.pages;

import static org.careerconversations.process.ProcessVariables.DEVELOPMENT_ACTIONS;
import static org.careerconversations.process.ProcessVariables.PERFORMANCE_SIGNAL;
import static org.careerconversations.process.ProcessVariables.RETENTION_RISK;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.careerconversations.conversation.ReadablePlan;
import org.careerconversations.process.OrganisationClock;
import org.careerconversations.process.ProcessVariables.ActionRow;
import org.careerconversations.step.FieldLabels;
import org.springframework.stereotype.Component;

/**
 * Dates and recorded values as the people's pages say them: in the organisation's time zone, with the weekday
 * ("Friday 4 December 2026"), and in the words the forms offered ("Training or course", "On track"; they come from
 * conversation/FieldLabels). The templates call it as {@code @words}.
 */
@Component("words")
public class Words {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final ZoneId zone;

    Words(OrganisationClock clock) {
        this.zone = clock.zone();
    }

    ZoneId zone() {
        return zone;
    }

    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }

    /** "Friday 4 December 2026, 10:00" in the organisation's time zone. */
    public String dayAndTime(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone)) + ", " + TIME.format(instant.atZone(zone));
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    public String iso(Object value) {
        return value instanceof Instant instant ? instant.atZone(zone).toOffsetDateTime().toString()
            : String.valueOf(value);
    }

    public String kind(String kind) {
        return ReadablePlan.word(DEVELOPMENT_ACTIONS + "." + ActionRow.KIND, kind);
    }

    public String progress(String progress) {
        return ReadablePlan.word(ActionRow.STATUS, progress);
    }

    public String performance(String signal) {
        return ReadablePlan.word(PERFORMANCE_SIGNAL, signal);
    }

    public String risk(String risk) {
        return ReadablePlan.word(RETENTION_RISK, risk);
    }

    public String yesNo(Boolean value) {
        return value == null ? "" : value ? "Yes" : "No";
    }
}
