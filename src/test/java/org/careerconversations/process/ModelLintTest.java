package org.careerconversations.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model lint (lint/lint.sh, run by Maven before the tests) passes on the project's models, forms and element
 * templates and fails on ones that break our conventions, Tasklist's form-js or the element templates schema.
 * Needs node (skipped without it, as the build's lint is).
 */
class ModelLintTest {

    record Run(int exitCode, String output) {
    }

    @BeforeAll
    static void needsNode() throws Exception {
        boolean node;
        try {
            node = new ProcessBuilder("node", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            node = false;
        }
        Assumptions.assumeTrue(node, "node is not installed: the model lint is skipped");
    }

    @Test
    void projectModelsPass() throws Exception {
        Run run = lint(Path.of("."));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("[lint] OK");
    }

    @Test
    void seededBadModelFailsTheLint(@TempDir Path project) throws Exception {
        copy(Path.of("bpmn"), project.resolve("bpmn"));
        copy(Path.of("dmn"), project.resolve("dmn"));
        copy(Path.of("forms"), project.resolve("forms"));
        copy(Path.of(".camunda/element-templates"), project.resolve(".camunda/element-templates"));
        Path bpmn = project.resolve("bpmn/career-conversation.bpmn");
        Files.writeString(bpmn, Files.readString(bpmn)
            // what a designer gets by dropping a new task in the Modeler and forgetting its properties
            .replace("id=\"Task_HoldConversation\"", "id=\"Activity_0x7k2ab\"")
            .replace("Ref=\"Task_HoldConversation\"", "Ref=\"Activity_0x7k2ab\"")
            .replace("bpmnElement=\"Task_HoldConversation\"", "bpmnElement=\"Activity_0x7k2ab\"")
            .replace("camunda:formRef=\"ScheduleConversationForm\"", "")
            .replaceFirst(" camunda:historyTimeToLive=\"[^\"]*\"", "")
            // a templated step that names a template version nobody wrote, and one that left its template's choices
            .replace("camunda:modelerTemplateVersion=\"1\" camunda:delegateExpression=\"${recordEmployeeLeft}\"",
                "camunda:modelerTemplateVersion=\"2\" camunda:delegateExpression=\"${recordEmployeeLeft}\"")
            .replace("camunda:delegateExpression=\"${recordCheckIn}\"", "camunda:delegateExpression=\"${recordCheckins}\""));
        Path dmn = project.resolve("dmn/review-cadence.dmn");
        Files.writeString(dmn, Files.readString(dmn).replaceFirst(" camunda:historyTimeToLive=\"[^\"]*\"", ""));
        Path form = project.resolve("forms/sign-off.form");
        Files.writeString(form, Files.readString(form).replace("\"type\": \"textarea\"", "\"type\": \"richtext\""));
        Path hold = project.resolve("forms/hold-conversation.form");
        Files.writeString(hold, Files.readString(hold).replace("\"key\": \"outcomeNote\"", "\"key\": \"meetingPlace\""));
        // a template property of a type the schema does not know
        Path cadence = project.resolve(".camunda/element-templates/evaluate-cadence.json");
        Files.writeString(cadence, Files.readString(cadence).replaceFirst("\"type\": \"Hidden\"", "\"type\": \"Secret\""));

        Run run = lint(project);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains(
            "Generated id \"Activity_0x7k2ab\"",
            "Task_ScheduleConversation", "User task has no form",
            "Process has no history time to live",
            "decision ReviewCadence has no history time to live",
            "forms/sign-off.form: Tasklist's form-js 1.8.7 cannot import it: form field of type <richtext> not supported",
            "forms/hold-conversation.form: Tasklist's form-js 1.8.7 cannot import it: binding path 'meetingPlace' is already claimed",
            ".camunda/element-templates/evaluate-cadence.json: template \"org.careerconversations.EvaluateCadence\" "
                + "/properties/0/type must be equal to one of the allowed values",
            "Task_DecideCadence (camunda:modelerTemplate=\"org.careerconversations.EvaluateCadence\", version 2): "
                + "its template is not valid",
            "Task_RecordEmployeeLeft (camunda:modelerTemplate=\"org.careerconversations.RecordToConversation\", version 2): "
                + "no such template in .camunda/element-templates (versions there: 1)",
            "Task_RecordCheckIn", "\"What is recorded\" (property camunda:delegateExpression) is \"${recordCheckins}\"",
            "[lint] FAILED");
    }

    private static Run lint(Path project) throws Exception {
        Process process = new ProcessBuilder("sh", "lint/lint.sh", project.toAbsolutePath().toString())
            .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
