package org.careerconversations.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.CYCLE_SCHEDULER;
import static org.careerconversations.process.ProcessVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * conversation once; so does a chunk that a second node takes over while the first still runs it (its lock ran
 * out). Mark's team: emil and elin are due.
 */
class InterruptedRoundTest extends AppTest {

    @Autowired
    ManagementService managementService;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aChunkCutOffAfterItBeganShowsAsAnInterruptionAndStartsNothingTwice() {
        String round = divided(runtimeService.startProcessInstanceByKey(CYCLE_SCHEDULER,
            Map.of(TEAM_OF_MANAGER_ID, "mark")).getId());
        Job chunk = nextJob(round);

        // the chunk runs, and everything it did is lost before it commits
        new TransactionTemplate(transactions).executeWithoutResult(cutOff -> {
            managementService.executeJob(chunk.getId());
            cutOff.setRollbackOnly();
        });
        assertThat(conversations()).as("nothing of the lost run is kept").isZero();
        assertThat(nextJob(round).getId()).as("the chunk waits to run again").isEqualTo(chunk.getId());

        runToTheEnd(round);

        assertThat(jdbc.queryForList("select employee_id from conversation", String.class))
            .containsExactlyInAnyOrder("emil", "elin");
        assertThat(historicVariable(round, INTERRUPTIONS)).isEqualTo(1);
        assertThat((String) historicVariable(round, LAST_INTERRUPTION))
            .matches("Chunk 1 began .+ on .+ and did not finish; it ran again .+ on .+");
        assertThat((String) historicVariable(round, INTERRUPTION)).as("on the chunk itself")
            .isEqualTo(historicVariable(round, LAST_INTERRUPTION));
        assertThat(jdbc.queryForObject("select count(*) from round_chunk_attempt", Integer.class)).isZero();
    }

    @Test
    void aChunkTakenOverWhileItStillRunsStartsEachConversationOnce() throws Exception {
        String round = divided(runtimeService.startProcessInstanceByKey(CYCLE_SCHEDULER,
            Map.of(TEAM_OF_MANAGER_ID, "mark")).getId());
        Job chunk = nextJob(round);

        // two nodes run the same chunk at once: the first one's lock ran out while it was still at work
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            runs.add(nodes.submit(() -> {
                go.await();
                managementService.executeJob(chunk.getId());
                return null;
            }));
        }
        go.countDown();
        int failed = 0;
        for (Future<?> run : runs) {
            try {
                run.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException refused) {
                failed++;
            }
        }
        nodes.shutdown();
        runToTheEnd(round);

        assertThat(failed).as("they cannot both go through (both may be refused: the retry then runs it)")
            .isPositive();
        assertThat(jdbc.queryForList("select employee_id from conversation", String.class))
            .containsExactlyInAnyOrder("emil", "elin");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("CareerConversation").count())
            .as("one process instance each").isEqualTo(2);
        assertThat(historicVariable(round, STARTED_COUNT)).isEqualTo(2);
    }

    @Test
    void aRoundThatRanThroughHasNoInterruption() {
        String round = runtimeService.startProcessInstanceByKey(CYCLE_SCHEDULER, Map.of(TEAM_OF_MANAGER_ID, "mark"))
            .getId();

        runToTheEnd(round);

        assertThat(conversations()).isEqualTo(2);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(round)
            .variableNameLike("interruption%").count()).isZero();
        assertThat(historicVariable(round, CHUNKS_DONE)).isEqualTo(1);
        assertThat(historicVariable(round, STARTED)).as("the chunk's own figure").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from round_chunk_attempt", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from round_chunk", Integer.class)).isZero();
    }

    /** The round after its first job: the employees due are divided into chunks, whose jobs wait. */
    private String divided(String round) {
        managementService.executeJob(nextJob(round).getId());
        return round;
    }

    private void runToTheEnd(String round) {
        for (Job job; (job = nextJob(round)) != null; ) {
            managementService.executeJob(job.getId());
        }
    }

    private Job nextJob(String round) {
        return managementService.createJobQuery().processInstanceId(round).withRetriesLeft().listPage(0, 1).stream()
            .findFirst().orElse(null);
    }

    private int conversations() {
        return jdbc.queryForObject("select count(*) from conversation", Integer.class);
    }

    private Object historicVariable(String round, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(round)
            .variableName(name).singleResult().getValue();
    }
}
