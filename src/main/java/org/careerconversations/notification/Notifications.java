package org.careerconversations.notification;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessInstanceWithVariablesImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careerconversations.organisation.Employee;
import org.careerconversations.process.ProcessIds;
import org.springframework.stereotype.Service;

/**
 * The outbox: stores a mail and has a SendNotification process instance deliver it. Called by listeners
 * inside the engine's transaction, so the row and the send job commit (or roll back) with the step itself;
 * nothing leaves the building before that.
 * <p>
 * The mails of one engine command — one step, or a round's chunk of conversation starts — go into one delivery,
 * up to {@code careers.notifications.mails-per-delivery}: one process instance and one job for several mails.
 * Its business key is the conversation's when all of its mails belong to one (Cockpit shows a stuck delivery
 * next to its conversation), otherwise none. A mail queued outside any engine command gets a delivery of its own.
 */
@Service
class Notifications {

    /** The process variable that names the rows a delivery sends, comma-separated. */
    static final String NOTIFICATION_IDS = "notificationIds";
    /** The variable of a delivery of one row, as deliveries were begun before they took several. */
    static final String NOTIFICATION_ID = "notificationId";

    private final NotificationRepository notifications;
    private final RuntimeService runtimeService;
    private final NotificationSettings settings;

    Notifications(NotificationRepository notifications, RuntimeService runtimeService, NotificationSettings settings) {
        this.notifications = notifications;
        this.runtimeService = runtimeService;
        this.settings = settings;
    }

    void queue(Notification.Kind kind, Employee to, Optional<Employee> cc, String businessKey, String taskId,
               MailContent content) {
        Notification notification = notifications.save(new Notification(kind, to.getId(), to.getEmail(),
            cc.map(Employee::getEmail).orElse(null), businessKey, taskId, content,
            ClockUtil.getCurrentTime().toInstant()));
        CommandContext command = Context.getCommandContext();
        DeliveriesPerCommand.Delivery delivery = command == null ? new DeliveriesPerCommand.Delivery()
            : command.getSession(DeliveriesPerCommand.Delivery.class);
        if (!delivery.add(notification.getId(), businessKey, settings.mailsPerDelivery())) {
            delivery.begin(start(List.of(notification.getId()), businessKey), notification.getId(), businessKey);
        }
    }

    /** Starts a delivery of the rows; answers its process instance. */
    ExecutionEntity start(List<Long> ids, String businessKey) {
        // the business key lets Cockpit show a stuck mail next to its conversation
        return ((ProcessInstanceWithVariablesImpl) runtimeService.createProcessInstanceByKey(ProcessIds.SEND_NOTIFICATION)
            .businessKey(businessKey)
            .setVariable(NOTIFICATION_IDS, join(ids))
            .executeWithVariablesInReturn()).getExecutionEntity();
    }

    static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
