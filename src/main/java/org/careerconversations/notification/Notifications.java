package org.careerconversations.notification;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careerconversations.organisation.Employee;
import org.careerconversations.process.ProcessIds;
import org.springframework.stereotype.Service;

/**
 * The outbox: stores a mail and starts the SendNotification process that delivers it. Called by listeners
 * inside the engine's transaction, so the row and the send job commit (or roll back) with the step itself;
 * nothing leaves the building before that.
 */
@Service
class Notifications {

    static final String NOTIFICATION_ID = "notificationId";

    private final NotificationRepository notifications;
    private final RuntimeService runtimeService;

    Notifications(NotificationRepository notifications, RuntimeService runtimeService) {
        this.notifications = notifications;
        this.runtimeService = runtimeService;
    }

    void queue(Notification.Kind kind, Employee to, Optional<Employee> cc, String businessKey, String taskId,
               MailContent content) {
        Notification notification = notifications.save(new Notification(kind, to.getId(), to.getEmail(),
            cc.map(Employee::getEmail).orElse(null), businessKey, taskId, content,
            ClockUtil.getCurrentTime().toInstant()));
        // the business key lets Cockpit show a stuck mail next to its conversation
        runtimeService.createProcessInstanceByKey(ProcessIds.SEND_NOTIFICATION)
            .businessKey(businessKey)
            .setVariable(NOTIFICATION_ID, notification.getId())
            .execute();
    }
}
