package org.careerconversations.conversation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What happened to a conversation, published as Spring application events by {@link ConversationService}
 * inside the engine's transaction (a listener that writes to the database takes part in it; a listener that
 * talks to the outside world should act after commit). Notifications listen to these.
 */
public final class ConversationEvents {

    /** The meeting was given a time and place; {@code sequence} counts the schedulings of this cycle (0, 1, …). */
    public record ConversationScheduled(long conversationId, String businessKey, String employeeId, String managerId,
                                        Instant meetingAt, String place, int sequence) {
    }

    /**
     * The conversation took place at another time than planned: the invitation is updated to {@code heldAt};
     * {@code sequence} is higher than the last invitation's.
     */
    public record ConversationHeldAtAnotherTime(long conversationId, String businessKey, String employeeId,
                                                String managerId, Instant plannedAt, Instant heldAt, String place,
                                                int sequence) {
    }

    /** The cycle ended without an agreement. */
    public record ConversationCancelled(long conversationId, String businessKey, String employeeId, String managerId,
                                        Instant meetingAt, String reason, int sequence) {
    }

    /** The agreement is final and the cadence decided: the summary can go out. */
    public record ConversationAgreed(long conversationId, String businessKey, String employeeId, String managerId,
                                     String hrPartnerId, boolean hrJoins, String cadenceReason,
                                     LocalDate nextConversationDue) {
    }

    /** Employee and manager agreed to a revised plan, which is now version {@code version}. */
    public record PlanRevisionAgreed(long conversationId, String businessKey, int version) {
    }

    private ConversationEvents() {
    }
}
