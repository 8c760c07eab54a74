package org.careerconversations.round;

import static org.careerconversations.process.ProcessVariables.CHUNKS;
import static org.careerconversations.process.ProcessVariables.HORIZON;
import static org.careerconversations.process.ProcessVariables.TEAM_OF_MANAGER_ID;

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

    private final RoundService rounds;
    private final RoundChunks chunks;

    DivideRound(RoundService rounds, RoundChunks chunks) {
        this.rounds = rounds;
        this.chunks = chunks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<RoundService.Range> ranges = rounds.divide(LocalDate.parse((String) execution.getVariable(HORIZON)),
            (String) execution.getVariable(TEAM_OF_MANAGER_ID));
        // a run of this step after a failure finds the rows of the first
        chunks.forget(execution.getProcessInstanceId());
        chunks.plan(execution.getProcessInstanceId(), ranges);
        execution.setVariable(CHUNKS, ranges.size());
    }
}
