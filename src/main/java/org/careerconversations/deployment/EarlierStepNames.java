package org.careerconversations.deployment;

import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A conversation runs to its end on the version of the model it started with, and a version deployed before a
 * step was renamed calls the step by its earlier name: those names stay names of the same steps. The forms of
 * such a version need nothing of the kind, because a task finds its form in its own deployment
 * ({@code formRefBinding="deployment"}), where the earlier form is. Why and how: docs/decisions/0001-renamed-steps.md.
 */
@Configuration(proxyBeanMethods = false)
class EarlierStepNames {

    /** A step's earlier name, and its name now (as in bpmn/). */
    static final Map<String, String> RENAMED = Map.of(
        "openConversationRecord", "openRecord",
        "employeePreparation", "prepareEmployee",
        "managerPreparation", "prepareManager");

    @Bean
    static BeanFactoryPostProcessor stepAliases() {
        return beans -> RENAMED.forEach((earlier, now) -> beans.registerAlias(now, earlier));
    }
}
