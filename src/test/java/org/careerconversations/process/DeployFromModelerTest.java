package org.careerconversations.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.repository.Deployment;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.EngineRest.Part;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An HR process designer changes the process in Camunda Modeler and deploys it through the engine REST API,
 * the way the Modeler does it: one multipart {@code POST /engine-rest/deployment/create} with the diagram and
 * its forms and decisions (the user tasks bind their forms with {@code formRefBinding="deployment"}, so the
 * forms must travel in the same deployment). Deployments made here are removed again afterwards, so that the
 * other tests keep running on the project's own models.
 */
class DeployFromModelerTest extends AppTest {

    private static final String ORIGINAL_NAME = "Schedule the career conversation with ${employeeName}";
    private static final String CHANGED_NAME = "Plan the career conversation with ${employeeName}";

    @AfterEach
    void removeDeploymentsMadeHere() {
        for (Deployment deployment : engine.getRepositoryService().createDeploymentQuery()
            .deploymentSource("Camunda Modeler").list()) {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true, true);
        }
    }

    @Test
    void designerDeploysChangedProcessAndOnlyNewConversationsUseIt() throws IOException {
        String before = start("eva");
        assertThat(taskName("maria", "eva-1")).isEqualTo("Schedule the career conversation with Eva Evers");

        Answer deployed = rest().as("hugo").postMultipart("/engine-rest/deployment/create",
            modelerFields("career-conversation"), modelerFiles(changedCareerConversation()));

        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        JsonNode definitions = deployed.json().path("deployedProcessDefinitions");
        assertThat(definitions.findValuesAsText("key")).contains(ProcessIds.CAREER_CONVERSATION);
        assertThat(deployed.json().path("deployedDecisionDefinitions").findValuesAsText("key"))
            .contains(ProcessIds.REVIEW_CADENCE);

        String after = start("erik");
        JsonNode oldDefinition = definitionOf(before);
        JsonNode newDefinition = definitionOf(after);
        assertThat(newDefinition.path("version").asInt()).isEqualTo(oldDefinition.path("version").asInt() + 1);
        assertThat(newDefinition.path("deploymentId").asText()).isEqualTo(deployed.json().path("id").asText());

        // the running conversation stays on its version, the new one follows the changed model
        assertThat(taskName("maria", "eva-1")).isEqualTo("Schedule the career conversation with Eva Evers");
        assertThat(taskName("maria", "erik-1")).isEqualTo("Plan the career conversation with Erik Eriksen");

        // the new version finds its form in its own deployment
        String erikTask = rest().as("maria").get("/engine-rest/task?processInstanceBusinessKey=erik-1&maxResults=50").json()
            .get(0).path("id").asText();
        Answer form = rest().as("maria").get("/engine-rest/task/" + erikTask + "/deployed-form");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("ScheduleConversationForm");
    }

    @Test
    void designerCanReadWhatTheModelerNeeds() {
        EngineRest hugo = rest().as("hugo");
        assertThat(hugo.get("/engine-rest/process-definition?key=CareerConversation&maxResults=50").json()).isNotEmpty();
        assertThat(hugo.get("/engine-rest/decision-definition?key=ReviewCadence&maxResults=50").json()).isNotEmpty();
        assertThat(hugo.get("/engine-rest/deployment?maxResults=50").json()).isNotEmpty();
    }

    @Test
    void employeeCannotDeploy() throws IOException {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();

        Answer answer = rest().as("eva").postMultipart("/engine-rest/deployment/create",
            modelerFields("career-conversation"), modelerFiles(changedCareerConversation()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.message()).contains("eva").contains("CREATE").contains("Deployment");
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void brokenModelIsRejectedWithTheParseError() throws IOException {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        String broken = changedCareerConversation()
            .replace("targetRef=\"Task_ScheduleConversation\"", "targetRef=\"Task_DoesNotExist\"");

        Answer answer = rest().as("hugo").postMultipart("/engine-rest/deployment/create",
            modelerFields("career-conversation"), modelerFiles(broken));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("ParseException");
        assertThat(answer.message()).contains("career-conversation.bpmn").contains("Task_DoesNotExist");
        assertThat(answer.json().path("details").path("career-conversation.bpmn").path("errors").toString())
            .contains("SequenceFlow_ToSchedule");
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    }

    private String start(String employeeId) {
        Answer started = rest().as("hanna").post("/engine-rest/process-definition/key/CareerConversation/start",
            variables("employeeId", employeeId));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.json().path("definitionId").asText();
    }

    private JsonNode definitionOf(String definitionId) {
        return rest().as("hugo").get("/engine-rest/process-definition/" + definitionId).json();
    }

    private String taskName(String user, String businessKey) {
        JsonNode tasks = rest().as(user).get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&maxResults=50").json();
        assertThat(tasks).hasSize(1);
        return tasks.get(0).path("name").asText();
    }

    /** The text fields Camunda Modeler 5 sends with a Camunda 7 deployment. */
    private static Map<String, String> modelerFields(String deploymentName) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", deploymentName);
        fields.put("deployment-source", "Camunda Modeler");
        fields.put("deploy-changed-only", "true");
        return fields;
    }

    /** The diagram plus every form and decision of the project, as "additional files" of the deploy dialog. */
    private static List<Part> modelerFiles(String bpmn) throws IOException {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("career-conversation.bpmn", "career-conversation.bpmn",
            bpmn.getBytes(StandardCharsets.UTF_8)));
        for (String folder : List.of("forms", "dmn")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    parts.add(new Part(name, name, Files.readAllBytes(file)));
                }
            }
        }
        return parts;
    }

    private static String changedCareerConversation() throws IOException {
        String bpmn = Files.readString(Path.of("bpmn", "career-conversation.bpmn"));
        assertThat(bpmn).contains("name=\"" + ORIGINAL_NAME + "\"");
        return bpmn.replace("name=\"" + ORIGINAL_NAME + "\"", "name=\"" + CHANGED_NAME + "\"");
    }
}
