package org.careerconversations.privacy;

import java.util.ArrayList;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The configured history time to live wins over {@code camunda:historyTimeToLive} in a model: every process
 * and decision a designer deploys gets {@code careers.retention.history-time-to-live} as it is deployed.
 * Definitions deployed earlier are brought in line at start by {@link Retention}.
 */
@Component
class HistoryTimeToLivePlugin extends AbstractProcessEnginePlugin {

    private final RetentionSettings settings;

    HistoryTimeToLivePlugin(RetentionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.setHistoryTimeToLive(settings.daysFor(processDefinition.getKey()));
            }
        });
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getDmnEngineConfiguration().getTransformer().getTransformListeners()
            .add(new DecisionTimeToLive());
    }

    private class DecisionTimeToLive implements DmnTransformListener {
        @Override
        public void transformDecision(Decision element, DmnDecision decision) {
            if (decision instanceof DecisionDefinitionEntity definition) {
                definition.setHistoryTimeToLive(settings.daysFor(definition.getKey()));
            }
        }

        @Override
        public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {
        }

        @Override
        public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {
        }

        @Override
        public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {
        }

        @Override
        public void transformDecisionRequirementsGraph(Definitions definitions, DmnDecisionRequirementsGraph graph) {
        }
    }
}
