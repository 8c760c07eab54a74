package org.careerconversations.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Steps the process takes on its own behalf. A delegate runs in the command of whoever completed the task
 * before it, with that person's authorizations; a step such as granting access or ending the previous
 * cycle is the process's doing, already checked by the app, not something that person may do through the
 * API.
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

    private ProcessPrivileges() {
    }
}
