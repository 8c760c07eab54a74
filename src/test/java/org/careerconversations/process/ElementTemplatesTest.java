package org.careerconversations.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every delegate an element template of .camunda/element-templates/ can put into a model (hidden values and
 * dropdown choices) is a bean of the app that the engine can call: a step a designer adds from the Modeler's
 * menu must not fail at run time with "Unknown property used in expression". (The model lint checks the
 * templates against their JSON schema; only the app knows its beans.)
 */
class ElementTemplatesTest extends AppTest {

    static final Path TEMPLATES = Path.of(".camunda", "element-templates");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApplicationContext context;

    @Test
    void everyDelegateATemplateCanBindIsADelegateBeanOfTheApp() {
        Map<String, String> expressions = delegateExpressions(projectTemplates());

        assertThat(expressions.keySet()).as("delegate expressions of the templates").contains(
            "${sendConversationMessage}", "${recordEmployeeNotPrepared}", "${recordNextConversationDue}",
            "${recordEmployeeLeft}");
        assertThat(problems(expressions)).isEmpty();
    }

    @Test
    void aTemplateNamingABeanTheAppDoesNotHaveIsReported() {
        JsonNode template = json("""
            {"id": "org.example.Broken", "properties": [
              {"type": "Hidden", "value": "${sendConversationMessages}",
               "binding": {"type": "property", "name": "camunda:delegateExpression"}},
              {"label": "Step", "type": "Dropdown", "value": "${recordCheckIn}",
               "choices": [{"name": "Check-in", "value": "${recordCheckIn}"},
                           {"name": "Typo", "value": "${recordCheckin}"},
                           {"name": "Not a delegate", "value": "${deadlines}"},
                           {"name": "Not a bean", "value": "${deadlines.checkIn()}"}],
               "binding": {"type": "property", "name": "camunda:delegateExpression"}}]}
            """);

        assertThat(problems(delegateExpressions(List.of(template)))).containsExactly(
            "${sendConversationMessages} (template org.example.Broken): no bean sendConversationMessages in the app",
            "${recordCheckin} (template org.example.Broken): no bean recordCheckin in the app",
            "${deadlines} (template org.example.Broken): bean deadlines is no JavaDelegate or ExecutionListener",
            "${deadlines.checkIn()} (template org.example.Broken): not of the form ${beanName}");
    }

    /** Each delegate expression a template can set, with the template it comes from. */
    static Map<String, String> delegateExpressions(List<JsonNode> templates) {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode template : templates) {
            for (JsonNode property : template.path("properties")) {
                JsonNode binding = property.path("binding");
                boolean delegate = "camunda:delegateExpression".equals(binding.path("name").asText())
                    || "delegateExpression".equals(binding.path("implementationType").asText());
                if (!delegate) {
                    continue;
                }
                if (property.has("value")) {
                    expressions.putIfAbsent(property.path("value").asText(), template.path("id").asText());
                }
                for (JsonNode choice : property.path("choices")) {
                    expressions.putIfAbsent(choice.path("value").asText(), template.path("id").asText());
                }
            }
        }
        return expressions;
    }

    private List<String> problems(Map<String, String> expressions) {
        List<String> problems = new ArrayList<>();
        expressions.forEach((expression, templateId) -> {
            String where = expression + " (template " + templateId + "): ";
            Matcher bean = BEAN_EXPRESSION.matcher(expression);
            if (!bean.matches()) {
                problems.add(where + "not of the form ${beanName}");
            } else if (!context.containsBean(bean.group(1))) {
                problems.add(where + "no bean " + bean.group(1) + " in the app");
            } else if (!(context.getBean(bean.group(1)) instanceof JavaDelegate)
                && !(context.getBean(bean.group(1)) instanceof ExecutionListener)) {
                problems.add(where + "bean " + bean.group(1) + " is no JavaDelegate or ExecutionListener");
            }
        });
        return problems;
    }

    /** The templates of the project: a file holds one template or a list of them. */
    static List<JsonNode> projectTemplates() {
        List<JsonNode> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode json = JSON.readTree(file.toFile());
                if (json.isArray()) {
                    json.forEach(templates::add);
                } else {
                    templates.add(json);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(templates).as("element templates in " + TEMPLATES).isNotEmpty();
        return templates;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
