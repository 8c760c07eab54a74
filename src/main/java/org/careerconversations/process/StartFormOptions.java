package org.careerconversations.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Start forms that offer the caller's own choices. Tasklist renders a start form without any input data (it
 * asks the engine for variables of task forms only), so a select whose options come from data
 * ({@code "valuesKey"}) would stay empty. When the engine hands out a deployed start form (Tasklist, the REST
 * API, the Java API alike), a select whose {@code valuesKey} one of the {@link Source}s knows gets that
 * source's options for the person asking, as fixed {@code "values"}; everything else in the form stays as the
 * designer deployed it. The options are worked out when the form is asked for, so a form that a designer
 * redeploys keeps them, and a form only offers what the server accepts on submit.
 */
@Component
public class StartFormOptions extends AbstractProcessEnginePlugin {

    /** One option of a select: the words people read, and the value submitted. */
    public record Option(String label, String value) {
    }

    /** Options a start form's select can ask for by its {@code valuesKey}. */
    public interface Source {

        String valuesKey();

        /** The options for this caller ({@code userId} and groups), in the order they are shown. */
        List<Option> options(String userId, List<String> groups);

        /** What the field says instead of its description when there is nothing to choose. */
        String whenEmpty();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Source> sources;

    StartFormOptions(List<Source> sources) {
        this.sources = sources.stream().collect(Collectors.toMap(Source::valuesKey, Function.identity()));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                T result = next.execute(command);
                if (command instanceof GetDeployedStartFormCmd && result instanceof InputStream form) {
                    @SuppressWarnings("unchecked")
                    T filled = (T) fill(form, Optional.ofNullable(
                        configuration.getIdentityService().getCurrentAuthentication()));
                    return filled;
                }
                return result;
            }
        });
    }

    /** The form with the caller's options in every select that asks for a known {@code valuesKey}. */
    InputStream fill(InputStream form, Optional<Authentication> caller) {
        try (form) {
            byte[] bytes = form.readAllBytes();
            JsonNode schema;
            try {
                schema = JSON.readTree(bytes);
            } catch (IOException notJson) {
                return new ByteArrayInputStream(bytes);   // an embedded or generated form: not ours to change
            }
            if (!(schema instanceof ObjectNode) || !fillComponents(schema.path("components"), caller)) {
                return new ByteArrayInputStream(bytes);
            }
            return new ByteArrayInputStream(JSON.writeValueAsBytes(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean fillComponents(JsonNode components, Optional<Authentication> caller) {
        boolean changed = false;
        for (JsonNode component : components) {
            if (component instanceof ObjectNode field && sources.containsKey(field.path("valuesKey").asText())) {
                Source source = sources.get(field.path("valuesKey").asText());
                List<Option> options = caller.filter(a -> a.getUserId() != null)
                    .map(a -> source.options(a.getUserId(), a.getGroupIds() == null ? List.of() : a.getGroupIds()))
                    .orElse(List.of());
                ArrayNode values = field.putArray("values");
                options.forEach(o -> values.addObject().put("label", o.label()).put("value", o.value()));
                field.remove("valuesKey");
                if (options.isEmpty()) {
                    field.put("description", source.whenEmpty());
                }
                changed = true;
            }
            changed |= fillComponents(component.path("components"), caller);
        }
        return changed;
    }
}
