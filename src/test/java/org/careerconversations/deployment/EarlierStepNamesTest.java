package org.careerconversations.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.EMPLOYEE_ID;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.conversation.Submissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A conversation that started on a version of the model deployed before its steps got their present names runs
 * to its end after the renamed version is deployed: that version calls the steps by their earlier names, and
 * its tasks show the forms of its own deployment, under their earlier ids (docs/decisions/0001-renamed-steps.md).
 */
class EarlierStepNamesTest extends AppTest {

    /** What the steps and forms were called before, and their names now. */
    private static final Map<String, String> EARLIER_NAMES = Map.of(
        "${openConversationRecord}", "${openRecord}",
        "${employeePreparation}", "${prepareEmployee}",
        "${managerPreparation}", "${prepareManager}",
        "EmployeePreparationForm", "PrepareEmployeeForm",
        "ManagerPreparationForm", "PrepareManagerForm",
        "HrMediationForm", "MediateSignOffForm");
    private static final Map<String, String> EARLIER_FORM_FILES = Map.of(
        "prepare-employee.form", "employee-preparation.form",
        "prepare-manager.form", "manager-preparation.form",
        "mediate-sign-off.form", "hr-mediation.form");

    private final List<String> deploymentIds = new java.util.ArrayList<>();

    @AfterEach
    void removeTheseVersions() {
        deploymentIds.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true, true));
    }

    @Test
    void aConversationOnAVersionFromBeforeTheRenamesRunsToItsEnd() throws IOException {
        String earlierVersion = deployEarlierVersion();
        Conversations conversations = new Conversations(engine);
        String pi = conversations.as("hanna", () -> runtimeService.startProcessInstanceById(earlierVersion,
            Map.of(EMPLOYEE_ID, "eva")).getId());
        String renamedVersion = deploy("career-conversation with the present names", false);
        assertThat(repositoryModel(renamedVersion)).contains("${prepareEmployee}", "PrepareEmployeeForm")
            .doesNotContain("${employeePreparation}", "EmployeePreparationForm");
        conversations.complete("maria", pi, TASK_SCHEDULE_CONVERSATION,
            Submissions.scheduleConversation(java.time.Instant.now().plus(java.time.Duration.ofDays(5))));

        assertThat(formOf("eva", pi, TASK_PREPARE_EMPLOYEE)).isEqualTo("EmployeePreparationForm");
        assertThat(formOf("maria", pi, TASK_PREPARE_MANAGER)).isEqualTo("ManagerPreparationForm");
        conversations.complete("eva", pi, TASK_PREPARE_EMPLOYEE, Submissions.prepareEmployee());
        conversations.complete("maria", pi, TASK_PREPARE_MANAGER, Submissions.prepareManager());
        assertThat(jdbc.queryForMap("select went_well, strengths_observed from conversation where business_key = "
            + "'eva-1'")).containsValues("Shipped the search page", "Eva asks the right questions early");

        conversations.complete("maria", pi, TASK_HOLD_CONVERSATION, Submissions.holdConversation("held", null));
        for (String request : List.of("Add the conference", "The conference is still missing")) {
            conversations.complete("maria", pi, TASK_DOCUMENT_AGREEMENTS, Submissions.documentAgreements());
            conversations.complete("eva", pi, TASK_SIGN_OFF, Submissions.requestChanges(request));
        }
        assertThat(formOf("hanna", pi, TASK_MEDIATE_SIGN_OFF)).isEqualTo("HrMediationForm");
        conversations.complete("hanna", pi, TASK_MEDIATE_SIGN_OFF,
            Submissions.mediateSignOff("closeAsDocumented", "Both agree the record is fair"));

        assertThat(jdbc.queryForObject("select status from conversation where business_key = 'eva-1'",
            String.class)).isEqualTo("AGREED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult()
            .getProcessDefinitionId()).as("still on the earlier version").isEqualTo(earlierVersion);
    }

    /** The project's models as they were deployed before the renames: earlier step names, earlier forms. */
    private String deployEarlierVersion() throws IOException {
        String definition = deploy("career-conversation before the renames", true);
        assertThat(repositoryModel(definition)).contains("${employeePreparation}", "EmployeePreparationForm")
            .doesNotContain("${prepareEmployee}");
        return definition;
    }

    /** Deploys career-conversation.bpmn with all forms and decisions, as they are or with the earlier names. */
    private String deploy(String name, boolean withEarlierNames) throws IOException {
        RepositoryService repository = engine.getRepositoryService();
        DeploymentBuilder deployment = repository.createDeployment().name(name)
            .addString("career-conversation.bpmn", named(Files.readString(Path.of("bpmn",
                "career-conversation.bpmn")), withEarlierNames));
        for (String folder : List.of("forms", "dmn")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    String fileName = file.getFileName().toString();
                    deployment.addString(withEarlierNames ? EARLIER_FORM_FILES.getOrDefault(fileName, fileName)
                        : fileName, named(Files.readString(file, StandardCharsets.UTF_8), withEarlierNames));
                }
            }
        }
        String deploymentId = deployment.deploy().getId();
        deploymentIds.add(deploymentId);
        ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deploymentId)
            .processDefinitionKey(CAREER_CONVERSATION).singleResult();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(CAREER_CONVERSATION)
            .latestVersion().singleResult().getId()).as("the latest version").isEqualTo(definition.getId());
        return definition.getId();
    }

    private String repositoryModel(String definitionId) {
        return new String(readAll(engine.getRepositoryService().getProcessModel(definitionId)),
            StandardCharsets.UTF_8);
    }

    private static byte[] readAll(java.io.InputStream model) {
        try (model) {
            return model.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String named(String text, boolean withEarlierNames) {
        String result = text;
        if (withEarlierNames) {
            for (Map.Entry<String, String> name : EARLIER_NAMES.entrySet()) {
                result = result.replace(name.getValue(), name.getKey());
            }
        }
        return result;
    }

    private String formOf(String user, String pi, String taskKey) {
        String task = new Conversations(engine).taskId(pi, taskKey);
        return rest().as(user).get("/engine-rest/task/" + task + "/deployed-form").json().path("id").asText();
    }
}
