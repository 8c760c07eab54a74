package org.careerconversations.reminder;

import java.util.ArrayList;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.careerconversations.process.CommandSessions;
import org.careerconversations.process.ProcessIds;
import org.springframework.stereotype.Component;

/**
 * The one timer a task costs until its reminder time: most tasks are done before it, and then it does
 * nothing. When it fires on a task still open, it starts the task's {@code TaskReminders} watch (business
 * key = the task id), which reminds the assignee and escalates if the task stays overdue. A job of the engine's
 * own (retries, incidents) with no process instance behind it until then: a watch instance per task from its
 * creation cost more rows than the conversation itself (docs/benchmarks.md).
 */
@Component
class ReminderDue extends AbstractProcessEnginePlugin implements JobHandler<ReminderDue.Watch> {

    /** What the job remembers: the task and when its escalations are due (decided when the task was created). */
    record Watch(String taskId, Date escalateToManagerAt, Date escalateToHrAt) implements JobHandlerConfiguration {

        @Override
        public String toCanonicalString() {
            return taskId + ";" + escalateToManagerAt.getTime() + ";" + escalateToHrAt.getTime();
        }

        static Watch parse(String canonical) {
            String[] parts = canonical.split(";");
            return new Watch(parts[0], new Date(Long.parseLong(parts[1])), new Date(Long.parseLong(parts[2])));
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<>());
        }
        configuration.getCustomJobHandlers().add(this);
        // and the reminder package's memo of each command: which ReminderTimings version is the latest
        CommandSessions.register(configuration, ReminderTimings.LatestVersion.class,
            ReminderTimings.LatestVersion::new);
    }

    /** Called in the command that created the task. */
    static void schedule(CommandContext commandContext, String taskId, ReminderTimes times) {
        TimerEntity timer = new TimerEntity();
        timer.setJobHandlerType(ProcessIds.REMINDER_DUE_JOB);
        timer.setJobHandlerConfiguration(new Watch(taskId, Date.from(times.escalateToManagerAt()),
            Date.from(times.escalateToHrAt())));
        timer.setDuedate(Date.from(times.remindAt()));
        commandContext.getJobManager().schedule(timer);
    }

    @Override
    public String getType() {
        return ProcessIds.REMINDER_DUE_JOB;
    }

    @Override
    public void execute(Watch watch, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
        TaskEntity task = commandContext.getTaskManager().findTaskById(watch.taskId());
        if (task == null) {
            return;   // done (or removed) before its reminder time: nothing to remind
        }
        Map<String, Object> variables = Variables.createVariables()
            .putValue(TaskWatch.TASK_DEFINITION_KEY, task.getTaskDefinitionKey())
            .putValue(TaskWatch.ASSIGNEE, task.getAssignee())
            .putValue(TaskWatch.DUE_DATE, task.getDueDate())
            .putValue(TaskWatch.ESCALATE_TO_MANAGER_AT, watch.escalateToManagerAt())
            .putValue(TaskWatch.ESCALATE_TO_HR_AT, watch.escalateToHrAt());
        commandContext.getProcessEngineConfiguration().getRuntimeService()
            .startProcessInstanceByKey(ProcessIds.TASK_REMINDERS, task.getId(), variables);
    }

    @Override
    public Watch newConfiguration(String canonicalString) {
        return Watch.parse(canonicalString);
    }

    @Override
    public void onDelete(Watch configuration, JobEntity jobEntity) {
        // nothing of its own to clean up
    }
}
