package org.careerconversations.round;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_StartDueConversations: one chunk, in its own transaction. */
@Component("startDueConversations")
class StartDueConversations implements JavaDelegate {

    private final RoundService rounds;

    StartDueConversations(RoundService rounds) {
        this.rounds = rounds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RoundService.Chunk chunk = rounds.startChunk(LocalDate.parse((String) execution.getVariable("horizon")),
            (String) execution.getVariable("teamOfManagerId"), (String) execution.getVariable("lastEmployeeId"));
        execution.setVariable("startedCount", ((Number) execution.getVariable("startedCount")).intValue()
            + chunk.started());
        execution.setVariable("lastEmployeeId", chunk.lastEmployeeId());
        execution.setVariable("moreEmployees", chunk.more());
    }
}
