package org.careerconversations.operations;

import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A job that failed because the database went away is tried again a few seconds later without using up one
 * of its retries: an outage is nobody's mistake in the job and must not end as an incident in Cockpit, nor
 * wait for the minutes of a retry cycle meant for a mail server that is down. Every other failure takes the
 * engine's usual way (retry cycle, then incident).
 */
@Component
class OutageRetries extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(OutageRetries.class);
    static final long PAUSE_MILLIS = 5_000;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory usual = configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, failure) ->
            DatabaseFailures.isConnectionFailure(failure) ? retryLater(jobId) : usual.getCommand(jobId, failure));
    }

    private static Command<Object> retryLater(String jobId) {
        return commandContext -> {
            JobEntity job = commandContext.getJobManager().findJobById(jobId);
            if (job != null) {
                job.unlock();
                job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + PAUSE_MILLIS));
                LOG.info("Job {} lost its database connection; it runs again in {} s with its retries unchanged",
                    jobId, PAUSE_MILLIS / 1000);
            }
            return null;
        };
    }
}
