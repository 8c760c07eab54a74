package org.careerconversations.reminder;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.careerconversations.process.ProcessIds;
import org.careerconversations.process.ProcessPrivileges;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts every user task with an assignee and a due date under watch: a timer until its reminder time
 * ({@link ReminderDue}), then a {@code TaskReminders} instance (business key = the task id) if the task is still
 * open; ends that watch when the task is completed or removed. Listens to the
 * task events the Camunda starter publishes as Spring events, inside the engine's transaction.
 */
@Component
class TaskWatch {

    static final String MESSAGE_WATCHED_TASK_ENDED = "WatchedTaskEnded";
    static final String TASK_DEFINITION_KEY = "taskDefinitionKey";
    static final String ASSIGNEE = "assignee";
    static final String DUE_DATE = "dueDate";
    static final String ESCALATE_TO_MANAGER_AT = "escalateToManagerAt";
    static final String ESCALATE_TO_HR_AT = "escalateToHrAt";

    private final RuntimeService runtime;
    private final ReminderTimings timings;

    TaskWatch(RuntimeService runtime, ReminderTimings timings) {
        this.runtime = runtime;
        this.timings = timings;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void taskCreated(DelegateTask task) {
        if (task.getDueDate() == null || task.getAssignee() == null || isOwnEscalation(task)) {
            return;
        }
        // one timer until the reminder time; the watch instance starts only if the task is still open then
        ReminderTimes times = ReminderTimes.decide(timings, task.getTaskDefinitionKey(), task.getDueDate().toInstant());
        ReminderDue.schedule(Context.getCommandContext(), task.getId(), times);
    }

    @EventListener(condition = "#task.eventName == 'complete' || #task.eventName == 'delete'")
    public void taskEnded(DelegateTask task) {
        if (task.getDueDate() == null || isOwnEscalation(task)) {
            return;
        }
        ProcessPrivileges.withoutAuthorizationCheck(() -> runtime
            .createMessageCorrelation(MESSAGE_WATCHED_TASK_ENDED)
            .processInstanceBusinessKey(task.getId())
            .correlateAllWithResult());
    }

    /** Escalation tasks are themselves watched by nobody: that would escalate the escalation. */
    private static boolean isOwnEscalation(DelegateTask task) {
        String definition = task.getProcessDefinitionId();
        return definition != null && definition.startsWith(ProcessIds.TASK_REMINDERS + ":");
    }

}
