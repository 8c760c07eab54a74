package org.careerconversations.round;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_RecordRound: how many conversations the round started (and how often it was interrupted, see
 * {@link ChunkAttempts}) stays in the instance's history and the log.
 */
@Component("recordRound")
class RecordRound implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RecordRound.class);

    @Override
    public void execute(DelegateExecution execution) {
        Object team = execution.getVariable("teamOfManagerId");
        Object interruptions = execution.getVariable(ChunkAttempts.INTERRUPTIONS);
        LOG.info("Career conversation round {} started {} conversation(s) due by {}{}{}",
            execution.getProcessInstanceId(), execution.getVariable("startedCount"), execution.getVariable("horizon"),
            team == null ? "" : " in the team of " + team,
            interruptions == null ? "" : " after " + interruptions + " interruption(s)");
    }
}
