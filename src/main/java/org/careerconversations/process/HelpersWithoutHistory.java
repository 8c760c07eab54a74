package org.careerconversations.notification;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.careerconversations.process.ProcessIds;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} ({@code camunda.bpm.history-level}): everything "full" keeps,
 * except the instances of SendNotification. The record of a mail is its {@code notification} row (to whom,
 * what, when sent, delivery state, attempts); the instance that delivered it would repeat that in eight
 * history rows per mail, about a fifth of a cycle's history (docs/benchmarks.md). A mail that cannot be sent
 * still shows as an incident in Cockpit: incidents, jobs and instances are runtime data, kept as before.
 */
@Component
class MailDeliveryWithoutHistory extends AbstractProcessEnginePlugin {

    static final String NAME = "full-except-mail-delivery";
    /** Stored in ACT_GE_PROPERTY; the engine's own levels are 0 to 3. */
    static final int ID = 31;

    private static final String DEFINITION_PREFIX = ProcessIds.SEND_NOTIFICATION + ":";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(new Level());
    }

    static final class Level extends AbstractHistoryLevel {

        @Override
        public int getId() {
            return ID;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            // entity null: "does this level keep such events at all?" (parse time, operation log): yes, as full
            return !isMailDelivery(definitionOf(entity));
        }

        /** The ids the engine gives SendNotification's versions: "SendNotification:<version>:<uuid>". */
        static boolean isMailDelivery(String processDefinitionId) {
            return processDefinitionId != null && processDefinitionId.startsWith(DEFINITION_PREFIX);
        }

        private static String definitionOf(Object entity) {
            if (entity instanceof ExecutionEntity execution) {
                return execution.getProcessDefinitionId();
            }
            if (entity instanceof VariableInstanceEntity variable) {
                return variable.getProcessDefinitionId();
            }
            if (entity instanceof JobEntity job) {
                return job.getProcessDefinitionId();
            }
            if (entity instanceof IncidentEntity incident) {
                return incident.getProcessDefinitionId();
            }
            return null;
        }
    }
}
