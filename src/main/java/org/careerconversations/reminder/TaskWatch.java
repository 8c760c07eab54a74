package org.careerconversations.reminder;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.careerconversations.process.ProcessPrivileges;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts every user task with an assignee and a due date under the watch of a {@code TaskReminders} instance
 * (business key = the task id), and ends that watch when the task is completed or removed. Listens to the
 * task events the Camunda starter publishes as Spring events, inside the engine's transaction.
 */
@Component
class TaskWatch {

    static final String PROCESS = "TaskReminders";
    static final String MESSAGE_WATCHED_TASK_ENDED = "WatchedTaskEnded";
    static final String TASK_DEFINITION_KEY = "taskDefinitionKey";
    static final String ASSIGNEE = "assignee";
    static final String DUE_DATE = "dueDate";

    private final RuntimeService runtime;

    TaskWatch(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void taskCreated(DelegateTask task) {
        if (task.getDueDate() == null || task.getAssignee() == null || isOwnEscalation(task)) {
            return;
        }
        // only what the timings need: the rest (name, conversation) is read from the task when a reminder or an
        // escalation is due, which most tasks never reach; every variable costs rows in runtime and history
        Map<String, Object> variables = Variables.createVariables()
            .putValue(TASK_DEFINITION_KEY, task.getTaskDefinitionKey())
            .putValue(ASSIGNEE, task.getAssignee())
            .putValue(DUE_DATE, task.getDueDate());
        // the person whose step created this task may not start processes; the watch is the process's doing
        ProcessPrivileges.withoutAuthorizationCheck(() ->
            runtime.startProcessInstanceByKey(PROCESS, task.getId(), variables));
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
        return definition != null && definition.startsWith(PROCESS + ":");
    }

}
