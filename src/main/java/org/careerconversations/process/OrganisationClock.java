package org.careerconversations.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The organisation's time zone ({@code careers.time-zone}) and the engine's clock: what "now" and "today" are
 * for due dates, rules, pages, mails and reports. The engine's clock, so that tests that move it see what a
 * person would see.
 */
@Component
@ConfigurationProperties("careers")
public class OrganisationClock {

    /** The organisation's calendar: due dates and "today" are computed in it. */
    private ZoneId timeZone = ZoneId.of("Europe/Amsterdam");

    public ZoneId zone() {
        return timeZone;
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), timeZone);
    }

    public ZoneId getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(ZoneId timeZone) {
        this.timeZone = timeZone;
    }
}
