package org.careerconversations.notification;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    /** Counts an attempt without loading the row, so it can run beside the job's own transaction. */
    @Modifying
    @Query("update Notification n set n.state = ?2, n.attempts = n.attempts + 1, n.lastError = ?3 where n.id = ?1")
    void recordAttempt(long id, Notification.State state, String error);
}
