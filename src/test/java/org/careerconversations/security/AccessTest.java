package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.conversation.Submissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The baseline access model, tried by the people who must not get in: nobody without credentials,
 * erik at eva's tasks, mark at maria's team.
 */
class AccessTest extends AppTest {

    @Autowired
    TaskService taskService;

    private String evaInstance;
    private String erikInstance;
    private String evasTask;

    @BeforeEach
    void evaAndErikHaveConversations() {
        EngineRest hanna = rest().as("hanna");
        evaInstance = hanna.post("/engine-rest/process-definition/key/CareerConversation/start",
            variables(EMPLOYEE_ID, "eva")).json().path("id").asText();
        erikInstance = hanna.post("/engine-rest/process-definition/key/CareerConversation/start",
            variables(EMPLOYEE_ID, "erik")).json().path("id").asText();
        String schedule = taskService.createTaskQuery().processInstanceId(evaInstance).singleResult().getId();
        taskService.complete(schedule, Submissions.forJavaApi(Submissions.scheduleConversation(
            Instant.now().plus(5, ChronoUnit.DAYS))));
        evasTask = taskService.createTaskQuery().processInstanceId(evaInstance)
            .taskDefinitionKey(TASK_PREPARE_EMPLOYEE).singleResult().getId();
    }

    @Test
    void unauthenticatedCallsGet401() {
        EngineRest anonymous = rest();
        for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance",
            "/engine-rest/history/process-instance", "/engine-rest/task/" + evasTask + "/variables",
            "/engine-rest/process-definition", "/engine-rest/user", "/engine-rest/deployment")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
        Answer start = anonymous.post("/engine-rest/process-definition/key/CareerConversation/start",
            variables(EMPLOYEE_ID, "emma"));
        assertThat(start.status()).isEqualTo(401);
        assertThat(anonymous.post("/engine-rest/task/" + evasTask + "/complete", variables()).status())
            .isEqualTo(401);
        assertThat(taskService.createTaskQuery().taskId(evasTask).count()).isOne();
    }

    @Test
    void aWrongPasswordGets401() {
        assertThat(rest().as("eva", "not-demo").get("/engine-rest/task").status()).isEqualTo(401);
        // login throttling locks eva for a few seconds after a wrong password: the next test may need her
        engine.getIdentityService().unlockUser("eva");
    }

    @Test
    void evaSeesHerOwnTaskAndConversationOnly() {
        EngineRest eva = rest().as("eva");
        assertThat(ids(eva.get("/engine-rest/task?maxResults=50").json())).containsExactly(evasTask);
        assertThat(ids(eva.get("/engine-rest/process-instance?maxResults=50").json())).containsExactly(evaInstance);
        assertThat(ids(eva.get("/engine-rest/history/process-instance?maxResults=50").json()))
            .containsExactly(evaInstance);
    }

    @Test
    void erikCannotListEvasTasks() {
        EngineRest erik = rest().as("erik");
        assertThat(erik.get("/engine-rest/task?maxResults=50").json()).isEmpty();
        assertThat(erik.get("/engine-rest/task?processInstanceBusinessKey=eva-1&maxResults=50").json()).isEmpty();
        assertThat(erik.get("/engine-rest/task/count").json().path("count").asInt()).isZero();
        assertThat(erik.get("/engine-rest/history/task?maxResults=50&processInstanceId=" + evaInstance).json())
            .isEmpty();
    }

    @Test
    void erikCannotReadTheVariablesOfEvasTaskOrConversation() {
        EngineRest erik = rest().as("erik");
        for (String path : List.of("/engine-rest/task/" + evasTask, "/engine-rest/task/" + evasTask + "/variables",
            "/engine-rest/task/" + evasTask + "/form-variables",
            "/engine-rest/process-instance/" + evaInstance + "/variables",
            "/engine-rest/process-instance/" + evaInstance)) {
            Answer answer = erik.get(path);
            assertThat(answer.status()).as(path + " → " + answer.body()).isIn(403, 404);
            assertThat(answer.body()).doesNotContain("Eva Evers");
        }
        assertThat(erik.get("/engine-rest/process-instance?maxResults=50").json())
            .extracting(n -> n.path("id").asText())
            .containsExactly(erikInstance);
        assertThat(erik.get("/engine-rest/variable-instance?maxResults=50&processInstanceIdIn=" + evaInstance).json())
            .isEmpty();
        assertThat(erik.get("/engine-rest/history/variable-instance?maxResults=50&processInstanceId=" + evaInstance)
            .json())
            .isEmpty();
    }

    @Test
    void erikCannotCompleteEvasTask() {
        Answer answer = rest().as("erik").post("/engine-rest/task/" + evasTask + "/complete",
            variables(Submissions.prepareEmployee()));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(evasTask).count()).isOne();
        assertThat(jdbc.queryForObject("select count(*) from conversation where went_well is not null", Integer.class))
            .isZero();
    }

    @Test
    void erikCannotStartAConversation() {
        Answer answer = rest().as("erik").post("/engine-rest/process-definition/key/CareerConversation/start",
            variables(EMPLOYEE_ID, "emma"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("emma-1").count()).isZero();
    }

    @Test
    void markCannotSeeMariasTeamsConversations() {
        EngineRest mark = rest().as("mark");
        assertThat(mark.get("/engine-rest/process-instance?maxResults=50").json()).isEmpty();
        assertThat(mark.get("/engine-rest/process-instance?businessKey=eva-1&maxResults=50").json()).isEmpty();
        assertThat(mark.get("/engine-rest/history/process-instance?maxResults=50").json()).isEmpty();
        assertThat(mark.get("/engine-rest/task?maxResults=50").json()).isEmpty();
        assertThat(mark.get("/engine-rest/process-instance/" + evaInstance + "/variables").status()).isIn(403, 404);
        Answer start = mark.post("/engine-rest/process-definition/key/CareerConversation/start",
            variables(EMPLOYEE_ID, "emma"));
        assertThat(start.status()).isEqualTo(403);
        // mark learns only that he may not: nothing about emma or who her manager is
        assertThat(start.message()).isEqualTo("You can start career conversations for the people who report to "
            + "you, and HR partners for the people they look after.");
        assertThat(start.body()).doesNotContain("Emma", "Maria", "emma");
    }

    @Test
    void mariaSeesHerDirectReportsConversationsAndHannaSeesAll() {
        // hanna, a process owner, also sees the SendNotification instances that deliver the mails
        assertThat(ids(rest().as("maria").get(CONVERSATIONS).json()))
            .containsExactlyInAnyOrder(evaInstance, erikInstance);
        assertThat(ids(rest().as("hanna").get(CONVERSATIONS).json()))
            .containsExactlyInAnyOrder(evaInstance, erikInstance);
        // maria sees the conversation, not eva's own task
        assertThat(rest().as("maria").get("/engine-rest/task/" + evasTask).status()).isIn(403, 404);
    }

    private static final String CONVERSATIONS = "/engine-rest/process-instance?processDefinitionKey=CareerConversation&maxResults=50";

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }
}
