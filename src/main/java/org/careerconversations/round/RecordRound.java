package org.careerconversations.round;

import static org.careerconversations.process.ProcessVariables.CHUNKS;
import static org.careerconversations.process.ProcessVariables.CHUNKS_DONE;
import static org.careerconversations.process.ProcessVariables.FAILED_ATTEMPTS;
import static org.careerconversations.process.ProcessVariables.HORIZON;
import static org.careerconversations.process.ProcessVariables.INTERRUPTIONS;
import static org.careerconversations.process.ProcessVariables.LAST_INTERRUPTION;
import static org.careerconversations.process.ProcessVariables.SKIPPED_COUNT;
import static org.careerconversations.process.ProcessVariables.STARTED_COUNT;
import static org.careerconversations.process.ProcessVariables.TEAM_OF_MANAGER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_RecordRound: what the round's chunks did, added up, stays in the instance's variables (and so in its
 * history) and the log: {@code startedCount}, {@code skippedCount} (due when the round was divided, but no
 * longer when their chunk ran), {@code chunksDone}, {@code failedAttempts} and, if any chunk was cut off,
 * {@code interruptions} and {@code lastInterruption} (see {@link ChunkAttempts}). Each chunk's own figures stay
 * in the variables of its execution.
 */
@Component("recordRound")
class RecordRound implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RecordRound.class);

    private final RoundChunks chunks;

    RecordRound(RoundChunks chunks) {
        this.chunks = chunks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(CHUNKS) != null) {
            RoundChunks.Totals totals = chunks.totals(execution.getProcessInstanceId());
            execution.setVariable(STARTED_COUNT, totals.started());
            execution.setVariable(SKIPPED_COUNT, totals.skipped());
            execution.setVariable(CHUNKS_DONE, totals.chunks());
            execution.setVariable(FAILED_ATTEMPTS, totals.failedAttempts());
            if (totals.interruptions() > 0) {
                execution.setVariable(INTERRUPTIONS, totals.interruptions());
                execution.setVariable(LAST_INTERRUPTION, totals.lastInterruption());
            }
        }
        Object team = execution.getVariable(TEAM_OF_MANAGER_ID);
        int failed = ChunkAttempts.number(execution.getVariable(FAILED_ATTEMPTS));
        int interruptions = ChunkAttempts.number(execution.getVariable(INTERRUPTIONS));
        LOG.info("Career conversation round {} started {} conversation(s) due by {}{}{}{}",
            execution.getProcessInstanceId(), execution.getVariable(STARTED_COUNT), execution.getVariable(HORIZON),
            team == null ? "" : " in the team of " + team,
            failed == 0 ? "" : "; " + failed + " failed attempt(s) of its chunks were retried",
            interruptions == 0 ? "" : "; " + interruptions + " interruption(s)");
    }
}
