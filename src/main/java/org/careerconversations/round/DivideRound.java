package org.careerconversations.round;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_DivideRound: the employees due, divided into ranges of ids (one chunk each, {@link RoundChunks}); the
 * model starts a chunk for each of them ({@code chunks}), and every node's job executor takes them.
 */
@Component("divideRound")
class DivideRound implements JavaDelegate {

    static final String CHUNKS = "chunks";

    private final RoundService rounds;
    private final RoundChunks chunks;

    DivideRound(RoundService rounds, RoundChunks chunks) {
        this.rounds = rounds;
        this.chunks = chunks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<RoundService.Range> ranges = rounds.divide(LocalDate.parse((String) execution.getVariable("horizon")),
            (String) execution.getVariable("teamOfManagerId"));
        // a run of this step after a failure finds the rows of the first
        chunks.forget(execution.getProcessInstanceId());
        chunks.plan(execution.getProcessInstanceId(), ranges);
        execution.setVariable(CHUNKS, ranges.size());
    }
}
