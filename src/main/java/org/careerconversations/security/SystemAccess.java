package org.careerconversations.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls as the app itself rather than as the calling user: the engine checks authorizations
 * and writes user operation log entries only for an authenticated user. Use it only after the app has
 * decided, by its own rules, that the caller may have this done (e.g. HR erasing a departed employee).
 */
public final class SystemAccess {

    private SystemAccess() {
    }

    public static void run(IdentityService identity, Runnable action) {
        call(identity, () -> {
            action.run();
            return null;
        });
    }

    public static <T> T call(IdentityService identity, Supplier<T> action) {
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
}
