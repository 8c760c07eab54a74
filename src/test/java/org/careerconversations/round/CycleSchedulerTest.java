package org.careerconversations.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careerconversations.process.ProcessIds.CYCLE_SCHEDULER;
import static org.careerconversations.process.ProcessVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.careerconversations.AppTest;
import org.careerconversations.conversation.Submissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CycleScheduler on the demo organisation: eva is due tomorrow, erik in two months, emma has an open
 * conversation, emil has left; elin, maria and mark never had one and were hired long ago; dora, hanna and
 * hugo report to nobody.
 */
class CycleSchedulerTest extends AppTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    @Autowired
    ManagementService managementService;

    @BeforeEach
    void organisation() {
        jdbc.update("update employee set next_conversation_due = ? where id = 'eva'", TODAY.plusDays(1));
        jdbc.update("update employee set next_conversation_due = ? where id = 'erik'", TODAY.plusMonths(2));
        jdbc.update("update employee set active = false where id = 'emil'");
        runtimeService.startProcessInstanceByKey("CareerConversation", Submissions.forJavaApi(Submissions.start("emma")));
    }

    @AfterEach
    void emilComesBack() {
        jdbc.update("update employee set active = true where id = 'emil'");
    }

    @Test
    void aRoundStartsConversationsForTheDueAndOnlyThem() {
        ProcessInstance round = runRound(Map.of());

        assertThat(startedFor()).containsExactlyInAnyOrder("elin", "emma", "eva", "maria", "mark");
        assertThat(conversationsOf("emma")).as("already open: not a second one").isOne();
        assertThat(historicVariable(round, STARTED_COUNT)).isEqualTo(4);
    }

    @Test
    void runningItTwiceStartsNothingNew() {
        runRound(Map.of());
        ProcessInstance second = runRound(Map.of());

        assertThat(historicVariable(second, STARTED_COUNT)).isEqualTo(0);
        assertThat(jdbc.queryForObject("select count(*) from conversation", Integer.class)).isEqualTo(5);
    }

    @Test
    void hrCanLaunchARoundForOneTeam() {
        ProcessInstance round = runRound(Map.of(TEAM_OF_MANAGER_ID, "maria"));

        assertThat(startedFor()).containsExactlyInAnyOrder("emma", "eva");
        assertThat(historicVariable(round, STARTED_COUNT)).isEqualTo(1);
    }

    @Test
    void smallChunksStillReachEveryone() {
        RoundSchedule schedule = roundSchedule;
        int before = schedule.getChunkSize();
        schedule.setChunkSize(2);
        try {
            ProcessInstance round = runRound(Map.of());
            assertThat(historicVariable(round, STARTED_COUNT)).isEqualTo(4);
            assertThat(historicVariable(round, CHUNKS_DONE)).as("4 due, 2 per chunk").isEqualTo(2);
            assertThat(historicVariable(round, SKIPPED_COUNT)).isEqualTo(0);
            assertThat(startedFor()).containsExactlyInAnyOrder("elin", "emma", "eva", "maria", "mark");
        } finally {
            schedule.setChunkSize(before);
        }
    }

    @Autowired
    RoundSchedule roundSchedule;

    @Test
    void aChunkThatKeepsFailingBecomesAnIncidentOnThatChunkWhileTheOthersComplete() {
        int before = roundSchedule.getChunkSize();
        roundSchedule.setChunkSize(1);
        // maria's conversation breaks a rule of the database: her chunk fails every time it runs
        jdbc.execute("alter table conversation add constraint ck_round_test check (employee_id <> 'maria')");
        try {
            ProcessInstance round = runtimeService.startProcessInstanceByKey(CYCLE_SCHEDULER);
            for (Job job; (job = nextJob(round.getId())) != null; ) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // maria's chunk: retried a minute later, the others go on meanwhile
                }
            }
            assertThat(startedFor()).as("the other chunks ran").containsExactlyInAnyOrder("elin", "emma", "eva",
                "mark");
            String marias = managementService.createJobQuery().processInstanceId(round.getId()).singleResult()
                .getId();
            int attempts = 1;
            while (managementService.createJobQuery().jobId(marias).singleResult().getRetries() > 0) {
                assertThatThrownBy(() -> managementService.executeJob(marias));
                attempts++;
            }

            Incident incident = runtimeService.createIncidentQuery().processInstanceId(round.getId()).singleResult();
            assertThat(incident.getActivityId()).isEqualTo("Task_StartDueConversations");
            assertThat(incident.getIncidentMessage())
                .matches("Chunk \\d of the round could not start the conversations of its 1 employees due, and none "
                    + "of them was kept; the reason: .*")
                .containsIgnoringCase("ck_round_test")
                .doesNotContain("Exception", "SQL statement", "maria");
            assertThat(incident.getConfiguration()).as("the incident is on the chunk's job").isEqualTo(marias);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(round.getId()).count())
                .as("the round waits for the chunk").isOne();
            // what the other chunks did is recorded already, on each chunk, while the round waits
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(round.getId()).variableName(STARTED).list())
                .extracting(v -> v.getValue()).containsExactly(1, 1, 1);
            assertThat(jdbc.queryForList("select started from round_chunk where round_id = ? order by chunk",
                Integer.class, round.getId())).filteredOn(java.util.Objects::nonNull).containsExactly(1, 1, 1);
            assertThat(jdbc.queryForObject("select failed_attempts from round_chunk where round_id = ? "
                + "and started is null", Integer.class, round.getId())).isEqualTo(attempts);

            // the cause is removed and the chunk retried, as an operator does in Cockpit
            jdbc.execute("alter table conversation drop constraint ck_round_test");
            managementService.setJobRetries(marias, 1);
            managementService.executeJob(marias);
            for (Job job; (job = nextJob(round.getId())) != null; ) {
                managementService.executeJob(job.getId());
            }

            assertThat(startedFor()).containsExactlyInAnyOrder("elin", "emma", "eva", "maria", "mark");
            assertThat(historicVariable(round, STARTED_COUNT)).isEqualTo(4);
            assertThat(historicVariable(round, CHUNKS_DONE)).isEqualTo(4);
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(round.getId()).variableName(FAILED_ATTEMPTS).list())
                .as("the round's and each chunk's").extracting(v -> v.getValue())
                .containsExactlyInAnyOrder(attempts, attempts, 0, 0, 0);
            assertThat(jdbc.queryForObject("select count(*) from round_chunk", Integer.class)).isZero();
        } finally {
            roundSchedule.setChunkSize(before);
            if (jdbc.queryForObject("select count(*) from information_schema.table_constraints where "
                + "lower(constraint_name) = 'ck_round_test'", Integer.class) > 0) {
                jdbc.execute("alter table conversation drop constraint ck_round_test");
            }
        }
    }

    @Test
    void twoRoundsRacingStartExactlyOneConversationEach() throws Exception {
        ProcessInstance first = runtimeService.startProcessInstanceByKey(CYCLE_SCHEDULER);
        ProcessInstance second = runtimeService.startProcessInstanceByKey(CYCLE_SCHEDULER);
        for (ProcessInstance round : List.of(first, second)) {
            managementService.executeJob(nextJob(round.getId()).getId());
        }
        Job firstChunk = nextJob(first.getId());
        Job secondChunk = nextJob(second.getId());

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (Job job : List.of(firstChunk, secondChunk)) {
            runs.add(threads.submit(() -> {
                go.await();
                managementService.executeJob(job.getId());
                return null;
            }));
        }
        go.countDown();
        for (Future<?> run : runs) {
            try {
                run.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException lostTheRace) {
                // the database refused the loser's duplicate; its job is retried below, as the job executor would
            }
        }
        threads.shutdown();
        for (Job job; (job = managementService.createJobQuery().processDefinitionKey("CycleScheduler")
            .withRetriesLeft().listPage(0, 1).stream().findFirst().orElse(null)) != null; ) {
            managementService.executeJob(job.getId());
        }

        assertThat(startedFor()).containsExactlyInAnyOrder("elin", "emma", "eva", "maria", "mark");
        for (String id : List.of("elin", "eva", "maria", "mark", "emma")) {
            assertThat(conversationsOf(id)).as(id).isOne();
        }
    }

    @Test
    void theDailyRoundIsScheduledFromConfiguration() {
        Job timer = managementService.createJobQuery().processDefinitionKey("DailyRound").timers().singleResult();
        assertThat(timer).isNotNull();
        assertThat(timer.getDuedate()).isInTheFuture();
        // at 06:00 in the server's time zone (cron "0 0 6 * * ?")
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour()).isEqualTo(6);
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getMinute()).isZero();

        managementService.executeJob(timer.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("CycleScheduler").count())
            .as("the daily round calls CycleScheduler").isOne();
    }

    private ProcessInstance runRound(Map<String, Object> launchedWith) {
        ProcessInstance round = runtimeService.startProcessInstanceByKey(CYCLE_SCHEDULER,
            Variables.fromMap(launchedWith));
        for (Job job; (job = nextJob(round.getId())) != null; ) {
            managementService.executeJob(job.getId());
        }
        return round;
    }

    /** The round's next job that is due, as a job executor would take it: dividing, a chunk, a chunk's end. */
    private Job nextJob(String round) {
        return managementService.createJobQuery().processInstanceId(round).executable().listPage(0, 1).stream()
            .findFirst().orElse(null);
    }

    private List<String> startedFor() {
        return jdbc.queryForList("select employee_id from conversation", String.class);
    }

    private int conversationsOf(String employeeId) {
        return jdbc.queryForObject("select count(*) from conversation where employee_id = ?", Integer.class,
            employeeId);
    }

    private Object historicVariable(ProcessInstance pi, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
            .variableName(name).singleResult().getValue();
    }
}
