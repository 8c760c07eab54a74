package org.careerconversations.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    /** Counts an attempt without loading the row, so it can run beside the job's own transaction. */
    @Modifying
    @Query("update Notification n set n.state = ?2, n.attempts = n.attempts + 1, n.lastError = ?3 where n.id = ?1")
    void recordAttempt(long id, Notification.State state, String error);

    /** The same for rows a delivery did not get to, because the mail server could not be reached. */
    @Modifying
    @Query("update Notification n set n.state = ?2, n.attempts = n.attempts + 1, n.lastError = ?3 where n.id in ?1 "
        + "and n.state not in (org.careerconversations.notification.Notification.State.SENT, "
        + "org.careerconversations.notification.Notification.State.LOGGED)")
    void recordAttempts(List<Long> ids, Notification.State state, String error);

    /** Marks a row sent (or, without a mail server, logged), in a transaction of its own beside the job's. */
    @Modifying
    @Query("update Notification n set n.state = ?2, n.attempts = n.attempts + 1, n.sentAt = ?3, n.lastError = null "
        + "where n.id = ?1")
    void recordDelivered(long id, Notification.State state, Instant at);
}
