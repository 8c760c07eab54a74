package org.careerconversations.security;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who runs an engine command, for the app's checks in front of the engine's own: a person
 * (the REST API, the webapps) or the app itself (no authenticated user: the job executor, the app's own
 * code, which is trusted). See {@link EngineGuard}.
 */
public record EngineCaller(String userId, List<String> groups, boolean administrator) {

    /** The person running commands on this thread now; empty for the app itself. */
    public static Optional<EngineCaller> current(ProcessEngineConfigurationImpl configuration) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (!configuration.isAuthorizationEnabled() || user == null || user.getUserId() == null) {
            return Optional.empty();
        }
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        boolean administrator = groups.stream().anyMatch(configuration.getAdminGroups()::contains)
            || configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(user.getUserId());
        return Optional.of(new EngineCaller(user.getUserId(), groups, administrator));
    }

    /**
     * A field of an engine command (the engine offers no getters for most of them). A field that is gone
     * fails loudly: the check must then be looked at against the new engine version.
     */
    public static Object field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + type.getSimpleName(), e);
            }
        }
        throw new IllegalStateException("The engine's " + command.getClass().getSimpleName() + " has no field "
            + name + " any more: check the app's guard against this engine version");
    }
}
