package org.careerconversations.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * What the app does on its own behalf, after it decided by its own rules that the caller may have it done: the
 * engine checks authorizations and writes its user operation log only for an authenticated user. A delegate runs
 * in the command of whoever completed the task before it, with that person's authorizations; a step such as
 * granting access or ending the previous cycle is the process's doing, not something that person may do through
 * the API. The one way to act as the app, for steps and for calls from outside the engine alike.
 */
public final class ProcessPrivileges {

    public static <T> T withoutAuthorizationCheck(Supplier<T> action) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            return action.get();
        }
        boolean wasEnabled = commandContext.isAuthorizationCheckEnabled();
        commandContext.disableAuthorizationCheck();
        try {
            return action.get();
        } finally {
            if (wasEnabled) {
                commandContext.enableAuthorizationCheck();
            }
        }
    }

    /**
     * The same for a call from outside the engine (a controller or a scheduled job) made while a user is
     * authenticated: the call runs without that user, then the user is authenticated again.
     */
    public static <T> T asTheProcess(IdentityService identity, Supplier<T> action) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return action.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** {@link #asTheProcess(IdentityService, Supplier)} for an action that answers nothing. */
    public static void runAsTheProcess(IdentityService identity, Runnable action) {
        asTheProcess(identity, () -> {
            action.run();
            return null;
        });
    }

    private ProcessPrivileges() {
    }
}
