package org.careerconversations.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.EngineRest.Part;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Designers change flows, texts, timings, forms and tables, never code: hugo deploys models as the Modeler
 * does ({@code POST /engine-rest/deployment/create}), and whatever would run code is refused as a whole with
 * 400 naming the element and the rule, before anything of it is stored or runs.
 */
class DesignerDeploymentsTest extends AppTest {

    private static final String CREATE = "/engine-rest/deployment/create";

    @Autowired
    DesignerDeployments designerDeployments;

    private final List<String> deployedHere = new ArrayList<>();

    @AfterEach
    void removeDeploymentsMadeHere() {
        for (Deployment deployment : engine.getRepositoryService().createDeploymentQuery().list()) {
            if (deployment.getName() != null && deployment.getName().startsWith("designer-test")
                || deployedHere.contains(deployment.getId())) {
                engine.getRepositoryService().deleteDeployment(deployment.getId(), true, true);
            }
        }
    }

    @Test
    void aModelThatWouldMakeTheDesignerAnAdministratorIsRefusedAndNothingRuns() {
        BpmnModelInstance model = timerStarted("Escalate")
            .serviceTask("Task_Escalate").name("Escalate")
            .camundaExpression("${execution.getProcessEngineServices().getIdentityService()"
                + ".createMembership('hugo','camunda-admin')}")
            .endEvent().done();
        long deployments = deploymentCount();

        Answer answer = deploy("hugo", "escalate.bpmn", model);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("ParseException");
        assertThat(answer.message()).contains("escalate.bpmn", "Task_Escalate", "'execution' is the engine itself");
        assertThat(answer.json().path("details").path("escalate.bpmn").path("errors").get(0).path("mainElementId")
            .asText()).isEqualTo("Task_Escalate");
        assertThat(deploymentCount()).isEqualTo(deployments);
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("Escalate").count())
            .as("no timer that could fire").isZero();
        assertThat(engine.getIdentityService().createUserQuery().userId("hugo").memberOfGroup("camunda-admin").count())
            .isZero();
    }

    @Test
    void aModelThatWouldReadEveryConversationIsRefused() {
        BpmnModelInstance model = timerStarted("Report")
            .serviceTask("Task_Report").name("Report")
            .camundaDelegateExpression("${sendConversationMessage}")
            .camundaInputParameter("message", "${jdbcTemplate.queryForList('select * from conversation')}")
            .endEvent().done();

        Answer answer = deploy("hugo", "report.bpmn", model);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.message()).contains("Task_Report", "method calls and properties");
        assertThat(processDefinitions("Report")).isZero();
    }

    @Test
    void reflectionThroughOneOfTheAppsOwnStepsIsRefused() {
        BpmnModelInstance model = timerStarted("Probe")
            .serviceTask("Task_Probe").camundaExpression("${documentAgreements.getClass().forName('java.lang.System')"
                + ".getMethod('getProperty', documentAgreements.getClass().forName('java.lang.String'))"
                + ".invoke(null, 'java.version')}")
            .endEvent().done();

        Answer answer = deploy("hugo", "probe.bpmn", model);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.message()).contains("Task_Probe", "method calls and properties");
    }

    @Test
    void everyWayOfRunningCodeIsRefusedWithItsElementAndRule() {
        Map<String, String> refusedBecause = new LinkedHashMap<>();
        refusedBecause.put("<bpmn:serviceTask id=\"Task_Class\" camunda:class=\"java.lang.Runtime\" />",
            "Task_Class: a Java class");
        refusedBecause.put("<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script>"
            + "</bpmn:scriptTask>", "Task_Script: scripts run code");
        refusedBecause.put("<bpmn:serviceTask id=\"Task_Listener\" camunda:delegateExpression=\"${recordCheckIn}\">"
            + "<bpmn:extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat="
            + "\"groovy\">1</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:serviceTask>",
            "Task_Listener: scripts run code");
        refusedBecause.put("<bpmn:serviceTask id=\"Task_Bean\" camunda:delegateExpression=\"${jdbcTemplate}\" />",
            "Task_Bean: 'jdbcTemplate' is not one of the app's steps");
        refusedBecause.put("<bpmn:serviceTask id=\"Task_Mapping\" camunda:delegateExpression=\"${recordCheckIn}\">"
            + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">${employeeName"
            + ".toUpperCase()}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>"
            + "</bpmn:serviceTask>", "Task_Mapping: method calls and properties");
        refusedBecause.put("<bpmn:userTask id=\"Task_Form\" camunda:assignee=\"${managerId}\" "
            + "camunda:formKey=\"embedded:deployment:form.html\" />", "Task_Form: embedded and external forms");
        refusedBecause.put("<bpmn:userTask id=\"Task_Due\" camunda:assignee=\"${managerId}\" "
            + "camunda:dueDate=\"${dateTime().plusDays(1).toDate()}\" />", "Task_Due: functions such as dateTime()");
        for (Map.Entry<String, String> element : refusedBecause.entrySet()) {
            String bpmn = oneElementProcess(element.getKey());

            Answer answer = deploy("hugo", "step.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));

            assertThat(answer.status()).as(element.getKey() + " → " + answer.body()).isEqualTo(400);
            assertThat(answer.message()).as(element.getKey()).contains(element.getValue());
        }
        assertThat(processDefinitions("DesignerStep")).isZero();
    }

    @Test
    void aConditionMayCompareVariablesButNotFollowThem() {
        String allowed = oneElementProcess("<bpmn:userTask id=\"Task_Review\" name=\"Review with ${managerName}\" "
            + "camunda:assignee=\"${managerId}\" camunda:dueDate=\"${deadlines.preparation(meetingStartsAt)}\" />")
            .replace("<bpmn:endEvent id=\"End\" />", "<bpmn:endEvent id=\"End\" /><bpmn:sequenceFlow id=\"Flow_Late\" "
                + "sourceRef=\"Task_Review\" targetRef=\"End\"><bpmn:conditionExpression>${rescheduleCount &gt;= 3 "
                + "&amp;&amp; meetingOutcome == 'held' || empty note}</bpmn:conditionExpression></bpmn:sequenceFlow>");
        Answer accepted = deploy("hugo", "allowed.bpmn", allowed.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        deployedHere.add(accepted.json().path("id").asText());

        Answer refused = deploy("hugo", "chained.bpmn", allowed.replace("empty note", "goals.size() &gt; 1")
            .getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.message()).contains("Flow_Late", "method calls and properties");
    }

    @Test
    void decisionTablesUseFeelOnly() throws IOException {
        String table = Files.readString(Path.of("dmn", "review-cadence.dmn"));
        String juel = table.replaceFirst("<inputExpression ", "<inputExpression expressionLanguage=\"juel\" ");
        assertThat(juel).isNotEqualTo(table);

        Answer answer = deploy("hugo", "review-cadence.dmn", juel.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.message()).contains("review-cadence.dmn", "FEEL only", "juel");
    }

    @Test
    void otherFilesAndFormsWithForeignPagesAreRefused() {
        Answer script = deploy("hugo", "helper.js", "java.lang.System.exit(1)".getBytes(StandardCharsets.UTF_8));
        assertThat(script.status()).as(script.body()).isEqualTo(400);
        assertThat(script.message()).contains("helper.js", "only BPMN diagrams");

        Answer form = deploy("hugo", "page.form", ("{\"id\": \"PageForm\", \"type\": \"default\", \"components\": "
            + "[{\"id\": \"Field_Page\", \"type\": \"iframe\", \"url\": \"https://evil.example\"}]}")
            .getBytes(StandardCharsets.UTF_8));
        assertThat(form.status()).as(form.body()).isEqualTo(400);
        assertThat(form.message()).contains("page.form", "Field_Page", "iframe");
    }

    @Test
    void administratorsDeployThroughTheSameCheck() {
        BpmnModelInstance model = timerStarted("AdminEscalate").serviceTask("Task_Admin")
            .camundaExpression("${execution.getProcessEngineServices()}").endEvent().done();

        Answer answer = deploy("admin", "admin.bpmn", model);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(processDefinitions("AdminEscalate")).isZero();
    }

    @Test
    void theAppsOwnModelsKeepTheRules() throws IOException {
        List<String> findings = new ArrayList<>();
        for (String folder : List.of("bpmn", "dmn", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.sorted().toList()) {
                    designerDeployments.rules().check(file.getFileName().toString(), Files.readAllBytes(file))
                        .forEach(f -> findings.add(file + ", " + f.elementId() + ": " + f.message()));
                }
            }
        }
        assertThat(findings).as("a designer redeploys these as they are").isEmpty();
    }

    @Test
    void expressionsReachNoBeanButTheAppsStepsAndHelpers() {
        // deployed by the app itself (no user): unchecked, so only the engine's beans map stands in the way
        BpmnModelInstance model = Bpmn.createExecutableProcess("BeansProbe").camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("Task_Read").camundaExpression("${jdbcTemplate}").endEvent().done();
        deployedHere.add(engine.getRepositoryService().createDeployment().name("designer-test beans")
            .addModelInstance("beans.bpmn", model).deploy().getId());

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("BeansProbe"))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("jdbcTemplate");
        Map<Object, Object> beans = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration()).getBeans();
        assertThat(beans.containsKey("documentAgreements") && beans.containsKey("deadlines")).isTrue();
        assertThat(List.of("jdbcTemplate", "conversationService", "processEngine", "identityService"))
            .noneMatch(beans::containsKey);
    }

    // --- helpers ---

    private static org.camunda.bpm.model.bpmn.builder.StartEventBuilder timerStarted(String key) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent("Start")
            .timerWithDate(Instant.now().minus(1, ChronoUnit.DAYS).toString());
    }

    private static String oneElementProcess(String element) {
        String id = element.replaceFirst("(?s).*? id=\"([^\"]+)\".*", "$1");
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Step"
                targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="DesignerStep" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="%s" />
                %s
                <bpmn:sequenceFlow id="Flow_Out" sourceRef="%s" targetRef="End" />
                <bpmn:endEvent id="End" />
              </bpmn:process>
            </bpmn:definitions>
            """.formatted(id, element, id);
    }

    private Answer deploy(String user, String fileName, BpmnModelInstance model) {
        return deploy(user, fileName, Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
    }

    private Answer deploy(String user, String fileName, byte[] content) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", "designer-test " + fileName);
        fields.put("deployment-source", "Camunda Modeler");
        return rest().as(user).postMultipart(CREATE, fields, List.of(new Part(fileName, fileName, content)));
    }

    private long deploymentCount() {
        return engine.getRepositoryService().createDeploymentQuery().count();
    }

    private long processDefinitions(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count();
    }
}
