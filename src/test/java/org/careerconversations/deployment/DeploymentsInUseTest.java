package org.careerconversations.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessVariables.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.process.DeployFromModelerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * hugo deploys the real model as a new version and maria starts emma's conversation on it: nobody but an
 * administrator deletes that deployment, nobody deletes the running conversation with it through the engine,
 * and the administrators' own way out closes the conversation's record, so that emma's next one can start.
 */
class DeploymentsInUseTest extends AppTest {

    private String deployment;
    private String emmasConversation;

    @BeforeEach
    void hugoDeploysAVersionAndEmmasConversationRunsOnIt() throws IOException {
        Answer deployed = rest().as("hugo").postMultipart("/engine-rest/deployment/create",
            DeployFromModelerTest.modelerFields("career-conversation in use"),
            DeployFromModelerTest.modelerFiles(Files.readString(Path.of("bpmn", "career-conversation.bpmn"))));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        deployment = deployed.json().path("id").asText();
        Answer started = rest().as("maria").post("/engine-rest/process-definition/key/CareerConversation/start",
            variables(EMPLOYEE_ID, "emma"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        emmasConversation = started.json().path("id").asText();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(emmasConversation).singleResult()
            .getProcessDefinitionId()).isIn(definitionsOf(deployment));
    }

    @AfterEach
    void removeTheVersion() {
        for (Deployment left : engine.getRepositoryService().createDeploymentQuery().deploymentId(deployment).list()) {
            engine.getRepositoryService().deleteDeployment(left.getId(), true, true, true);
        }
    }

    @Test
    void theDesignerCannotDeleteTheDeploymentAConversationRunsOn() {
        Answer cascade = rest().as("hugo").delete("/engine-rest/deployment/" + deployment + "?cascade=true");
        Answer plain = rest().as("hugo").delete("/engine-rest/deployment/" + deployment);

        assertThat(cascade.status()).as(cascade.body()).isEqualTo(403);
        assertThat(plain.status()).as(plain.body()).isEqualTo(403);
        assertThat(cascade.message()).isEqualTo("You are not allowed to do this.");
        conversationIntact();
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn("hugo")
            .resourceType(Resources.DEPLOYMENT).count()).as("no grant for the deployer").isZero();
    }

    @Test
    void noOneDeletesRunningConversationsThroughTheEngineNotEvenAnAdministrator() {
        Answer deployment = rest().as("admin").delete("/engine-rest/deployment/" + this.deployment + "?cascade=true");
        Answer definition = rest().as("admin").delete("/engine-rest/process-definition/"
            + runtimeService.createProcessInstanceQuery().processInstanceId(emmasConversation).singleResult()
            .getProcessDefinitionId() + "?cascade=true");

        assertThat(deployment.status()).as(deployment.body()).isEqualTo(409);
        assertThat(deployment.message()).contains("running instance(s)", "DELETE /api/deployments/{id}");
        assertThat(definition.status()).as(definition.body()).isEqualTo(409);
        conversationIntact();
    }

    @Test
    void anAdministratorWithdrawsTheDeploymentAndTheRecordsAreClosed() {
        Answer refused = rest().as("hugo").delete("/api/deployments/" + deployment);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        conversationIntact();

        Answer withdrawn = rest().as("admin").delete("/api/deployments/" + deployment);

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("conversationsClosed").asInt()).isOne();
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deployment).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(emmasConversation).count()).isZero();
        assertThat(jdbc.queryForObject("select status from conversation where business_key = 'emma-1'", String.class))
            .isEqualTo("CANCELLED");
        Answer next = rest().as("maria").post("/engine-rest/process-definition/key/CareerConversation/start",
            variables(EMPLOYEE_ID, "emma"));
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().path("businessKey").asText()).isEqualTo("emma-2");
    }

    private void conversationIntact() {
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deployment).count()).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(emmasConversation).count()).isOne();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(emmasConversation)
            .count()).isOne();
        assertThat(jdbc.queryForObject("select status from conversation where business_key = 'emma-1'", String.class))
            .isEqualTo("SCHEDULING");
    }

    private java.util.List<String> definitionsOf(String deploymentId) {
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId).list().stream()
            .map(d -> d.getId()).toList();
    }
}
