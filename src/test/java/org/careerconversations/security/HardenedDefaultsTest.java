package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.TASK_PREPARE_EMPLOYEE;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.identity.User;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The defaults an operator gets without doing anything: small REST surface, throttled logins, safe cookies. */
class HardenedDefaultsTest extends AppTest {

    @Autowired
    IdentityService identityService;

    @AfterEach
    void removeTina() {
        if (identityService.createUserQuery().userId("tina").count() > 0) {
            identityService.deleteUser("tina");
        }
    }

    /** The Actuator answers on the management port only (OperationsEndpointsTest); there is no H2 console. */
    @Test
    void noActuatorOnThePublicPortAndNoH2Console() {
        for (EngineRest caller : List.of(rest(), rest().as("admin"))) {
            for (String path : List.of("/actuator", "/actuator/health", "/actuator/env", "/actuator/heapdump",
                "/actuator/prometheus", "/actuator/health/readiness",
                "/h2-console", "/h2-console/login.do", "/h2")) {
                Answer answer = caller.get(path);
                assertThat(answer.status()).as(path).isIn(401, 404);
            }
        }
    }

    @Test
    void engineListsMustBePagedUpToTheLimit() {
        EngineRest eva = rest().as("eva");
        Answer unbounded = eva.get("/engine-rest/task");
        assertThat(unbounded.status()).isEqualTo(400);
        assertThat(unbounded.message()).contains("unbound number of results is forbidden");
        assertThat(eva.get("/engine-rest/task?maxResults=2001").message()).contains("Max results limit of 2000");
        assertThat(eva.get("/engine-rest/task?maxResults=2000").status()).isEqualTo(200);
    }

    @Test
    void adHocQueriesCannotRunExpressions() {
        Answer answer = rest().as("eva").post("/engine-rest/task?maxResults=10",
            Map.of("assigneeExpression", "${execution.getProcessEngineServices()}"));
        assertThat(answer.status()).as(answer.body()).isIn(400, 403);
        assertThat(answer.body()).containsIgnoringCase("expression");
    }

    @Test
    void aWrongPasswordLocksTheUserForAWhile() {
        User tina = identityService.newUser("tina");
        tina.setPassword("the right one");
        identityService.saveUser(tina);
        Instant now = Instant.now();
        ClockUtil.setCurrentTime(Date.from(now));

        assertThat(rest().as("tina", "a wrong one").get("/engine-rest/user?maxResults=1").status()).isEqualTo(401);
        assertThat(rest().as("tina", "the right one").get("/engine-rest/user?maxResults=1").status())
            .as("locked for 3 seconds after one wrong password").isEqualTo(401);

        ClockUtil.setCurrentTime(Date.from(now.plusSeconds(4)));
        assertThat(rest().as("tina", "the right one").get("/engine-rest/user?maxResults=1").status()).isEqualTo(200);
    }

    @Test
    void anAssigneeWorksOnTheirTaskButCannotHandItOnOrRewriteIt() {
        String pi = new Conversations(engine).preparing("hanna", "eva", "maria");
        String task = new Conversations(engine).taskId(pi, TASK_PREPARE_EMPLOYEE);
        EngineRest eva = rest().as("eva");

        assertThat(eva.post("/engine-rest/task/" + task + "/assignee", Map.of("userId", "erik")).status())
            .isEqualTo(403);
        assertThat(eva.send("PUT", "/engine-rest/task/" + task + "/variables/managerId", Map.of("value", "eva"))
            .status()).isEqualTo(403);
        assertThat(eva.post("/engine-rest/task/" + task + "/comment/create", Map.of("message", "my note")).status())
            .isEqualTo(200);
        assertThat(taskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("eva");
    }

    @Test
    void webappCookiesAreHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/app/tasklist/")).build(),
            HttpResponse.BodyHandlers.ofString());
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly")
            .containsIgnoringCase("SameSite=Lax"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=")
            .containsIgnoringCase("SameSite=Lax"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    private org.camunda.bpm.engine.TaskService taskService() {
        return engine.getTaskService();
    }
}
