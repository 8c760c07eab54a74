package org.careerconversations.security.sso;

import java.util.Map;
import java.util.Set;
import org.careerconversations.security.Groups;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the identity provider's accounts meet the organisation ({@code careers.security.sso.*}).
 *
 * @param userClaim   the claim of the ID token (and of an integration's bearer token) that names the person: its
 *                    value is matched to an employee id or e-mail address of the organisation
 * @param groupsClaim the claim that lists the person's groups at the provider; empty: the app's groups only
 * @param groups      which provider group makes someone a member of {@code process-owners},
 *                    {@code process-designers} or {@code camunda-admin}; with a groups claim these groups follow
 *                    the provider at every sign-in
 */
@ConfigurationProperties("careers.security.sso")
public record SsoSettings(String userClaim, String groupsClaim, Map<String, String> groups) {

    /** The groups a provider may decide; the organisation import decides employees, managers and hr. */
    public static final Set<String> MAPPABLE = Set.of(Groups.PROCESS_OWNERS, Groups.PROCESS_DESIGNERS, Groups.ADMINS);

    public SsoSettings {
        userClaim = userClaim == null || userClaim.isBlank() ? "preferred_username" : userClaim.trim();
        groupsClaim = groupsClaim == null ? "" : groupsClaim.trim();
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        for (String group : groups.keySet()) {
            if (!MAPPABLE.contains(group)) {
                throw new IllegalArgumentException("careers.security.sso.groups." + group + ": only " + MAPPABLE
                    + " can follow the identity provider's groups");
            }
        }
    }

    boolean mapsGroups() {
        return !groupsClaim.isEmpty() && !groups.isEmpty();
    }
}
