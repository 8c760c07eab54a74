package org.careerconversations.reminder;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.process.TaskReminderDue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Task_RemindAssignee: the reminder goes out (notifications turn the event into a mail and a record). */
@Component("remindAssignee")
class RemindAssignee implements JavaDelegate {

    private final ApplicationEventPublisher events;

    RemindAssignee(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        events.publishEvent(new TaskReminderDue((String) execution.getVariable("watchedTaskId"),
            (String) execution.getVariable("watchedTaskName"), (String) execution.getVariable("assignee"),
            (Date) execution.getVariable("dueDate"), (String) execution.getVariable("watchedProcessInstanceId"),
            (String) execution.getVariable("watchedBusinessKey")));
    }
}
