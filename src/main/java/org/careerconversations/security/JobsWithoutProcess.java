package org.careerconversations.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.GetJobExceptionStacktraceCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Jobs that belong to no process — the reminder timers, the engine's history cleanup, batches — are the
 * administrators' alone. The engine checks a job's permissions through its process and skips the check
 * for these, so any employee could list them, delete them (no more reminders, no more cleanup), move their
 * due date, suspend them or set their retries to 0. For everyone but administrators:
 * <ul>
 *   <li>job lists and counts leave them out, and a single one reads as not found;</li>
 *   <li>every command on one of them (or on its job definition) is refused with 403 before it runs.</li>
 * </ul>
 * And a person's attempt to run a job that is refused for a missing permission is no failure of the job:
 * the engine would count it against the job's retries and, at the last one, raise an incident that the
 * refused caller caused — that is skipped, so a refused attempt changes nothing.
 */
@Component
class JobsWithoutProcess extends EngineGuard {

    /** The commands on one job or job definition, with the fields that name it. */
    private static final Map<Class<?>, List<String>> JOB_COMMANDS = Map.of(
        DeleteJobCmd.class, List.of("jobId"),
        SetJobDuedateCmd.class, List.of("jobId"),
        SetJobPriorityCmd.class, List.of("jobId"),
        RecalculateJobDuedateCmd.class, List.of("jobId"),
        GetJobExceptionStacktraceCmd.class, List.of("jobId"),
        ExecuteJobsCmd.class, List.of("jobId"),
        SetJobRetriesCmd.class, List.of("jobId", "jobIds", "jobDefinitionId"),
        AbstractSetJobStateCmd.class, List.of("jobId", "jobDefinitionId"),
        SetJobDefinitionPriorityCmd.class, List.of("jobDefinitionId"),
        AbstractSetJobDefinitionStateCmd.class, List.of("jobDefinitionId"));

    /** A job query restricted by one of these fields never finds a job without a process. */
    private static final List<String> PROCESS_SCOPES = List.of("processInstanceId", "processInstanceIds",
        "rootProcessInstanceId", "executionId", "processDefinitionId", "processDefinitionKey");

    @Override
    protected <T> T guard(Command<T> command, Supplier<T> proceed) {
        Optional<EngineCaller> caller = EngineCaller.current(configuration);
        if (caller.isPresent() && command instanceof FailedJobListener listener && refusedAttempt(listener)) {
            return null;
        }
        if (caller.isEmpty() || caller.get().administrator()) {
            return proceed.get();
        }
        if (command instanceof JobQueryImpl query) {
            return withoutJobsOfNoProcess(query, proceed.get());
        }
        fieldsNaming(command).ifPresent(fields -> refuseJobsOfNoProcess(command, fields, caller.get()));
        return proceed.get();
    }

    private static Optional<List<String>> fieldsNaming(Command<?> command) {
        return JOB_COMMANDS.entrySet().stream().filter(e -> e.getKey().isInstance(command))
            .map(Map.Entry::getValue).findFirst();
    }

    private void refuseJobsOfNoProcess(Command<?> command, List<String> fields, EngineCaller caller) {
        List<String> jobIds = new ArrayList<>();
        String jobDefinitionId = null;
        for (String field : fields) {
            Object value = EngineCaller.field(command, field);
            if (value instanceof String id && field.equals("jobId")) {
                jobIds.add(id);
            } else if (value instanceof Collection<?> ids) {
                ids.forEach(id -> jobIds.add(String.valueOf(id)));
            } else if (value instanceof String id) {
                jobDefinitionId = id;
            }
        }
        String definitionId = jobDefinitionId;
        boolean ofNoProcess = configuration.getCommandExecutorTxRequired().execute(context -> {
            for (String id : jobIds) {
                JobEntity job = context.getJobManager().findJobById(id);
                if (job != null && job.getProcessDefinitionKey() == null) {
                    return true;
                }
            }
            if (definitionId != null) {
                JobDefinitionEntity definition = context.getJobDefinitionManager().findById(definitionId);
                return definition != null && definition.getProcessDefinitionKey() == null;
            }
            return false;
        });
        if (ofNoProcess) {
            throw new AuthorizationException(caller.userId(),
                command instanceof GetJobExceptionStacktraceCmd ? "READ" : "UPDATE", "Job", null);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T withoutJobsOfNoProcess(JobQueryImpl query, T result) {
        if (result instanceof List<?> jobs) {
            return (T) jobs.stream().filter(job -> ofAProcess((Job) job)).toList();
        }
        if (result instanceof Job job) {
            return ofAProcess(job) ? result : null;
        }
        if (result instanceof Long && !scopedToAProcess(query)) {
            // count what the caller would list: the engine's count includes the jobs of no process
            List<Job> visible = configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getJobManager().findJobsByQueryCriteria(query, null));
            return (T) Long.valueOf(visible.stream().filter(this::ofAProcess).count());
        }
        return result;
    }

    private boolean ofAProcess(Job job) {
        return job.getProcessDefinitionKey() != null;
    }

    private static boolean scopedToAProcess(JobQueryImpl query) {
        for (String field : PROCESS_SCOPES) {
            Object value = EngineCaller.field(query, field);
            if (value instanceof String || value instanceof Collection<?> c && !c.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** An attempt the engine refused for a missing permission is not a failure of the job. */
    private static boolean refusedAttempt(FailedJobListener listener) {
        JobFailureCollector collector = (JobFailureCollector) EngineCaller.field(listener, "jobFailureCollector");
        return collector.getFailure() instanceof AuthorizationException;
    }
}
