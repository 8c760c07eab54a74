package org.careerconversations.process;

import java.util.Date;

/**
 * Published as a Spring application event, inside the engine's transaction, when a user task's reminder
 * time has come and the task is still open.
 */
public record TaskReminderDue(String taskId, String taskName, String assignee, Date dueDate,
                              String processInstanceId, String businessKey) {
}
