package org.careerconversations.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.careerconversations.organisation.Employee;

/** How mails write people and dates: friendly, unambiguous, in the organisation's time zone. */
final class MailFormat {

    private static final DateTimeFormatter DATE_TIME =
        DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** "Hi Eva": the first word of the name. */
    static String firstName(Employee person) {
        String name = person.getName().trim();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? null : DATE_TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    static String date(LocalDate day) {
        return day == null ? null : DATE.format(day);
    }

    private MailFormat() {
    }
}
