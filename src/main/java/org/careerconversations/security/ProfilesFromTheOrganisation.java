package org.careerconversations.security;

import jakarta.ws.rs.core.Response.Status;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.careerconversations.process.ProcessPrivileges;
import org.springframework.stereotype.Component;

/**
 * Names and e-mail addresses come from the organisation (the org import, the demo data); people change
 * their password, nothing else. The engine lets every user update their own profile, so eva could appear
 * to her manager as "Hanna Hart (HR)" or have her mails sent elsewhere. For a person saving a user:
 * <ul>
 *   <li>a changed first name, last name or e-mail address is refused (403) unless they are an
 *       administrator;</li>
 *   <li>a new password must keep {@link PasswordRules} (400 with the rule), administrators' included.</li>
 * </ul>
 * The app's own saves (the org import, the demo data, no user) are not checked here.
 */
@Component
class ProfilesFromTheOrganisation extends EngineGuard {

    @Override
    protected <T> T guard(Command<T> command, Supplier<T> proceed) {
        Optional<EngineCaller> caller = EngineCaller.current(configuration);
        if (caller.isPresent() && command instanceof SaveUserCmd
            && EngineCaller.field(command, "user") instanceof UserEntity user) {
            if (!caller.get().administrator() && profileChanged(user)) {
                throw new InvalidRequestException(Status.FORBIDDEN, "Names and e-mail addresses come from the "
                    + "organisation: HR changes them there. You can change your password.");
            }
            if (user.hasNewPassword()) {
                PasswordRules.broken(user.getId(), (String) EngineCaller.field(user, "newPassword"))
                    .ifPresent(rule -> {
                        throw new BadUserRequestException(rule);
                    });
            }
        }
        return proceed.get();
    }

    private boolean profileChanged(UserEntity user) {
        User stored = ProcessPrivileges.asTheProcess(configuration.getIdentityService(),
            () -> configuration.getIdentityService().createUserQuery().userId(user.getId()).singleResult());
        return stored != null && (!Objects.equals(stored.getFirstName(), user.getFirstName())
            || !Objects.equals(stored.getLastName(), user.getLastName())
            || !Objects.equals(stored.getEmail(), user.getEmail()));
    }
}
