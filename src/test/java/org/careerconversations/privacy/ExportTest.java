package org.careerconversations.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.TASK_PREPARE_EMPLOYEE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A data-subject request for access: everything stored about eva, as JSON, in one call — her record, her
 * conversations, the engine's history of them — and nothing of erik's, who has the same manager.
 */
class ExportTest extends AppTest {

    private String evasAgreed;
    private String evasOpen;
    private String eriksAgreed;

    @BeforeEach
    void evaAndErikHadConversations() {
        Conversations conversations = new Conversations(engine);
        evasAgreed = conversations.agreed("hanna", "eva", "maria", "SECRET-eva");
        eriksAgreed = conversations.agreed("hanna", "erik", "maria", "SECRET-erik");
        evasOpen = conversations.preparing("hanna", "eva", "maria");
        String task = conversations.taskId(evasOpen, TASK_PREPARE_EMPLOYEE);
        conversations.as("eva", () -> engine.getTaskService().createComment(task, evasOpen, "SECRET-eva comment"));
    }

    @Test
    void herHrPartnerGetsEverythingAboutEvaAndNothingAboutErik() {
        Answer answer = rest().as("hanna").get("/api/employees/eva/export");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode export = answer.json();
        assertThat(export.path("employeeId").asText()).isEqualTo("eva");
        assertThat(export.path("careerConversations").path("employee").path("email").asText())
            .isEqualTo("eva@example.org");
        JsonNode records = export.path("careerConversations").path("conversations");
        assertThat(records).hasSize(2);
        assertThat(records.get(0).path("went_well").asText()).isEqualTo("SECRET-eva went well");
        assertThat(records.get(0).path("goals").get(0).path("goal").asText()).isEqualTo("SECRET-eva goal");
        assertThat(records.get(0).path("developmentActions")).hasSize(1);

        JsonNode engineData = export.path("processEngine");
        assertThat(engineData.path("user").path("lastName").asText()).isEqualTo("Evers");
        assertThat(engineData.path("processInstances").findValuesAsText("id"))
            .contains(evasAgreed, evasOpen).doesNotContain(eriksAgreed);
        JsonNode agreed = instance(engineData, evasAgreed);
        assertThat(agreed.path("tasks").findValuesAsText("name"))
            .contains("Prepare your career conversation with Maria Mendes");
        assertThat(agreed.path("variables").findValuesAsText("name")).contains("feedbackSummary", "cadence");
        assertThat(agreed.path("decisions")).hasSize(1);
        assertThat(agreed.path("decisions").get(0).path("inputs")).isNotEmpty();
        assertThat(agreed.path("userOperations")).isNotEmpty();
        assertThat(instance(engineData, evasOpen).path("comments").findValuesAsText("message"))
            .containsExactly("SECRET-eva comment");

        for (String eriks : List.of("SECRET-erik", "Erik Eriksen", "erik@example.org", "erik-1", eriksAgreed)) {
            assertThat(answer.body()).as("nothing of erik's").doesNotContain(eriks);
        }
        assertThat(answer.body()).doesNotContain("\"erik\"");
    }

    @Test
    void evaExportsHerOwnData() {
        Answer answer = rest().as("eva").get("/api/employees/eva/export");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("SECRET-eva went well").doesNotContain("SECRET-erik");
    }

    @Test
    void nobodyElseExportsEva() {
        for (String user : List.of("erik", "maria", "mark", "dora", "hugo")) {
            Answer answer = rest().as(user).get("/api/employees/eva/export");
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.body()).doesNotContain("SECRET-eva");
        }
        assertThat(rest().get("/api/employees/eva/export").status()).isEqualTo(401);
        assertThat(rest().as("admin").get("/api/employees/nobody/export").status()).isEqualTo(404);
        assertThat(rest().as("erik").get("/api/employees/nobody/export").status()).isEqualTo(403);
    }

    private static JsonNode instance(JsonNode engineData, String id) {
        for (JsonNode instance : engineData.path("processInstances")) {
            if (instance.path("id").asText().equals(id)) {
                return instance;
            }
        }
        throw new AssertionError("no process instance " + id + " in the export");
    }
}
