package org.careerconversations.step;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server names fields as the forms in forms/ do: every field a form submits has its label in
 * {@link FieldLabels} (so a refusal never falls back to a variable key), the same words where the form shows
 * a label, and the same words for every option of a choice.
 */
class FieldLabelsTest {

    private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "select", "radio",
        "checkbox", "datetime", "expression", "checklist", "taglist");

    @Test
    void everySubmittedFieldOfEveryFormHasItsLabelAndOptionWords() throws IOException {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.sorted().toList()) {
                check(form.getFileName().toString(), new ObjectMapper().readTree(form.toFile()).path("components"),
                    null, checked);
            }
        }
        assertThat(checked).as("fields checked").hasSizeGreaterThan(40);
    }

    private static void check(String form, JsonNode components, String list, List<String> checked) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if ("dynamiclist".equals(type)) {
                String path = component.path("path").asText();
                assertThat(FieldLabels.has(path)).as("%s: a label for the list %s", form, path).isTrue();
                check(form, component.path("components"), path, checked);
                continue;
            }
            check(form, component.path("components"), list, checked);
            if (!INPUTS.contains(type) || component.path("disabled").asBoolean(false)) {
                continue;
            }
            String key = (list == null ? "" : list + ".") + component.path("key").asText();
            checked.add(form + ":" + key);
            assertThat(FieldLabels.has(key)).as("%s: a label for %s", form, key).isTrue();
            String label = component.path("label").asText("");
            if (!label.isEmpty() && !label.contains("{{")) {
                assertThat(FieldLabels.of(key)).as("%s: the label of %s", form, key).isEqualTo(label);
            }
            for (JsonNode option : component.path("values")) {
                assertThat(FieldLabels.option(key, option.path("value").asText()))
                    .as("%s: the words of %s = %s", form, key, option.path("value").asText())
                    .contains(option.path("label").asText());
            }
        }
    }
}
