package org.careerconversations.notification;

import java.time.Duration;
import java.time.ZoneId;
import org.careerconversations.process.OrganisationClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code careers.notifications.*} settings. A public bean with a name, because send-notification.bpmn
 * reads its retry cycle in an expression ({@code ${notificationSettings.retryCycle}}), and the expression
 * language only calls public classes.
 */
@Component("notificationSettings")
public class NotificationSettings {

    private final String from;
    private final String tasklistBaseUrl;
    private final String retryCycle;
    private final Duration meetingDuration;
    private final ZoneId zone;
    private final int mailsPerDelivery;
    private final Duration sendingTime;

    NotificationSettings(@Value("${careers.notifications.from}") String from,
                         @Value("${careers.notifications.tasklist-base-url}") String tasklistBaseUrl,
                         @Value("${careers.notifications.retry-cycle}") String retryCycle,
                         @Value("${careers.notifications.meeting-duration}") Duration meetingDuration,
                         OrganisationClock clock,
                         @Value("${careers.notifications.mails-per-delivery:50}") int mailsPerDelivery,
                         @Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long jobLockMillis) {
        this.from = from;
        this.tasklistBaseUrl = tasklistBaseUrl.endsWith("/") ? tasklistBaseUrl : tasklistBaseUrl + "/";
        this.retryCycle = retryCycle;
        this.meetingDuration = meetingDuration;
        this.zone = clock.zone();
        this.mailsPerDelivery = Math.max(1, mailsPerDelivery);
        this.sendingTime = Duration.ofMillis(jobLockMillis / 3);
    }

    /** How many mails of one engine command go into one delivery at most. */
    int mailsPerDelivery() {
        return mailsPerDelivery;
    }

    /**
     * How long a delivery's job begins new sends: a third of the job's lock time, so that no other node takes
     * the job over while it still sends; what is left then goes into a delivery of its own.
     */
    Duration sendingTime() {
        return sendingTime;
    }

    String from() {
        return from;
    }

    /** Tasklist, for mails that are about no single task. */
    String tasklistUrl() {
        return tasklistBaseUrl;
    }

    /** Tasklist opened on one task: what a person clicks to act. */
    String taskUrl(String taskId) {
        return tasklistBaseUrl + "#/?task=" + taskId;
    }

    /** Read by the engine when a send job fails (a JUEL property, hence the getter). */
    public String getRetryCycle() {
        return retryCycle;
    }

    Duration meetingDuration() {
        return meetingDuration;
    }

    ZoneId zone() {
        return zone;
    }
}
