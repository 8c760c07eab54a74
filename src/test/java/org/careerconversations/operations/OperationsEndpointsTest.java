package org.careerconversations.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careerconversations.process.ProcessIds.CYCLE_SCHEDULER;
import static org.careerconversations.process.ProcessVariables.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.security.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.yaml.snakeyaml.Yaml;

/**
 * What an operator's tools see on the management port: liveness, readiness, and Prometheus figures that
 * follow what happens in the app, without a word about any person. The public port has none of it.
 */
class OperationsEndpointsTest extends AppTest {

    @LocalManagementPort
    int managementPort;
    @Autowired
    OperationsFigures figures;
    @Autowired
    ManagementService managementService;

    private EngineRest management() {
        return new EngineRest("http://localhost:" + managementPort);
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortWithoutLogin() {
        assertThat(management().get("/actuator/health/liveness").json().path("status").asText()).isEqualTo("UP");
        Answer readiness = management().get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().path("components").path("database").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("jobExecution").path("details").path("jobExecution")
            .asText()).as("the tests run jobs themselves").isEqualTo("switched off on this node");
        assertThat(management().get("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void thePublicPortKeepsRefusingTheActuator() {
        for (EngineRest caller : List.of(rest(), rest().as("admin"))) {
            for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness",
                "/actuator/prometheus", "/actuator/env")) {
                assertThat(caller.get(path).status()).as(path).isIn(401, 404);
            }
        }
        assertThat(management().get("/engine-rest/engine").status()).as("the management port serves nothing else")
            .isEqualTo(404);
    }

    @Test
    void prometheusFollowsJobsMailsRoundsConversationsIncidentsAndOverdueTasks() {
        figures.refresh();
        String before = management().get("/actuator/prometheus").body();
        String pi = new Conversations(engine).start("hanna", "eva");
        // the tests' mail server is not running: the mail job fails, and the outbox says so
        Job evasMail = managementService.createJobQuery().processDefinitionKey("SendNotification").singleResult();
        assertThatThrownBy(() -> managementService.executeJob(evasMail.getId())).hasMessageContaining("42525");
        runtimeService.createIncident("careerCheck", pi, "a test incident");
        jdbc.update("update ACT_RU_TASK set DUE_DATE_ = ? where PROC_INST_ID_ = ?",
            java.sql.Timestamp.valueOf("2020-01-01 00:00:00"), pi);
        // a round for mark's team runs to its end (emil and elin are due); a second one waits at its chunk
        String round = runtimeService.startProcessInstanceByKey(CYCLE_SCHEDULER, Map.of(TEAM_OF_MANAGER_ID, "mark"))
            .getId();
        for (Job job; (job = managementService.createJobQuery().processInstanceId(round).listPage(0, 1).stream()
            .findFirst().orElse(null)) != null; ) {
            managementService.executeJob(job.getId());
        }
        runtimeService.startProcessInstanceByKey(CYCLE_SCHEDULER, Map.of(TEAM_OF_MANAGER_ID, "mark"));
        // the round's delivery (its two mails) as a node that died left it: locked, the lock long run out
        Job emilsMail = managementService.createJobQuery().processDefinitionKey("SendNotification").list().stream()
            .filter(job -> !job.getId().equals(evasMail.getId())).findFirst().orElseThrow();
        jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = 'gone', LOCK_EXP_TIME_ = ? where ID_ = ?",
            java.sql.Timestamp.valueOf("2020-01-01 00:00:00"), emilsMail.getId());
        figures.refresh();

        String metrics = management().get("/actuator/prometheus").body();

        assertThat(value(metrics, "careers_conversations", "status=\"SCHEDULING\"")).isEqualTo(3);
        assertThat(value(metrics, "careers_conversations_opened_total", "")).isGreaterThanOrEqualTo(3);
        assertThat(value(metrics, "careers_incidents", "process=\"CareerConversation\",type=\"careerCheck\""))
            .isEqualTo(1);
        assertThat(value(metrics, "careers_tasks_overdue", "")).isEqualTo(1);
        assertThat(value(metrics, "careers_rounds_running", "")).isEqualTo(1);
        assertThat(value(metrics, "careers_rounds_started_total", "")).isGreaterThanOrEqualTo(2);
        assertThat(value(metrics, "careers_rounds_duration_seconds_count", "")).isPositive();
        // (the outbox keeps the mails of earlier tests)
        assertThat(value(metrics, "careers_mail_outbox", "state=\"FAILED\"")
            - valueOrZero(before, "careers_mail_outbox", "state=\"FAILED\"")).isEqualTo(1);
        assertThat(value(metrics, "careers_mail_outbox", "state=\"PENDING\"")
            - valueOrZero(before, "careers_mail_outbox", "state=\"PENDING\"")).isEqualTo(2);
        assertThat(value(metrics, "careers_mail_outbox_oldest_seconds", "")).isGreaterThanOrEqualTo(0);
        assertThat(value(metrics, "careers_jobs_due", "") - value(before, "careers_jobs_due", ""))
            .as("the round's two mails (one delivery: one chunk, one job) and the second round's first step (besides "
                + "the engine's own, history cleanup at night)")
            .isEqualTo(2);
        assertThat(value(metrics, "careers_jobs_locked_expired", "")).isEqualTo(1);
        assertThat(value(metrics, "careers_jobs_duration_seconds_count",
            "activity=\"Task_SendNotification\",process=\"SendNotification\"")).isPositive();
        assertThat(value(metrics, "careers_jobs_duration_seconds_max",
            "activity=\"Task_StartDueConversations\",process=\"CycleScheduler\"")).isPositive();
        assertThat(value(metrics, "careers_jobs_failed_total", "")).isPositive();
        for (String name : List.of("careers_jobs_acquired_total", "careers_jobs_executed_total",
            "careers_jobs_due_oldest_seconds",
            "careers_rounds_running_oldest_seconds", "careers_rounds_interrupted_total",
            "careers_conversations_agreed_total", "hikaricp_connections_active", "jvm_memory_used_bytes")) {
            assertThat(metrics).as(name).containsPattern("(?m)^" + name + "[ {]");
        }
        assertThat(alertRuleMetrics()).isNotEmpty().allSatisfy(name ->
            assertThat(metrics).as("docs/alert-rules.yaml watches " + name).containsPattern("(?m)^" + name + "[ {]"));
    }

    /** Every metric of the app that an alert rule in docs/alert-rules.yaml reads. */
    @SuppressWarnings("unchecked")
    private static Set<String> alertRuleMetrics() {
        try (InputStream file = Files.newInputStream(Path.of("docs/alert-rules.yaml"))) {
            Map<String, Object> rules = new Yaml().load(file);
            Set<String> names = new TreeSet<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    Matcher metric = Pattern.compile("careers_[a-z_]+").matcher((String) rule.get("expr"));
                    while (metric.find()) {
                        names.add(metric.group());
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noMetricNamesAPerson() {
        String pi = new Conversations(engine).start("hanna", "eva");
        runtimeService.createIncident("careerCheck", pi, "eva-1 Eva Evers eva@example.org");
        assertThat(rest().as("hanna").get("/api/employees/eva/export").status()).isEqualTo(200);
        assertThat(rest().as("eva").post("/api/conversations/eva-1/revision-requests", Map.of("reason", "more time"))
            .status()).isLessThan(500);
        assertThat(rest().as("maria").get("/engine-rest/task?processInstanceBusinessKey=eva-1&maxResults=5")
            .status()).isEqualTo(200);
        assertThat(WebappSession.login("http://localhost:" + port, "tasklist", "erik", "demo").loginStatus())
            .isEqualTo(200);
        figures.refresh();

        String metrics = management().get("/actuator/prometheus").body();

        List<String> people = jdbc.queryForList("select id from employee", String.class);
        assertThat(people).contains("eva", "maria", "hanna");
        for (Map<String, Object> person : jdbc.queryForList("select id, name, email from employee")) {
            assertThat(metrics).doesNotContainPattern("(?i)(?<![a-z0-9])" + Pattern.quote((String) person.get("id"))
                + "(?![a-z0-9])");
            assertThat(metrics).doesNotContainIgnoringCase((String) person.get("name"));
            assertThat(metrics).doesNotContainIgnoringCase((String) person.get("email"));
        }
        assertThat(metrics).doesNotContain("eva-1").doesNotContain("@example.org");
    }

    private static double valueOrZero(String metrics, String name, String labels) {
        try {
            return value(metrics, name, labels);
        } catch (AssertionError none) {
            return 0;
        }
    }

    /** The value of the one series of this metric whose labels contain {@code labels}. */
    private static double value(String metrics, String name, String labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
        while (line.find()) {
            if (line.group(1) == null ? labels.isEmpty() : line.group(1).contains(labels)) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("no series " + name + "{" + labels + "} in\n" + metrics);
    }
}
