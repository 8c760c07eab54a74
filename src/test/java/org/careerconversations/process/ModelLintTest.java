package org.careerconversations.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model lint (lint/lint.sh, run by Maven before the tests) passes on the project's models, forms and element
 * templates and fails on ones that break our conventions, Tasklist's form-js or the element templates schema; the
 * Camunda Modeler plugin built from the same rules finds the same problems in a diagram. Needs node (skipped
 * without it, as the build's lint is).
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
        seedBadModels(project);

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

    /**
     * The Camunda Modeler plugin built from lint/ registers the project's rules for Camunda 7 diagrams, and the
     * Modeler's own linter (@camunda/linting) with it finds on the seeded bad model exactly the problems the build's
     * lint finds, and no error in the project's models.
     */
    @Test
    void modelerPluginFindsWhatTheBuildLintFinds(@TempDir Path project, @TempDir Path out) throws Exception {
        Run build = run("sh", "lint/lint.sh", "--modeler-plugin", out.toString());
        assertThat(build.exitCode()).as(build.output()).isZero();
        Path plugin = out.resolve("career-conversations-lint");
        assertThat(plugin.resolve("index.js")).content().contains("script: './client/client.bundle.js'");
        assertThat(plugin.resolve("client/client.bundle.js")).isNotEmptyFile();

        Run projectModels = modelerLint(plugin, Path.of("bpmn"));
        assertThat(projectModels.exitCode()).as(projectModels.output()).isZero();
        assertThat(projectModels.output()).contains("Career Conversations lint: 0 error(s)");

        seedBadModels(project);
        Run modeler = modelerLint(plugin, project.resolve("bpmn"));
        Run buildLint = lint(project);

        assertThat(modeler.exitCode()).as(modeler.output()).isEqualTo(1);
        Set<String> inTheModeler = modelerProblems(modeler.output());
        assertThat(inTheModeler).as(modeler.output()).contains(
            "career-conversation.bpmn Activity_0x7k2ab error Generated id \"Activity_0x7k2ab\": give it a name that "
                + "reads like the diagram, e.g. Task_ScheduleConversation (careers/no-generated-ids)",
            "career-conversation.bpmn Task_ScheduleConversation error User task has no form (camunda:formRef) "
                + "(careers/user-task-complete)",
            "career-conversation.bpmn CareerConversation error Process has no history time to live "
                + "(camunda:historyTimeToLive) (careers/history-time-to-live)");
        assertThat(inTheModeler).isEqualTo(bpmnlintProblems(buildLint.output()));
    }

    /** A copy of the project's models with the mistakes a designer makes, in project. */
    private static void seedBadModels(Path project) throws IOException {
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
    }

    private static Run lint(Path project) throws Exception {
        return run("sh", "lint/lint.sh", project.toAbsolutePath().toString());
    }

    /** lint/modeler-plugin/modeler-lint.js: the Modeler's linter with the plugin, on every diagram of a folder. */
    private static Run modelerLint(Path plugin, Path bpmnFolder) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "lint/modeler-plugin/modeler-lint.js", plugin.toString()));
        try (Stream<Path> files = Files.list(bpmnFolder)) {
            files.filter(f -> f.toString().endsWith(".bpmn")).sorted().map(Path::toString).forEach(command::add);
        }
        return run(command.toArray(String[]::new));
    }

    // modeler-lint.js: "<file>: <id> <category> <message> (<rule>)"
    private static final Pattern MODELER_PROBLEM = Pattern.compile("^(.+\\.bpmn): (\\S+) (error|warn|info) (.+) \\((\\S+)\\)$");
    // bpmnlint's command line: the file on a line of its own, then "  <id>  <category>  <message>  <rule>" per problem
    private static final Pattern BPMNLINT_PROBLEM = Pattern.compile("^  (\\S+)\\s+(error|warning|info)\\s+(.+?)\\s+(\\S+)\\s*$");

    /** Each problem as "file id category message (rule)". */
    private static Set<String> modelerProblems(String output) {
        Set<String> problems = new TreeSet<>();
        for (String line : output.split("\\R")) {
            Matcher m = MODELER_PROBLEM.matcher(line);
            if (m.matches()) {
                problems.add(problem(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
            }
        }
        return problems;
    }

    /** The same for the BPMN part of the build's lint (bpmnlint with the project's .bpmnlintrc). */
    private static Set<String> bpmnlintProblems(String output) {
        Set<String> problems = new TreeSet<>();
        String file = null;
        for (String line : output.split("\\R")) {
            if (line.endsWith(".bpmn")) {
                file = line;
                continue;
            }
            Matcher m = BPMNLINT_PROBLEM.matcher(line);
            if (file != null && m.matches()) {
                problems.add(problem(file, m.group(1), m.group(2).equals("warning") ? "warn" : m.group(2), m.group(3),
                    m.group(4)));
            }
        }
        return problems;
    }

    private static String problem(String file, String id, String category, String message, String rule) {
        return Path.of(file).getFileName() + " " + id + " " + category + " " + message + " (" + rule + ")";
    }

    private static Run run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
