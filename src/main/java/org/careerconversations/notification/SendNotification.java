package org.careerconversations.notification;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SendNotification (an asynchronous continuation, so it runs in a job after the causing step committed):
 * hands the rows of its delivery to {@link DeliverySender}; a failure fails the job, which the engine retries and
 * finally turns into an incident.
 */
@Component("sendNotification")
class SendNotification implements JavaDelegate {

    private final DeliverySender delivery;

    SendNotification(DeliverySender delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        delivery.send(rows(execution), execution.getProcessBusinessKey());
    }

    /** The rows of the delivery: {@code notificationIds}, or the one {@code notificationId} of an earlier one. */
    private static List<Long> rows(DelegateExecution execution) {
        Object ids = execution.getVariable(Notifications.NOTIFICATION_IDS);
        if (ids != null) {
            return Arrays.stream(ids.toString().split(",")).map(String::trim).map(Long::valueOf).toList();
        }
        return List.of(((Number) execution.getVariable(Notifications.NOTIFICATION_ID)).longValue());
    }
}
