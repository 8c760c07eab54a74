package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.conversation.Submissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a person reads when the engine says no: the rule without the engine's prefix and ids, and for a
 * refusal nothing but "not allowed" — through the engine REST API and through the webapps' own API.
 */
class EngineErrorMessagesTest extends AppTest {

    private static final String START = "/engine-rest/process-definition/key/CareerConversation/start";

    @Autowired
    TaskService taskService;

    @Test
    void aRefusedMessageNamesNoInstanceAndNoPermission() {
        String instance = rest().as("hanna").post(START, variables(EMPLOYEE_ID, "eva")).json().path("id").asText();

        Answer answer = rest().as("erik").post("/engine-rest/message",
            Map.of("messageName", MESSAGE_EMPLOYEE_LEFT, "businessKey", "eva-1"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.message()).isEqualTo(EngineErrorMessages.NOT_ALLOWED);
        assertThat(answer.body()).doesNotContain(instance).doesNotContain("missingAuthorizations")
            .doesNotContain("erik").doesNotContain("eva");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
    }

    @Test
    void aRefusedSubmissionInTasklistReadsAsTheRule() {
        rest().as("hanna").post(START, variables(EMPLOYEE_ID, "eva"));
        String task = taskService.createTaskQuery().taskDefinitionKey(TASK_SCHEDULE_CONVERSATION).singleResult()
            .getId();
        WebappSession maria = WebappSession.login("http://localhost:" + port, "tasklist", "maria", "demo");

        Answer answer = maria.send("POST", "/camunda/api/engine/engine/default/task/" + task + "/submit-form",
            variables(Map.of(MEETING_AT, "2025-01-06T10:00+01:00", MEETING_PLACE, "Room 4")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).doesNotStartWith("Cannot").doesNotContain(task)
            .contains("must not be in the past");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    }

    @Test
    void aRefusedStartNamesNoProcessDefinition() {
        Answer answer = rest().as("hanna").post(START, variables(EMPLOYEE_ID, "nobody"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).doesNotContain("Cannot instantiate").doesNotContain("CareerConversation:");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void aSuccessfulAnswerPassesUnchanged() {
        rest().as("hanna").post(START, variables(EMPLOYEE_ID, "eva"));
        String task = taskService.createTaskQuery().taskDefinitionKey(TASK_SCHEDULE_CONVERSATION).singleResult()
            .getId();

        Answer answer = rest().as("maria").post("/engine-rest/task/" + task + "/submit-form",
            variables(Submissions.scheduleConversation(Instant.now().plus(4, ChronoUnit.DAYS))));

        assertThat(answer.status()).isEqualTo(204);
        assertThat(rest().as("maria").get("/engine-rest/task/" + task).status()).isEqualTo(404);
    }

    @Test
    void aServerErrorSaysNothingWasSaved() {
        assertThat(EngineErrorMessages.inPeoplesWords(500, "ProcessEngineException",
            "ENGINE-03004 Exception while executing Database Operation 'INSERT MessageEntity[8f3c…]'"))
            .isEqualTo(EngineErrorMessages.SERVER_ERROR);
        assertThat(EngineErrorMessages.inPeoplesWords(400, "InvalidRequestException",
            "Cannot instantiate process definition CareerConversation:1:c643e2a1: Dora Dijkstra has no manager"))
            .isEqualTo("Dora Dijkstra has no manager");
    }
}
