package org.careerconversations.notification;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.careerconversations.organisation.Employee;
import org.careerconversations.organisation.EmployeeRepository;
import org.careerconversations.process.ProcessIds;
import org.careerconversations.process.TaskReminderDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails about tasks: every new task with an assignee (the engine's Spring eventing publishes task events
 * inside its transaction), and the reminders the reminder process publishes. Only rows are written here.
 */
@Component
class TaskNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(TaskNotifications.class);

    /** Task keys of the follow-up: check-ins and the escalation of an overdue task. */
    static final String CHECK_IN_PREFIX = "Task_CheckIn";
    static final String ESCALATION_PREFIX = "Task_FollowUpOverdue";
    /** Variables of an escalation task: which task is overdue and whose it is. */
    static final String OVERDUE_TASK_NAME = "overdueTaskName";
    static final String OVERDUE_ASSIGNEE = "overdueAssignee";

    private final Notifications notifications;
    private final EmployeeRepository employees;
    private final MailTemplates templates;
    private final NotificationSettings settings;

    TaskNotifications(Notifications notifications, EmployeeRepository employees, MailTemplates templates,
                      NotificationSettings settings) {
        this.notifications = notifications;
        this.employees = employees;
        this.templates = templates;
        this.settings = settings;
    }

    @EventListener
    public void onTaskEvent(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getAssignee() == null) {
            return;
        }
        Optional<Employee> assignee = person(task.getAssignee(), task.getId());
        if (assignee.isEmpty()) {
            return;
        }
        Notification.Kind kind = kindOf(task.getTaskDefinitionKey());
        Map<String, Object> variables = variables(kind, assignee.get(), task.getId(), task.getName(), task.getDueDate());
        String subject = switch (kind) {
            case SIGN_OFF_REQUESTED -> "Sign-off requested: " + task.getName();
            case CHECK_IN_DUE -> "Check-in due: " + task.getName();
            case ESCALATION -> {
                Object overdueTaskName = task.getVariable(OVERDUE_TASK_NAME);
                String overdueTask = overdueTaskName == null ? "a task" : overdueTaskName.toString();
                Object overdueAssignee = task.getVariable(OVERDUE_ASSIGNEE);
                variables.put("overdueTaskName", overdueTask);
                variables.put("overduePerson", overdueAssignee == null ? "someone"
                    : employees.findById(overdueAssignee.toString()).map(Employee::getName)
                        .orElse(overdueAssignee.toString()));
                yield "Escalation: \"" + overdueTask + "\" is overdue";
            }
            default -> "New task for you: " + task.getName();
        };
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        notifications.queue(kind, assignee.get(), Optional.empty(), businessKey, task.getId(),
            templates.render("task", subject, variables));
    }

    @EventListener
    public void onReminderDue(TaskReminderDue reminder) {
        Optional<Employee> assignee = person(reminder.assignee(), reminder.taskId());
        if (assignee.isEmpty()) {
            return;
        }
        Map<String, Object> variables = variables(Notification.Kind.REMINDER, assignee.get(), reminder.taskId(),
            reminder.taskName(), reminder.dueDate());
        notifications.queue(Notification.Kind.REMINDER, assignee.get(), Optional.empty(), reminder.businessKey(),
            reminder.taskId(), templates.render("task", "Reminder: " + reminder.taskName(), variables));
    }

    private static Notification.Kind kindOf(String taskKey) {
        if (ProcessIds.TASK_SIGN_OFF.equals(taskKey)) {
            return Notification.Kind.SIGN_OFF_REQUESTED;
        }
        if (taskKey != null && taskKey.startsWith(CHECK_IN_PREFIX)) {
            return Notification.Kind.CHECK_IN_DUE;
        }
        if (taskKey != null && taskKey.startsWith(ESCALATION_PREFIX)) {
            return Notification.Kind.ESCALATION;
        }
        return Notification.Kind.TASK_ASSIGNED;
    }

    private Map<String, Object> variables(Notification.Kind kind, Employee assignee, String taskId, String taskName,
                                          Date due) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("kind", kind.name());
        variables.put("greetingName", MailFormat.firstName(assignee));
        variables.put("taskName", taskName);
        variables.put("due", due == null ? null : MailFormat.dateTime(due.toInstant(), settings.zone()));
        variables.put("link", settings.taskUrl(taskId));
        return variables;
    }

    /** Tasks of people outside the organisation (say, the administrator) get no mail. */
    private Optional<Employee> person(String userId, String taskId) {
        Optional<Employee> person = employees.findById(userId);
        if (person.isEmpty()) {
            LOG.info("No mail about task {}: its assignee {} is not an employee", taskId, userId);
        }
        return person;
    }
}
