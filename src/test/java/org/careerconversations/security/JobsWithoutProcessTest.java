package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.TASK_PREPARE_EMPLOYEE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.process.ProcessIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reminder timers and the history cleanup belong to no process instance: erik, an employee, must not
 * list, read, delete, move, suspend, retry or run them, and a refused attempt changes nothing and leaves no
 * incident. Only administrators handle them.
 */
class JobsWithoutProcessTest extends AppTest {

    private ManagementService management;
    private String reminder;
    private String cleanup;
    private String conversationTimer;

    @BeforeEach
    void evaIsPreparingAndTheJobsAreThere() {
        management = engine.getManagementService();
        String pi = new Conversations(engine).preparing("hanna", "eva", "maria");
        String task = new Conversations(engine).taskId(pi, TASK_PREPARE_EMPLOYEE);
        reminder = management.createJobQuery().list().stream()
            .filter(job -> ProcessIds.REMINDER_DUE_JOB.equals(handlerOf(job)) && configurationOf(job).startsWith(task))
            .findFirst().orElseThrow().getId();
        cleanup = engine.getHistoryService().findHistoryCleanupJobs().get(0).getId();
        conversationTimer = management.createJobQuery().processInstanceId(pi).timers().list().get(0).getId();
    }

    @Test
    void anEmployeeListsNoJobOfNoProcessAndReadsNone() {
        EngineRest erik = rest().as("erik");

        JsonNode listed = erik.get("/engine-rest/job?maxResults=200").json();
        Answer count = erik.get("/engine-rest/job/count");

        assertThat(listed.findValuesAsText("id")).doesNotContain(reminder, cleanup);
        assertThat(count.json().path("count").asLong()).isEqualTo(listed.size());
        assertThat(erik.get("/engine-rest/job/" + reminder).status()).isEqualTo(404);
        assertThat(erik.get("/engine-rest/job/" + cleanup).status()).isEqualTo(404);
        // an administrator sees them
        assertThat(rest().as("admin").get("/engine-rest/job?maxResults=200").json().findValuesAsText("id"))
            .contains(reminder, cleanup);
    }

    @Test
    void anEmployeeChangesNoJobOfNoProcess() {
        for (String job : List.of(reminder, cleanup)) {
            Map<String, Object> before = state(job);
            List<String> accepted = new ArrayList<>();
            for (Answer answer : attempts(rest().as("erik"), job)) {
                if (answer.status() != 403) {
                    accepted.add(answer.status() + " " + answer.body());
                }
            }
            assertThat(accepted).as("erik's calls on " + job).isEmpty();
            assertThat(state(job)).isEqualTo(before);
        }
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void aRefusedRunOfAConversationsTimerLeavesNoIncident() {
        Map<String, Object> before = state(conversationTimer);

        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(rest().as("erik").post("/engine-rest/job/" + conversationTimer + "/execute", Map.of()).status())
                .isEqualTo(403);
        }

        assertThat(state(conversationTimer)).isEqualTo(before);
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void anAdministratorMovesAReminder() {
        Answer moved = rest().as("admin").send("PUT", "/engine-rest/job/" + reminder + "/duedate",
            Map.of("duedate", "2030-01-01T09:00:00.000+0000"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(204);
        assertThat(management.createJobQuery().jobId(reminder).singleResult().getDuedate())
            .isEqualTo(java.time.Instant.parse("2030-01-01T09:00:00Z"));
    }

    private static List<Answer> attempts(EngineRest caller, String job) {
        String path = "/engine-rest/job/" + job;
        return List.of(
            caller.send("PUT", path + "/duedate", Map.of("duedate", "2020-01-01T00:00:00.000+0000")),
            caller.send("PUT", path + "/suspended", Map.of("suspended", true)),
            caller.send("PUT", path + "/retries", Map.of("retries", 0)),
            caller.send("PUT", path + "/priority", Map.of("priority", 99)),
            caller.post(path + "/duedate/recalculate", Map.of()),
            caller.post(path + "/execute", Map.of()),
            caller.get(path + "/stacktrace"),
            caller.delete(path));
    }

    /** What a change to the job would show: due date, retries, suspension, priority, exception, existence. */
    private Map<String, Object> state(String jobId) {
        Job job = management.createJobQuery().jobId(jobId).singleResult();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("exists", job != null);
        if (job != null) {
            state.put("due", job.getDuedate());
            state.put("retries", job.getRetries());
            state.put("suspended", job.isSuspended());
            state.put("priority", job.getPriority());
            state.put("exception", job.getExceptionMessage());
        }
        return state;
    }

    private String handlerOf(Job job) {
        return jdbc.queryForObject("select HANDLER_TYPE_ from ACT_RU_JOB where ID_ = ?", String.class, job.getId());
    }

    private String configurationOf(Job job) {
        return jdbc.queryForObject("select HANDLER_CFG_ from ACT_RU_JOB where ID_ = ?", String.class, job.getId());
    }
}
