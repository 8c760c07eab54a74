package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessIds.TASK_DOCUMENT_AGREEMENTS;
import static org.careerconversations.process.ProcessIds.TASK_HOLD_CONVERSATION;
import static org.careerconversations.process.ProcessIds.TASK_PREPARE_EMPLOYEE;
import static org.careerconversations.process.ProcessIds.TASK_PREPARE_MANAGER;
import static org.careerconversations.process.ProcessIds.TASK_SIGN_OFF;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.conversation.Submissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who reads what was said in eva's conversation: olga, a process owner who is nobody's HR partner, watches it
 * in Cockpit — the instance, its state and incidents — but reads none of its variables; eva herself reads
 * every field recorded about her, the manager's too (the app is transparent to the employee).
 */
class WhoReadsWhatTest extends AppTest {

    private static final String ENGINE = "/camunda/api/engine/engine/default";
    private static final String SECRET = "SECRET-of-eva";

    private String pi;
    private String signOff;

    @BeforeEach
    void evasConversationWaitsForHerSignOff() {
        Conversations conversations = new Conversations(engine);
        pi = conversations.preparing("hanna", "eva", "maria");
        conversations.complete("eva", pi, TASK_PREPARE_EMPLOYEE, Conversations.prepareEmployee(SECRET));
        conversations.complete("maria", pi, TASK_PREPARE_MANAGER, Conversations.prepareManager(SECRET));
        conversations.complete("maria", pi, TASK_HOLD_CONVERSATION, Submissions.holdConversation("held", null));
        conversations.complete("maria", pi, TASK_DOCUMENT_AGREEMENTS, Conversations.documentAgreements(SECRET));
        signOff = conversations.taskId(pi, TASK_SIGN_OFF);
        runtimeService.createIncident("probe", pi, "probe", "A mail could not be sent");
    }

    @Test
    void aProcessOwnerSeesTheConversationInCockpitButNoneOfItsVariables() {
        WebappSession olga = WebappSession.login("http://localhost:" + port, "cockpit", "olga", "demo");
        assertThat(olga.loginStatus()).isEqualTo(200);

        // the instance, where it stands, its incident
        JsonNode instances = olga.send("POST", "/camunda/api/cockpit/plugin/base/default/process-instance"
            + "?firstResult=0&maxResults=50", Map.of("processDefinitionKey", CAREER_CONVERSATION)).json();
        assertThat(instances.findValuesAsText("businessKey")).contains("eva-1");
        assertThat(olga.send("GET", ENGINE + "/process-instance/" + pi + "/activity-instances", null).body())
            .contains(TASK_SIGN_OFF);
        assertThat(olga.send("GET", ENGINE + "/incident?processInstanceId=" + pi + "&maxResults=50", null).json())
            .hasSize(1);

        // not what was written
        assertThat(olga.send("GET", ENGINE + "/process-instance/" + pi + "/variables", null).status()).isEqualTo(403);
        for (String path : List.of(ENGINE + "/variable-instance?processInstanceIdIn=" + pi + "&maxResults=50",
            ENGINE + "/history/variable-instance?processInstanceId=" + pi + "&maxResults=50",
            ENGINE + "/history/detail?processInstanceId=" + pi + "&maxResults=50",
            ENGINE + "/history/decision-instance?includeInputs=true&maxResults=50",
            "/engine-rest/variable-instance?processInstanceIdIn=" + pi + "&maxResults=50")) {
            Answer answer = path.startsWith(ENGINE) ? olga.send("GET", path, null) : rest().as("olga").get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.json()).as(path).isEmpty();
        }
        assertThat(olga.send("GET", ENGINE + "/task/" + signOff + "/form-variables", null).status()).isIn(403, 404);
        assertThat(olga.send("GET", ENGINE + "/process-instance/" + pi + "/comment", null).status()).isIn(403, 404);
    }

    @Test
    void theEmployeeReadsEveryFieldRecordedAboutHerTheManagersToo() {
        JsonNode variables = rest().as("eva").get("/engine-rest/task/" + signOff + "/form-variables").json();

        assertThat(variables.path(STRENGTHS_OBSERVED).path("value").asText()).isEqualTo(SECRET + " is strong");
        assertThat(variables.path(AREAS_TO_GROW).path("value").asText()).isEqualTo(SECRET + " can grow");
        for (String recorded : List.of("previousPlanProgress", "proposedGoals", "feedbackSummary",
            "careerAspirations", "performanceSignal", "retentionRisk")) {
            assertThat(variables.has(recorded)).as(recorded).isTrue();
        }
    }
}
