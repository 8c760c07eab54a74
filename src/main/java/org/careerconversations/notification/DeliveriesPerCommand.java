package org.careerconversations.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.careerconversations.process.CommandSessions;
import org.springframework.stereotype.Component;

/**
 * Gives each engine command a {@link Delivery} of its own ({@code commandContext.getSession(Delivery.class)}),
 * which {@link Notifications} fills with the command's mails.
 */
@Component
class DeliveriesPerCommand extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandSessions.register(configuration, Delivery.class, Delivery::new);
    }

    /** The SendNotification instance the mails of one command go into: begun with the command's first mail. */
    static final class Delivery extends CommandSessions.Memo {

        private ExecutionEntity instance;
        private final List<Long> ids = new ArrayList<>();
        private String businessKey;

        /** Adds the row to this delivery, if it has begun and has room; answers whether it did. */
        boolean add(long id, String rowBusinessKey, int capacity) {
            if (instance == null || ids.size() >= capacity) {
                return false;
            }
            ids.add(id);
            // the instance is new in this command: its variable and key are written once, with the last values
            instance.setVariable(Notifications.NOTIFICATION_IDS, Notifications.join(ids));
            if (businessKey != null && !Objects.equals(businessKey, rowBusinessKey)) {
                businessKey = null;
                instance.setProcessBusinessKey(null);
            }
            return true;
        }

        void begin(ExecutionEntity instance, long id, String businessKey) {
            this.instance = instance;
            this.ids.clear();
            this.ids.add(id);
            this.businessKey = businessKey;
        }
    }
}
