package org.careerconversations.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.EngineRest.Part;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An HR process designer changes the process in Camunda Modeler and deploys it through the engine REST API,
 * the way the Modeler does it: one multipart {@code POST /engine-rest/deployment/create} with the diagram and
 * its forms and decisions (the user tasks bind their forms with {@code formRefBinding="deployment"}, so the
 * forms must travel in the same deployment). Deployments made here are removed again afterwards, so that the
 * other tests keep running on the project's own models. A real SMTP server (GreenMail, on spring.mail.port of
 * application-test.yaml) receives what a step added from an element template sends.
 */
public class DeployFromModelerTest extends AppTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(42525, "localhost", "smtp"))
        .withPerMethodLifecycle(false);

    private static final String SEND_NOTIFICATION_TEMPLATE = "org.careerconversations.SendNotification";
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
        // and the redeployed start form still offers maria her team by name
        Answer startForm = rest().as("maria").get("/engine-rest/process-definition/key/CareerConversation/deployed-start-form");
        assertThat(startForm.status()).as(startForm.body()).isEqualTo(200);
        assertThat(startForm.json().findValuesAsText("label")).contains("Emma Engel, UX Designer",
            "Eva Evers, Software Engineer (a conversation is in progress)");
    }

    @Test
    void designerAddsANotificationStepFromItsTemplateAndTheNextConversationSendsIt() throws Exception {
        String before = start("eva");
        String welcome = templatedStep(SEND_NOTIFICATION_TEMPLATE, "Task_SendWelcomeNote", "Send a welcome note",
            Map.of("recipients", "employee",
                "subject", "Your career conversation with ${managerName} is coming up",
                "message", "Hi from HR! Your manager will schedule the conversation soon.\n\n"
                    + "Think about what you would like to talk about."));
        String changed = Files.readString(Path.of("bpmn", "career-conversation.bpmn"))
            // the designer drops the step between opening the record and scheduling, and connects it
            .replace("<bpmn:sequenceFlow id=\"SequenceFlow_RecordOpened\" sourceRef=\"Task_OpenRecord\" "
                    + "targetRef=\"Gateway_ScheduleMerge\" />",
                "<bpmn:sequenceFlow id=\"SequenceFlow_RecordOpened\" sourceRef=\"Task_OpenRecord\" "
                    + "targetRef=\"Task_SendWelcomeNote\" />\n" + welcome
                    + "<bpmn:sequenceFlow id=\"SequenceFlow_WelcomeNoteSent\" sourceRef=\"Task_SendWelcomeNote\" "
                    + "targetRef=\"Gateway_ScheduleMerge\" />")
            .replace("<bpmn:incoming>SequenceFlow_RecordOpened</bpmn:incoming>\n      <bpmn:incoming>SequenceFlow_Reschedule",
                "<bpmn:incoming>SequenceFlow_WelcomeNoteSent</bpmn:incoming>\n      <bpmn:incoming>SequenceFlow_Reschedule");
        assertThat(changed).contains("targetRef=\"Task_SendWelcomeNote\"", "<bpmn:incoming>SequenceFlow_WelcomeNoteSent");

        Answer deployed = rest().as("hugo").postMultipart("/engine-rest/deployment/create",
            modelerFields("career-conversation with a welcome note"), modelerFiles(changed));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String after = start("erik");
        runWaitingSteps();

        // erik's conversation, the first on the new version, sent the note and went on to scheduling
        assertThat(definitionOf(after).path("deploymentId").asText()).isEqualTo(deployed.json().path("id").asText());
        assertThat(taskName("maria", "erik-1")).isEqualTo("Schedule the career conversation with Erik Eriksen");
        List<MimeMessage> notes = new ArrayList<>();
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            if (mail.getSubject().endsWith("is coming up")) {
                notes.add(mail);
            }
        }
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).getSubject()).isEqualTo("Your career conversation with Maria Mendes is coming up");
        assertThat(notes.get(0).getAllRecipients()).extracting(Object::toString).containsExactly("erik@example.org");
        assertThat(jdbc.queryForList("select business_key, body_text from notification where kind = 'DESIGNER_MESSAGE'"))
            .singleElement().satisfies(row -> {
                assertThat(row.get("business_key")).isEqualTo("erik-1");
                assertThat(row.get("body_text").toString()).startsWith("Hi Erik,")
                    .contains("Think about what you would like to talk about.");
            });
        // eva's conversation, already running, stays on its version and sends no note
        assertThat(definitionOf(before).path("version").asInt())
            .isEqualTo(definitionOf(after).path("version").asInt() - 1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("eva-1").singleResult()
            .getProcessDefinitionId()).isEqualTo(before);
        assertThat(taskName("maria", "eva-1")).isEqualTo("Schedule the career conversation with Eva Evers");
    }

    @Test
    void aNewCadenceTableReachesNewConversationsWhileRunningOnesKeepTheirs() throws IOException {
        Conversations conversations = new Conversations(engine);
        String evasConversation = conversations.preparing("hanna", "eva", "maria");
        String table = Files.readString(Path.of("dmn", "review-cadence.dmn"));
        String newTable = table.replaceAll("<text>\"([A-Z])", "<text>\"Table 2: $1");
        assertThat(newTable).isNotEqualTo(table);
        List<Part> files = new ArrayList<>(modelerFiles(Files.readString(Path.of("bpmn", "career-conversation.bpmn"))));
        files.replaceAll(part -> part.fileName().equals("review-cadence.dmn")
            ? new Part(part.name(), part.fileName(), newTable.getBytes(StandardCharsets.UTF_8)) : part);

        Answer deployed = rest().as("hugo").postMultipart("/engine-rest/deployment/create",
            modelerFields("career-conversation with a new cadence table"), files);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        conversations.agree(evasConversation, "eva", "maria", "EVA");
        conversations.agreed("hanna", "erik", "maria", "ERIK");

        assertThat(cadenceReason("eva-1")).as("running when the table changed").isNotBlank()
            .doesNotStartWith("Table 2");
        assertThat(cadenceReason("erik-1")).as("started on the new version").startsWith("Table 2: ");
    }

    private String cadenceReason(String businessKey) {
        return jdbc.queryForObject("select cadence_reason from conversation where business_key = ?", String.class,
            businessKey);
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
        assertThat(answer.message()).isEqualTo("You are not allowed to do this.");
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
            variables(EMPLOYEE_ID, employeeId));
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

    /** Runs every waiting job (the notification step, the mails' send jobs) as the job executor would. */
    private void runWaitingSteps() {
        ManagementService management = engine.getManagementService();
        for (int round = 0; round < 5; round++) {
            List<Job> jobs = management.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        assertThat(management.createJobQuery().executable().count()).as("jobs still waiting").isZero();
    }

    /**
     * A step as the Modeler writes it when the designer picks a template from the menu and fills in its fields:
     * the element type and the hidden values from the project's template, the designer's values by binding name.
     */
    private static String templatedStep(String templateId, String id, String name, Map<String, String> values) {
        JsonNode template = ElementTemplatesTest.projectTemplates().stream()
            .filter(t -> t.path("id").asText().equals(templateId)).findFirst()
            .orElseThrow(() -> new AssertionError("no element template " + templateId));
        String type = template.path("elementType").path("value").asText();
        String element = "bpmn:" + Character.toLowerCase(type.charAt(5)) + type.substring(6);
        StringBuilder attributes = new StringBuilder(" id=\"" + id + "\" name=\"" + xml(name) + "\""
            + " camunda:modelerTemplate=\"" + templateId + "\""
            + " camunda:modelerTemplateVersion=\"" + template.path("version").asInt() + "\"");
        StringBuilder inputs = new StringBuilder();
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            String bindingName = binding.path("name").asText();
            String value = "Hidden".equals(property.path("type").asText()) ? property.path("value").asText()
                : values.get(bindingName);
            assertThat(value).as("a value for " + bindingName).isNotNull();
            switch (binding.path("type").asText()) {
                case "property" -> attributes.append(' ').append(bindingName).append("=\"").append(xml(value)).append('"');
                case "camunda:inputParameter" -> inputs.append("<camunda:inputParameter name=\"").append(bindingName)
                    .append("\">").append(xml(value)).append("</camunda:inputParameter>");
                default -> throw new AssertionError("binding " + binding + " is not written by this test");
            }
        }
        return "<" + element + attributes + "><bpmn:extensionElements><camunda:inputOutput>" + inputs
            + "</camunda:inputOutput></bpmn:extensionElements></" + element + ">\n";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    /** The text fields Camunda Modeler 5 sends with a Camunda 7 deployment. */
    public static Map<String, String> modelerFields(String deploymentName) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", deploymentName);
        fields.put("deployment-source", "Camunda Modeler");
        fields.put("deploy-changed-only", "true");
        return fields;
    }

    /** The diagram plus every form and decision of the project, as "additional files" of the deploy dialog. */
    public static List<Part> modelerFiles(String bpmn) throws IOException {
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
