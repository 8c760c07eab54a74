package org.careerconversations.conversation;

/** Where a conversation stands; AGREED and CANCELLED are final. */
public enum ConversationStatus {
    SCHEDULING, PREPARING, DOCUMENTING, SIGNING_OFF, MEDIATION, AGREED, CANCELLED;

    boolean isOpen() {
        return this != AGREED && this != CANCELLED;
    }
}
