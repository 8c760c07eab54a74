package org.careerconversations.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.careerconversations.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A round whose chunk was cut off after it began — its work rolled back as when the node dies or the database
 * goes away mid-chunk — says so in its variables (Cockpit shows them), and the chunk's second run starts each
 * conversation once. Mark's team: emil and elin are due.
 */
class InterruptedRoundTest extends AppTest {

    @Autowired
    ManagementService managementService;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aChunkCutOffAfterItBeganShowsAsAnInterruptionAndStartsNothingTwice() {
        String round = runtimeService.startProcessInstanceByKey("CycleScheduler", Map.of("teamOfManagerId", "mark"))
            .getId();
        Job chunk = chunkOf(round);

        // the chunk runs, and everything it did is lost before it commits
        new TransactionTemplate(transactions).executeWithoutResult(cutOff -> {
            managementService.executeJob(chunk.getId());
            cutOff.setRollbackOnly();
        });
        assertThat(conversations()).as("nothing of the lost run is kept").isZero();
        assertThat(chunkOf(round)).as("the chunk waits to run again").isNotNull();

        managementService.executeJob(chunkOf(round).getId());

        assertThat(jdbc.queryForList("select employee_id from conversation", String.class))
            .containsExactlyInAnyOrder("emil", "elin");
        assertThat(historicVariable(round, "interruptions")).isEqualTo(1);
        assertThat((String) historicVariable(round, "lastInterruption"))
            .matches("Chunk 1 began .+ on .+ and did not finish; it ran again .+ on .+");
        assertThat(jdbc.queryForObject("select count(*) from round_chunk_attempt", Integer.class)).isZero();
    }

    @Test
    void aRoundThatRanThroughHasNoInterruption() {
        String round = runtimeService.startProcessInstanceByKey("CycleScheduler", Map.of("teamOfManagerId", "mark"))
            .getId();

        managementService.executeJob(chunkOf(round).getId());

        assertThat(conversations()).isEqualTo(2);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(round)
            .variableName("interruptions").count()).isZero();
        assertThat(historicVariable(round, "chunksDone")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from round_chunk_attempt", Integer.class)).isZero();
    }

    private Job chunkOf(String round) {
        return managementService.createJobQuery().processInstanceId(round).messages().singleResult();
    }

    private int conversations() {
        return jdbc.queryForObject("select count(*) from conversation", Integer.class);
    }

    private Object historicVariable(String round, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(round)
            .variableName(name).singleResult().getValue();
    }
}
