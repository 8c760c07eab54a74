package org.careerconversations.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The engine's job figures of this node for Prometheus: jobs acquired, executed and failed (the engine counts
 * them anyway, for its own table; here they also go to Micrometer), and how long each job took from start to
 * commit by process and activity — the longest of them against the job executor's lock time is what says
 * whether a healthy job could outlive its lock. Tags are model keys, never anything about a person.
 */
@Component
class EngineMetrics extends AbstractProcessEnginePlugin {

    private static final Map<String, String> COUNTED = Map.of(
        Metrics.JOB_ACQUISITION_ATTEMPT, "careers.jobs.acquisition.attempts",
        Metrics.JOB_ACQUIRED_SUCCESS, "careers.jobs.acquired",
        Metrics.JOB_ACQUIRED_FAILURE, "careers.jobs.acquisition.conflicts",
        Metrics.JOB_EXECUTION_REJECTED, "careers.jobs.rejected",
        Metrics.JOB_SUCCESSFUL, "careers.jobs.executed",
        Metrics.JOB_FAILED, "careers.jobs.failed",
        Metrics.JOB_LOCKED_EXCLUSIVE, "careers.jobs.locked.exclusive");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
        "careers.jobs.acquisition.attempts", "Job acquisitions this node's job executor tried",
        "careers.jobs.acquired", "Jobs this node locked for execution",
        "careers.jobs.acquisition.conflicts", "Jobs another node locked first",
        "careers.jobs.rejected", "Jobs acquired while every job thread was busy",
        "careers.jobs.executed", "Jobs this node executed successfully",
        "careers.jobs.failed", "Jobs that failed on this node (each failure counts)",
        "careers.jobs.locked.exclusive", "Jobs executed right after the one before them in the same process");

    private final MeterRegistry registry;
    private final ThreadLocal<JobKind> finishedJob = new ThreadLocal<>();

    /** What a job was, by model keys. */
    private record JobKind(String process, String activity) {
    }

    EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<String, Counter> counters = new HashMap<>();
        COUNTED.forEach((engineName, name) -> counters.put(engineName,
            Counter.builder(name).description(DESCRIPTIONS.get(name)).register(registry)));
        configuration.setMetricsRegistry(new MetricsRegistry() {
            @Override
            public void markOccurrence(String name, long times) {
                super.markOccurrence(name, times);
                Counter counter = counters.get(name);
                if (counter != null) {
                    counter.increment(times);
                }
            }
        });
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new TimeJob());
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new NoteJob());
    }

    /** Outside the transaction: times a job from its start to its commit (or rollback). */
    private final class TimeJob extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            if (!(command instanceof ExecuteJobsCmd)) {
                return next.execute(command);
            }
            long start = System.nanoTime();
            try {
                return next.execute(command);
            } finally {
                JobKind job = finishedJob.get();
                finishedJob.remove();
                if (job != null) {
                    Timer.builder("careers.jobs.duration")
                        .description("From the start of a job to its commit, by process and activity")
                        .tag("process", job.process())
                        .tag("activity", job.activity())
                        .register(registry)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    /** Inside the command: notes which job ran, for {@link TimeJob}; never in the way of the job's own outcome. */
    private final class NoteJob extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } finally {
                if (command instanceof ExecuteJobsCmd) {
                    noteJob();
                }
            }
        }

        private void noteJob() {
            try {
                CommandContext context = Context.getCommandContext();
                JobEntity job = context == null ? null : context.getCurrentJob();
                if (job != null) {
                    finishedJob.set(new JobKind(
                        job.getProcessDefinitionKey() == null ? "none" : job.getProcessDefinitionKey(),
                        job.getActivityId() == null ? job.getJobHandlerType() : job.getActivityId()));
                }
            } catch (RuntimeException e) {
                // the activity is looked up in the database, which may be the reason the job failed
                finishedJob.remove();
            }
        }
    }
}
