package org.careerconversations.process;

import java.util.ArrayList;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} ({@code camunda.bpm.history-level}): everything "full" keeps,
 * except two helpers' traces that repeat what is recorded elsewhere:
 * <ul>
 * <li>the instances of SendNotification: the record of a mail is its {@code notification} row (to whom, what,
 *     when sent, delivery state, attempts); the instance would repeat it in eight history rows per mail, about a
 *     fifth of a cycle's history (docs/benchmarks.md). A mail that cannot be sent is still an incident in
 *     Cockpit: incidents, jobs and instances are runtime data;</li>
 * <li>the job log of the reminder timers (reminder/ReminderDue): a job with no process instance would get no
 *     removal time, so its log would outlive every retention period. A reminder that is sent is a watch
 *     instance and a notification row, both kept;</li>
 * <li>the ReminderTimings decisions, taken for every task as it is created (in the conversation's command,
 *     so the engine would file them under the conversation, beside its ReviewCadence decision): the times they
 *     gave are on the task's watch, and the table itself says why.</li>
 * </ul>
 */
@Component
public class HelpersWithoutHistory extends AbstractProcessEnginePlugin {

    public static final String NAME = "full-except-helpers";
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
            if (entity instanceof JobEntity job && ProcessIds.REMINDER_DUE_JOB.equals(job.getJobHandlerType())) {
                return false;
            }
            if (entity instanceof DmnDecision decision && ProcessIds.REMINDER_TIMINGS.equals(decision.getKey())) {
                return false;
            }
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
