package org.careerconversations.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Per-conversation authorizations: the employee and their manager may read the conversation's process
 * instance and its history; nobody else but HR (who reads all through group grants). Tasks are granted by
 * the engine to their assignee.
 */
@Component
public class ConversationAccess {

    private final AuthorizationService authorizations;

    ConversationAccess(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** Lets the employee and the manager read one conversation; runs inside the engine's command. */
    public void grantConversation(String processInstanceId, String employeeId, String managerId) {
        withoutAuthorizationCheck(() -> {
            for (String userId : new String[] {employeeId, managerId}) {
                grant(userId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
                grant(userId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
                    HistoricProcessInstancePermissions.READ);
            }
        });
    }

    private void grant(String userId, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setUserId(userId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }

    /**
     * The delegates run in the command of whoever completed the step, and that person may not manage
     * authorizations; the grants are the process's doing, not theirs.
     */
    private static void withoutAuthorizationCheck(Runnable action) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            action.run();
            return;
        }
        boolean wasEnabled = commandContext.isAuthorizationCheckEnabled();
        commandContext.disableAuthorizationCheck();
        try {
            action.run();
        } finally {
            if (wasEnabled) {
                commandContext.enableAuthorizationCheck();
            }
        }
    }
}
