package org.careerconversations.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.careerconversations.process.ProcessPrivileges;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Someone left: every authorization granted to them (conversations, tasks, filters, their own user) and their
 * group memberships go, and their password is replaced by a random one, so that they can no longer log in or
 * read anything. Their open tasks stay where they are: the org import hands them over ({@link Handover}), or ends
 * the leaver's own conversations. It runs as the app, whoever runs the import.
 */
@Component
public class Lockout {

    private final AuthorizationService authorizations;
    private final IdentityService identity;

    Lockout(AuthorizationService authorizations, IdentityService identity) {
        this.authorizations = authorizations;
        this.identity = identity;
    }

    @Transactional
    public void lockOut(String userId) {
        ProcessPrivileges.runAsTheProcess(identity, () -> {
            for (Authorization authorization : authorizations.createAuthorizationQuery().userIdIn(userId).list()) {
                authorizations.deleteAuthorization(authorization.getId());
            }
            for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
                identity.deleteMembership(userId, group.getId());
            }
            User user = identity.isReadOnly() ? null : identity.createUserQuery().userId(userId).singleResult();
            if (user != null) {
                user.setPassword(randomPassword());
                identity.saveUser(user);
            }
        });
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
