package org.careerconversations.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates of the user tasks, read from {@code careers.deadlines.*} so that HR can change them without
 * touching the model. The BPMN calls these methods in its {@code camunda:dueDate} expressions; they use
 * the engine clock, so tests that move the clock see the same due dates a person would.
 */
@Component("deadlines")
@ConfigurationProperties("careers.deadlines")
public class Deadlines {

    /** How long the manager has to fix a date for the meeting. */
    private Duration scheduling = Duration.ofDays(7);
    /** Preparation is due this long before the meeting. */
    private Duration preparationBeforeMeeting = Duration.ofDays(1);
    /** The manager records the meeting's outcome within this time after it. */
    private Duration holdingAfterMeeting = Duration.ofDays(1);
    /** The manager documents the agreements within this time. */
    private Duration documenting = Duration.ofDays(5);
    /** The employee reviews and signs off within this time. */
    private Duration signingOff = Duration.ofDays(5);
    /** HR decides (mediation, repeated rescheduling) within this time. */
    private Duration hrDecision = Duration.ofDays(5);
    /** Employee and manager fill in a check-in within this time. */
    private Duration checkIn = Duration.ofDays(7);

    public Date scheduling() {
        return fromNow(scheduling);
    }

    public Date preparation(Date meetingStartsAt) {
        Instant due = meetingStartsAt.toInstant().minus(preparationBeforeMeeting);
        Instant now = now();
        // a meeting set for tomorrow morning leaves preparation due at the meeting itself
        return Date.from(due.isAfter(now) ? due : meetingStartsAt.toInstant());
    }

    public Date holding(Date meetingStartsAt) {
        return Date.from(meetingStartsAt.toInstant().plus(holdingAfterMeeting));
    }

    public Date documenting() {
        return fromNow(documenting);
    }

    public Date signingOff() {
        return fromNow(signingOff);
    }

    public Date hrDecision() {
        return fromNow(hrDecision);
    }

    public Date checkIn() {
        return fromNow(checkIn);
    }

    private static Date fromNow(Duration duration) {
        return Date.from(now().plus(duration));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public void setScheduling(Duration scheduling) {
        this.scheduling = scheduling;
    }

    public void setPreparationBeforeMeeting(Duration preparationBeforeMeeting) {
        this.preparationBeforeMeeting = preparationBeforeMeeting;
    }

    public void setHoldingAfterMeeting(Duration holdingAfterMeeting) {
        this.holdingAfterMeeting = holdingAfterMeeting;
    }

    public void setDocumenting(Duration documenting) {
        this.documenting = documenting;
    }

    public void setSigningOff(Duration signingOff) {
        this.signingOff = signingOff;
    }

    public void setHrDecision(Duration hrDecision) {
        this.hrDecision = hrDecision;
    }

    public void setCheckIn(Duration checkIn) {
        this.checkIn = checkIn;
    }
}
