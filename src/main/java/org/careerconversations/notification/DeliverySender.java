package org.careerconversations.notification;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the rows of one delivery ({@link Notifications}), one after the other. Each row is marked as sent in a
 * transaction of its own as soon as it went out, so a row already delivered is never sent again, whatever
 * happens to the job afterwards. A row the mail server refuses is recorded and the others are still sent; when
 * the server cannot be reached, the rest is recorded as failed with the same reason and waits. Either way the
 * delivery then fails: the engine retries its job (only the rows not yet sent) and finally raises an incident.
 * A delivery that is still sending after a third of the job's lock time hands the rest to a delivery of its
 * own, so that no other node takes the job over meanwhile.
 */
@Component
class DeliverySender {

    private final NotificationRepository notifications;
    private final Mailer mailer;
    private final Notifications outbox;
    private final NotificationSettings settings;
    private final TransactionTemplate separateTransaction;

    DeliverySender(NotificationRepository notifications, Mailer mailer, Notifications outbox, NotificationSettings settings,
             PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.outbox = outbox;
        this.settings = settings;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sends the rows {@code ids} of the conversation {@code businessKey}; throws when any could not be sent. */
    void send(List<Long> ids, String businessKey) throws Exception {
        long stopAt = System.nanoTime() + settings.sendingTime().toNanos();
        Exception firstFailure = null;
        int failed = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0 && System.nanoTime() > stopAt) {
                outbox.start(ids.subList(i, ids.size()), businessKey);
                break;
            }
            long id = ids.get(i);
            Notification notification = notifications.findById(id)
                .orElseThrow(() -> new IllegalStateException("Notification " + id + " does not exist"));
            if (notification.isDone()) {
                continue;
            }
            boolean sent;
            try {
                sent = mailer.deliver(notification);
            } catch (Exception e) {
                // the job's transaction rolls back; the attempt is recorded in one of its own so the table shows it
                separateTransaction.executeWithoutResult(status ->
                    notifications.recordAttempt(id, Notification.State.FAILED, describe(e)));
                failed++;
                firstFailure = firstFailure == null ? e : firstFailure;
                if (serverUnreachable(e)) {
                    // the others would fail the same way now: they wait for the retry, and the table says why
                    List<Long> rest = ids.subList(i + 1, ids.size());
                    if (!rest.isEmpty()) {
                        separateTransaction.executeWithoutResult(status ->
                            notifications.recordAttempts(rest, Notification.State.FAILED, describe(e)));
                        failed += rest.size();
                    }
                    break;
                }
                continue;
            }
            // marked at once: if this commit fails after the server took the mail, a retry sends it once more
            // (at least once beats never)
            Notification.State state = sent ? Notification.State.SENT : Notification.State.LOGGED;
            Instant at = ClockUtil.getCurrentTime().toInstant();
            separateTransaction.executeWithoutResult(status -> notifications.recordDelivered(id, state, at));
        }
        if (firstFailure != null) {
            if (ids.size() == 1) {
                throw firstFailure;
            }
            throw new IllegalStateException(failed + " of the " + ids.size() + " mails of this delivery could not "
                + "be sent yet; the first: " + describe(firstFailure), firstFailure);
        }
    }

    /** The server could not be reached or did not answer: the other mails would fail the same way now. */
    private static boolean serverUnreachable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text += " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
