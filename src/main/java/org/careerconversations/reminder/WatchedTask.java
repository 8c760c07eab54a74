package org.careerconversations.reminder;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.careerconversations.process.ProcessPrivileges;

/**
 * The task a TaskReminders instance watches (the watch's business key is the task id), read only when a
 * reminder or an escalation is due: the watch itself keeps no copy of the task's name or conversation.
 */
record WatchedTask(String id, String name, String assignee, Date dueDate, String processInstanceId,
                   String businessKey) {

    static WatchedTask of(DelegateExecution watch) {
        String taskId = watch.getProcessBusinessKey();
        ProcessEngineServices engine = watch.getProcessEngineServices();
        return ProcessPrivileges.withoutAuthorizationCheck(() -> {
            Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                // the watch ends with its task (TaskWatch), so this is a bug: an incident in Cockpit shows it
                throw new IllegalStateException("The task " + taskId + " watched by TaskReminders instance "
                    + watch.getProcessInstanceId() + " no longer exists, but its watch did not end");
            }
            ProcessInstance conversation = task.getProcessInstanceId() == null ? null : engine.getRuntimeService()
                .createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
            return new WatchedTask(task.getId(), task.getName(), task.getAssignee(), task.getDueDate(),
                task.getProcessInstanceId(), conversation == null ? null : conversation.getBusinessKey());
        });
    }
}
