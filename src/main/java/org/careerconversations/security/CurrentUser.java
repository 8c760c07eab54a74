package org.careerconversations.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is calling the app's API (set by {@link ApiAuthentication}) and which groups they are in. */
@Component
public class CurrentUser {

    private final IdentityService identity;

    CurrentUser(IdentityService identity) {
        this.identity = identity;
    }

    public record Caller(String userId, List<String> groups) {
        public boolean isIn(String group) {
            return groups.contains(group);
        }

        public boolean isHr() {
            return isIn(Groups.HR) || isIn(Groups.ADMINS);
        }
    }

    /** The authenticated caller; empty outside an authenticated request. */
    public Optional<Caller> get() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return Optional.empty();
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        return Optional.of(new Caller(authentication.getUserId(), groups));
    }
}
