package org.careerconversations.deployment;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.careerconversations.CareerConversationsApplication;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The beans a model's expressions can reach (the engine's {@code beans} map): the app's steps — its own
 * {@link JavaDelegate}s and listeners, by bean name — and the helpers of {@link DesignerExpressions#HELPERS}.
 * Without such a map the Spring Boot starter lets expressions reach every bean of the application context
 * (a {@code JdbcTemplate}, the engine's services). Beans are looked up when an expression asks for them, so
 * the map can be handed to the engine before the steps exist.
 */
final class ModelBeans extends AbstractMap<Object, Object> {

    private static final String APP_PACKAGE = CareerConversationsApplication.class.getPackageName() + ".";

    private final ListableBeanFactory beans;
    private final Map<String, Boolean> steps = new ConcurrentHashMap<>();

    ModelBeans(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Whether the name is one of the app's steps, which a delegate expression may name. */
    boolean isStep(String name) {
        return steps.computeIfAbsent(name, this::appDelegate);
    }

    private boolean appDelegate(String name) {
        if (!beans.containsBean(name)) {
            return false;
        }
        Class<?> type = beans.getType(name, false);
        return type != null && type.getName().startsWith(APP_PACKAGE)
            && (JavaDelegate.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type)
            || TaskListener.class.isAssignableFrom(type));
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && (DesignerExpressions.HELPERS.containsKey(name) || isStep(name));
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? beans.getBean((String) key) : null;
    }

    /** Every name in the map (the engine asks only when a script wants them all; designers have no scripts). */
    @Override
    public Set<Entry<Object, Object>> entrySet() {
        Set<String> names = new LinkedHashSet<>(DesignerExpressions.HELPERS.keySet());
        for (Class<?> type : Set.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class)) {
            for (String name : beans.getBeanNamesForType(type, false, false)) {
                if (isStep(name)) {
                    names.add(name);
                }
            }
        }
        return names.stream().map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name,
            beans.getBean(name))).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
