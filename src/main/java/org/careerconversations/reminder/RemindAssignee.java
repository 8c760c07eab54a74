package org.careerconversations.reminder;

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
        WatchedTask task = WatchedTask.of(execution);
        events.publishEvent(new TaskReminderDue(task.id(), task.name(), task.assignee(), task.dueDate(),
            task.processInstanceId(), task.businessKey()));
    }
}
