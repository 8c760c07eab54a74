package org.careerconversations.round;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
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

        String round = runtime.startProcessInstanceByKey("CycleScheduler", Map.of("teamOfManagerId", "rm")).getId();

        Awaitility.await("the round's end").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
            .until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(round).finished().count() == 1);
        assertThat(jdbc.queryForObject("select count(*) from conversation where employee_id like 're%'",
            Integer.class)).isEqualTo(TEAM);
        assertThat(jdbc.queryForObject("select count(distinct employee_id) from conversation "
            + "where employee_id like 're%'", Integer.class)).isEqualTo(TEAM);
        assertThat(variable(round, "startedCount")).isEqualTo(TEAM);
        assertThat(variable(round, "chunksDone")).isEqualTo(TEAM / 10);
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

    private Object variable(String round, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(round).variableName(name)
            .singleResult().getValue();
    }
}
