package org.careerconversations.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task_SendNotification (an asynchronous continuation, so it runs in a job after the causing step committed):
 * sends one notification row. A failure propagates, and the engine retries the job and finally raises an
 * incident; a row that is already delivered is never sent again.
 */
@Component("sendNotification")
class SendNotification implements JavaDelegate {

    private final NotificationRepository notifications;
    private final Mailer mailer;
    private final TransactionTemplate separateTransaction;

    SendNotification(NotificationRepository notifications, Mailer mailer, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        long id = ((Number) execution.getVariable(Notifications.NOTIFICATION_ID)).longValue();
        Notification notification = notifications.findById(id)
            .orElseThrow(() -> new IllegalStateException("Notification " + id + " does not exist"));
        if (notification.isDone()) {
            return;
        }
        boolean sent;
        try {
            sent = mailer.deliver(notification);
        } catch (Exception e) {
            // the job's transaction rolls back; the attempt is recorded in one of its own so the table shows it
            separateTransaction.executeWithoutResult(status ->
                notifications.recordAttempt(id, Notification.State.FAILED, describe(e)));
            throw e;
        }
        // marked after sending: if the server takes the mail but this commit fails, a retry sends it once more
        // (at least once beats never); the row is not touched before, so the failure record above cannot block
        notification.delivered(sent, ClockUtil.getCurrentTime().toInstant());
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
