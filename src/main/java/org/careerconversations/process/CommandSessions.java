package org.careerconversations.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Objects the engine opens once per command ({@code commandContext.getSession(type)}), registered by engine
 * plugins in {@code preInit}; one registered for a type the engine has already replaces the engine's.
 */
public final class CommandSessions {

    public static void register(ProcessEngineConfigurationImpl configuration, Class<?> type,
                                Supplier<? extends Session> open) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return open.get();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** A session that only holds what one command found out: nothing to flush or close. */
    public abstract static class Memo implements Session {

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private CommandSessions() {
    }
}
