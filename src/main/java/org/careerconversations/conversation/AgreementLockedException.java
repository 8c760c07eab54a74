package org.careerconversations.conversation;

/** Thrown when something tries to change a conversation that is already agreed or cancelled. */
public class AgreementLockedException extends IllegalStateException {

    AgreementLockedException(String businessKey, ConversationStatus status) {
        super("Conversation " + businessKey + " is " + status + " and can no longer be changed");
    }
}
