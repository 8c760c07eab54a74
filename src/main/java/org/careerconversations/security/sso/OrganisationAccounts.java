package org.careerconversations.security.sso;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Who an account of the identity provider is here. The provider authenticates; the organisation (the org
 * import) says who is who: the claim {@link SsoSettings#userClaim()} names an employee by id or e-mail address,
 * and that employee's Camunda user, with the groups the app gives it, is the one who signs in. Someone the
 * organisation does not list is refused, and so is an employee who has left; people an administrator created in
 * Admin (outside the organisation's list, like the administrator) are found by their user id or e-mail address.
 * Nobody is ever created here.
 */
@Component
@Profile("sso")
class OrganisationAccounts {

    /** Why an account does not get in: what the person reads, and what the log says. */
    enum Refusal {
        NOT_LISTED("the organisation does not list the account"),
        LEFT("the account's employee has left the organisation");

        static final String WORDS = "Your account is not in the organisation's list — ask your HR partner.";

        final String logged;

        Refusal(String logged) {
            this.logged = logged;
        }
    }

    /** The refusal of a sign-in or a token; {@code subject} is the provider's id of the account, for the log. */
    static final class Refused extends AuthenticationException {

        private static final long serialVersionUID = 1L;

        final Refusal refusal;
        final String subject;

        Refused(Refusal refusal, String subject) {
            super(Refusal.WORDS);
            this.refusal = refusal;
            this.subject = subject;
        }
    }

    private final SsoSettings settings;
    private final JdbcTemplate jdbc;
    private final IdentityService identity;

    OrganisationAccounts(SsoSettings settings, JdbcTemplate jdbc, IdentityService identity) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.identity = identity;
    }

    /**
     * The Camunda user id of the person these claims name, after their groups that follow the provider were set.
     *
     * @throws Refused when the organisation does not list them or they have left
     */
    String userId(Map<String, Object> claims) {
        Object named = claims.get(settings.userClaim());
        String value = named instanceof String text ? text.trim() : "";
        String subject = String.valueOf(claims.get("sub"));
        if (value.isEmpty()) {
            throw new Refused(Refusal.NOT_LISTED, subject);
        }
        String userId = find(value, subject);
        if (settings.mapsGroups()) {
            followProviderGroups(userId, claims.get(settings.groupsClaim()));
        }
        return userId;
    }

    private String find(String value, String subject) {
        List<Map<String, Object>> employees = jdbc.queryForList("select id, active from employee where id = ?", value);
        if (employees.isEmpty()) {
            employees = jdbc.queryForList("select id, active from employee where lower(email) = lower(?)", value);
        }
        if (employees.size() == 1) {
            Map<String, Object> employee = employees.get(0);
            if (!Boolean.TRUE.equals(employee.get("active"))) {
                throw new Refused(Refusal.LEFT, subject);
            }
            String id = (String) employee.get("id");
            if (identity.createUserQuery().userId(id).count() == 0) {
                throw new Refused(Refusal.NOT_LISTED, subject);
            }
            return id;
        }
        if (!employees.isEmpty()) {
            throw new Refused(Refusal.NOT_LISTED, subject);   // one address for several people names nobody
        }
        // someone outside the organisation's list whom an administrator created in Admin
        User user = identity.createUserQuery().userId(value).singleResult();
        if (user == null) {
            List<User> byEmail = identity.createUserQuery().userEmail(value).list();
            user = byEmail.size() == 1 ? byEmail.get(0) : null;
        }
        if (user == null) {
            throw new Refused(Refusal.NOT_LISTED, subject);
        }
        List<Boolean> employee = jdbc.queryForList("select active from employee where id = ?", Boolean.class,
            user.getId());
        if (!employee.isEmpty() && !Boolean.TRUE.equals(employee.get(0))) {
            throw new Refused(Refusal.LEFT, subject);
        }
        return user.getId();
    }

    /** The mapped groups are what the provider says: memberships are added and removed to match. */
    private void followProviderGroups(String userId, Object claim) {
        Set<String> providerGroups = new HashSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> providerGroups.add(String.valueOf(v)));
        } else if (claim instanceof String single) {
            providerGroups.add(single);
        }
        Set<String> current = new HashSet<>(identity.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId).toList());
        settings.groups().forEach((group, providerGroup) -> {
            boolean wanted = providerGroups.contains(providerGroup);
            try {
                if (wanted && !current.contains(group)) {
                    identity.createMembership(userId, group);
                } else if (!wanted && current.contains(group)) {
                    identity.deleteMembership(userId, group);
                }
            } catch (DataIntegrityViolationException | org.camunda.bpm.engine.ProcessEngineException raced) {
                // a parallel sign-in of the same person set it already
            }
        });
    }
}
