package org.careerconversations.privacy;

import java.util.List;

/**
 * A feature that keeps personal data in tables of its own (notifications, for instance) takes part in
 * export, erasure and retention by implementing this as a Spring bean. The conversation record and the
 * engine are handled by this package itself; a store is asked before their rows go, so its foreign keys to
 * {@code conversation} or {@code employee} never block a deletion.
 */
public interface PersonalDataStore {

    /** The key of this store's part of an export, e.g. {@code "notifications"}. */
    String name();

    /** Everything this store keeps about the employee and their conversations, as JSON-serialisable values. */
    Object export(String employeeId, List<Long> conversationIds);

    /**
     * Deletes this store's rows of these conversations, which are about to be deleted (erasure, or their
     * retention time is over). Must be idempotent: every node of a cluster may run retention at once.
     *
     * @return the number of rows deleted
     */
    int forgetConversations(List<Long> conversationIds);

    /**
     * Deletes, or removes the employee from, everything else this store keeps about them (for instance mails
     * sent to them about other people's conversations). Called after {@link #forgetConversations}.
     *
     * @return the number of rows deleted or changed
     */
    int erase(String employeeId, Subject subject);

    /** Whom to erase: the id and the words that identify them in free text. */
    record Subject(String id, String name, String email) {
    }
}
