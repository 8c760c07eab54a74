package org.careerconversations.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dates and recorded values as the people's pages say them: in the organisation's time zone, with the weekday
 * ("Friday 4 December 2026"), and in the words the forms offered ("Training or course", "On track"). The
 * templates call it as {@code @words}.
 */
@Component("words")
public class Words {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final Map<String, String> KINDS = Map.of("training", "Training or course",
        "mentoring", "Mentoring or coaching", "stretch-assignment", "Stretch assignment", "other", "Something else");
    private static final Map<String, String> PROGRESS = Map.of("not-started", "Not started yet",
        "on-track", "On track", "at-risk", "At risk", "done", "Done");
    private static final Map<String, String> PERFORMANCE = Map.of("exceeds", "Exceeds expectations",
        "meets", "Meets expectations", "below", "Below expectations", "unrated", "Not rated this time");
    private static final Map<String, String> RISK = Map.of("low", "Low", "medium", "Medium", "high", "High");

    private final ZoneId zone;

    Words(@Value("${careers.time-zone:Europe/Amsterdam}") ZoneId zone) {
        this.zone = zone;
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
        return KINDS.getOrDefault(kind, kind);
    }

    public String progress(String progress) {
        return PROGRESS.getOrDefault(progress, progress);
    }

    public String performance(String signal) {
        return PERFORMANCE.getOrDefault(signal, signal);
    }

    public String risk(String risk) {
        return RISK.getOrDefault(risk, risk);
    }

    public String yesNo(Boolean value) {
        return value == null ? "" : value ? "Yes" : "No";
    }
}
