package org.careerconversations.security;

import java.util.ArrayList;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A check of the app's in front of every engine command, whichever API it comes from (REST, the webapps,
 * Java): it runs before the command, outside the engine's transaction, and may refuse it before anything of
 * it happens, or look at what it answers.
 */
public abstract class EngineGuard extends AbstractProcessEnginePlugin {

    protected ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                return guard(command, () -> next.execute(command));
            }
        });
    }

    /** Refuses the command by throwing, or answers what {@code proceed} answers (or less of it). */
    protected abstract <T> T guard(Command<T> command, Supplier<T> proceed);
}
