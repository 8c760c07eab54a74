package org.careerconversations.notification;

import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.careerconversations.conversation.ReadablePlan;
import org.careerconversations.organisation.Employee;
import org.careerconversations.organisation.EmployeeRepository;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Check-ins and escalations of an overdue task, by how their ids begin (Task_CheckInEmployee,
     * Task_FollowUpOverdueHr): a designer's own check-in or escalation step gets their wording too.
     */
    private static final String CHECK_IN_PREFIX = "Task_CheckIn";
    private static final String ESCALATION_PREFIX = "Task_FollowUpOverdue";

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
        Notification.Kind kind = kindOf(task);
        Map<String, Object> variables = variables(kind, assignee.get(), task.getId(), task.getName(),
            task.getDueDate());
        String subject = switch (kind) {
            case SIGN_OFF_REQUESTED -> {
                List<String> changes = changes(task);
                variables.put("changes", changes);
                variables.put("managerName", text(task, MANAGER_NAME));
                yield (changes.isEmpty() ? "Sign-off requested: " : "Revised for your sign-off: ") + task.getName();
            }
            case REVISED_PLAN_TO_AGREE -> {
                variables.put("changes", changes(task));
                variables.put("managerName", text(task, MANAGER_NAME));
                yield "Your plan was revised: " + task.getName();
            }
            case CHANGES_REQUESTED -> {
                boolean plan = TASK_REVISE_PLAN.equals(task.getTaskDefinitionKey());
                variables.put("employeeName", text(task, EMPLOYEE_NAME));
                variables.put("comment", text(task, plan ? REVISION_COMMENT : CHANGE_REQUEST));
                variables.put("hrNote", plan ? null : text(task, MEDIATION_NOTE));
                variables.put("hrPartnerName", text(task, HR_PARTNER_NAME));
                yield text(task, EMPLOYEE_NAME) + " asked for changes: " + task.getName();
            }
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

    private static Notification.Kind kindOf(DelegateTask task) {
        String taskKey = task.getTaskDefinitionKey();
        if (TASK_SIGN_OFF.equals(taskKey)) {
            return Notification.Kind.SIGN_OFF_REQUESTED;
        }
        if (TASK_AGREE_REVISED_PLAN.equals(taskKey)) {
            return Notification.Kind.REVISED_PLAN_TO_AGREE;
        }
        // the manager's record or plan comes back with the employee's comment
        if ((TASK_DOCUMENT_AGREEMENTS.equals(taskKey) && text(task, CHANGE_REQUEST) != null)
            || (TASK_REVISE_PLAN.equals(taskKey) && text(task, REVISION_COMMENT) != null)) {
            return Notification.Kind.CHANGES_REQUESTED;
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

    /** A text variable of the task's process, or null when it is not set or blank. */
    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** What the manager changed, as the forms show it ({@link ReadablePlan}), or nothing. */
    private static List<String> changes(DelegateTask task) {
        Object plan = task.getVariable(PLAN_ON_RECORD);
        if (plan == null) {
            return List.of();
        }
        try {
            List<String> changes = new ArrayList<>();
            JSON.readTree(plan.toString()).path("changes").forEach(change -> changes.add(change.asText()));
            return changes;
        } catch (JsonProcessingException e) {
            LOG.warn("The plan of task {} could not be read for its mail: {}", task.getId(), e.getOriginalMessage());
            return List.of();
        }
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
