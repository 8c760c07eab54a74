package org.careerconversations.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One mail to one person, rendered when the engine step that caused it ran, and delivered later by a
 * SendNotification job. The row is the outbox and the record of what was sent to whom.
 */
@Entity
@Table(name = "notification")
class Notification {

    enum Kind {
        TASK_ASSIGNED, SIGN_OFF_REQUESTED, CHECK_IN_DUE, ESCALATION, REMINDER,
        /** the manager's task to revise a record or plan after the employee asked for changes */
        CHANGES_REQUESTED,
        /** the employee's task to agree to a plan the manager revised */
        REVISED_PLAN_TO_AGREE,
        CONVERSATION_SCHEDULED, CONVERSATION_CANCELLED, AGREEMENT_SUMMARY,
        /** the conversation took place at another time than planned: the calendar follows */
        CONVERSATION_HELD,
        /** written by a process designer on a "Send a notification" step (SendConversationMessage) */
        DESIGNER_MESSAGE
    }

    /** FAILED means the last attempt failed: the engine retries, and opens an incident when it gives up. */
    enum State {
        PENDING, SENT, LOGGED, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String recipientId;
    private String recipient;
    private String cc;
    private String businessKey;
    private String taskId;
    private String subject;
    private String bodyText;
    private String bodyHtml;
    private String calendar;
    @Enumerated(EnumType.STRING)
    private State state;
    private int attempts;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;

    protected Notification() {
    }

    Notification(Kind kind, String recipientId, String recipient, String cc, String businessKey, String taskId,
                 MailContent content, Instant createdAt) {
        this.kind = kind;
        this.recipientId = recipientId;
        this.recipient = recipient;
        this.cc = cc;
        this.businessKey = businessKey;
        this.taskId = taskId;
        this.subject = content.subject();
        this.bodyText = content.text();
        this.bodyHtml = content.html();
        this.calendar = content.calendar();
        this.state = State.PENDING;
        this.createdAt = createdAt;
    }

    /** Delivered or, without a mail server, logged: a retry of the job must not send it again. */
    boolean isDone() {
        return state == State.SENT || state == State.LOGGED;
    }


    Long getId() {
        return id;
    }

    Kind getKind() {
        return kind;
    }

    String getRecipientId() {
        return recipientId;
    }

    String getRecipient() {
        return recipient;
    }

    Optional<String> getCc() {
        return Optional.ofNullable(cc);
    }

    String getBusinessKey() {
        return businessKey;
    }

    String getTaskId() {
        return taskId;
    }

    String getSubject() {
        return subject;
    }

    String getBodyText() {
        return bodyText;
    }

    String getBodyHtml() {
        return bodyHtml;
    }

    Optional<String> getCalendar() {
        return Optional.ofNullable(calendar);
    }

    State getState() {
        return state;
    }

    int getAttempts() {
        return attempts;
    }

    String getLastError() {
        return lastError;
    }

    Instant getSentAt() {
        return sentAt;
    }
}
