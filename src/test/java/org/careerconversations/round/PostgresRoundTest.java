package org.careerconversations.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.CYCLE_SCHEDULER;
import static org.careerconversations.process.ProcessVariables.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.careerconversations.PostgresDatabase;
import org.careerconversations.organisation.OrganisationImport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A round on a real PostgreSQL with the job executor running, as on a node: its chunks run at the same time on
 * the job threads, each conversation starts once, the round adds up what they did, and no job of the round
 * fails on the way (chunks that end together do not collide on the round's counters).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true", "careers.rounds.chunk-size=10"})
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class PostgresRoundTest {

    private static final EmbeddedPostgres POSTGRES = PostgresDatabase.start();
    private static final int TEAM = 150;

    @Autowired
    OrganisationImport organisation;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.use(POSTGRES, registry);
    }

    @Test
    void theChunksOfARoundRunAtTheSameTimeAndStartEveryoneOnce() {
        StringBuilder csv = new StringBuilder("id,name,email,managerId,hrPartnerId,hireDate,employmentType,jobTitle\n"
            + "rm,Rhea Manager,rm@example.org,,,2012-01-01,permanent,Lead\n");
        for (int e = 0; e < TEAM; e++) {
            csv.append(String.format("re%03d,Person %d,re%03d@example.org,rm,,2015-01-01,permanent,Engineer%n", e, e, e));
        }
        assertThat(organisation.importCsv(csv.toString(), OrganisationImport.Mode.PARTIAL).imported()).isTrue();

        String round = runtime.startProcessInstanceByKey(CYCLE_SCHEDULER, Map.of(TEAM_OF_MANAGER_ID, "rm")).getId();

        Awaitility.await("the round's end").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
            .until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(round).finished().count() == 1);
        assertThat(jdbc.queryForObject("select count(*) from conversation where employee_id like 're%'",
            Integer.class)).isEqualTo(TEAM);
        assertThat(jdbc.queryForObject("select count(distinct employee_id) from conversation "
            + "where employee_id like 're%'", Integer.class)).isEqualTo(TEAM);
        assertThat(variable(round, STARTED_COUNT)).isEqualTo(TEAM);
        assertThat(variable(round, CHUNKS_DONE)).isEqualTo(TEAM / 10);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(round).failureLog().count())
            .as("no job of the round failed").isZero();

        List<HistoricActivityInstance> chunks = history.createHistoricActivityInstanceQuery()
            .processInstanceId(round).activityId("Task_StartDueConversations").list().stream()
            .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime)).toList();
        assertThat(chunks).hasSize(TEAM / 10);
        int mostAtOnce = 0;
        for (HistoricActivityInstance chunk : chunks) {
            int atOnce = (int) chunks.stream().filter(other -> !other.getStartTime().after(chunk.getStartTime())
                && other.getEndTime().after(chunk.getStartTime())).count();
            mostAtOnce = Math.max(mostAtOnce, atOnce);
        }
        assertThat(mostAtOnce).as("chunks running at the same time").isGreaterThan(1);
    }

    @Test
    void aChunkThatFailsAfterSomeStartsIsRetriedBecomesAnIncidentAndStartsNobodyTwice() {
        StringBuilder csv = new StringBuilder("id,name,email,managerId,hrPartnerId,hireDate,employmentType,jobTitle\n"
            + "fm,Fay Manager,fm@example.org,,,2012-01-01,permanent,Lead\n");
        for (int e = 0; e < 50; e++) {
            csv.append(String.format("fe%03d,Person %d,fe%03d@example.org,fm,,2015-01-01,permanent,Engineer%n", e, e, e));
        }
        assertThat(organisation.importCsv(csv.toString(), OrganisationImport.Mode.PARTIAL).imported()).isTrue();
        // fe025's conversation breaks a rule of the database: the third chunk (fe020 to fe029) fails every time,
        // after it started the conversations of fe020 to fe024 in its transaction
        jdbc.execute("alter table conversation add constraint ck_round_crash check (employee_id <> 'fe025')");
        try {
            String round = runtime.startProcessInstanceByKey(CYCLE_SCHEDULER, Map.of(TEAM_OF_MANAGER_ID, "fm"))
                .getId();

            // the job executor runs the chunks; the third fails and waits for its retry (a minute later)
            Awaitility.await("the other chunks, and the failure of the third").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> finishedChunks(round) == 4
                    && management.createJobQuery().processInstanceId(round).withException().count() == 1);
            Job third = management.createJobQuery().processInstanceId(round).withException().singleResult();
            assertThat(team("fe")).as("the others' conversations, nothing of the failed chunk's").isEqualTo(40);
            assertThat(jdbc.queryForObject("select count(*) from conversation where employee_id between 'fe020' "
                + "and 'fe029'", Integer.class)).isZero();

            // its last retry is due now (as if its retries had run out one by one): an incident on that chunk
            management.setJobRetries(third.getId(), 1);
            management.setJobDuedate(third.getId(), new Date());
            Awaitility.await("the incident").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> runtime.createIncidentQuery().processInstanceId(round).count() == 1);
            Incident incident = runtime.createIncidentQuery().processInstanceId(round).singleResult();
            assertThat(incident.getActivityId()).isEqualTo("Task_StartDueConversations");
            assertThat(incident.getConfiguration()).as("on the chunk's job").isEqualTo(third.getId());
            assertThat(incident.getIncidentMessage()).startsWith("Chunk 3 of the round could not start the "
                + "conversations of its 10 employees due, and none of them was kept; the reason: ")
                .contains("ck_round_crash");
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(round).variableName(STARTED)
                .list()).as("each other chunk's result is recorded while the round waits").extracting(v -> v.getValue())
                .containsExactly(10, 10, 10, 10);

            // the cause is removed and the chunk retried, as an operator does in Cockpit
            jdbc.execute("alter table conversation drop constraint ck_round_crash");
            management.setJobRetries(third.getId(), 1);
            management.setJobDuedate(third.getId(), new Date());
            Awaitility.await("the round's end").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(round).finished()
                    .count() == 1);

            assertThat(team("fe")).isEqualTo(50);
            assertThat(jdbc.queryForObject("select count(distinct employee_id) from conversation "
                + "where employee_id like 'fe%'", Integer.class)).as("nobody twice").isEqualTo(50);
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("CareerConversation")
                .processInstanceBusinessKeyLike("fe%").count()).as("one process instance each").isEqualTo(50);
            assertThat(variable(round, STARTED_COUNT)).isEqualTo(50);
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(round)
                .variableName(FAILED_ATTEMPTS).list()).as("the round's, the third chunk's and the others'")
                .extracting(v -> v.getValue()).containsExactlyInAnyOrder(2, 2, 0, 0, 0, 0);
        } finally {
            jdbc.execute("alter table conversation drop constraint if exists ck_round_crash");
        }
    }

    private long finishedChunks(String round) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(round)
            .activityId("Task_StartDueConversations").finished().count();
    }

    private int team(String prefix) {
        return jdbc.queryForObject("select count(*) from conversation where employee_id like ?", Integer.class,
            prefix + "%");
    }

    private Object variable(String round, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(round).variableName(name)
            .singleResult().getValue();
    }
}
