package org.careerconversations.round;

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
        if (execution.getVariable(DivideRound.CHUNKS) != null) {
            RoundChunks.Totals totals = chunks.totals(execution.getProcessInstanceId());
            execution.setVariable("startedCount", totals.started());
            execution.setVariable("skippedCount", totals.skipped());
            execution.setVariable(ChunkAttempts.CHUNKS_DONE, totals.chunks());
            execution.setVariable("failedAttempts", totals.failedAttempts());
            if (totals.interruptions() > 0) {
                execution.setVariable(ChunkAttempts.INTERRUPTIONS, totals.interruptions());
                execution.setVariable(ChunkAttempts.LAST_INTERRUPTION, totals.lastInterruption());
            }
        }
        Object team = execution.getVariable("teamOfManagerId");
        int failed = ChunkAttempts.number(execution.getVariable("failedAttempts"));
        int interruptions = ChunkAttempts.number(execution.getVariable(ChunkAttempts.INTERRUPTIONS));
        LOG.info("Career conversation round {} started {} conversation(s) due by {}{}{}{}",
            execution.getProcessInstanceId(), execution.getVariable("startedCount"), execution.getVariable("horizon"),
            team == null ? "" : " in the team of " + team,
            failed == 0 ? "" : "; " + failed + " failed attempt(s) of its chunks were retried",
            interruptions == 0 ? "" : "; " + interruptions + " interruption(s)");
    }
}
