package org.careerconversations.operations;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.careerconversations.privacy.PersonalDataStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The webapps' sessions live in the database (Spring Session JDBC, tables {@code spring_session*}), so that
 * whoever is logged in to Tasklist stays logged in when the node that served them goes away and the load
 * balancer sends them to another. Each session row names its Camunda user in {@code principal_name}; an
 * erasure deletes that person's sessions, an export lists them, and someone who leaves the organisation is
 * signed out everywhere at once.
 */
@Configuration(proxyBeanMethods = false)
public class WebappSessions implements PersonalDataStore {

    /** Where the webapps keep their login in the session (Camunda's {@code AuthenticationUtil}). */
    private static final String WEBAPP_LOGIN = "authenticatedUser";
    /** Where Spring Security keeps a single sign-on in the session. */
    private static final String SPRING_SECURITY_SIGN_IN =
        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private final JdbcTemplate jdbc;

    WebappSessions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The session's user: the webapps' login, or — with single sign-on, before a webapp was opened — the person
     * Spring Security signed in (named by their Camunda user id).
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> camundaUserAsSessionPrincipal() {
        return repository -> repository.setIndexResolver(session -> {
            Object login = session.getAttribute(WEBAPP_LOGIN);
            Authentication user = login instanceof Authentications authentications
                ? authentications.getAuthenticationForProcessEngine("default") : null;
            Object signedIn = session.getAttribute(SPRING_SECURITY_SIGN_IN);
            String userId = user != null ? user.getIdentityId()
                : signedIn instanceof SecurityContext context && context.getAuthentication() != null
                ? context.getAuthentication().getName() : null;
            return userId == null ? Map.of()
                : Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, userId);
        });
    }

    @Override
    public String name() {
        return "webappSessions";
    }

    @Override
    public Object export(String employeeId, List<Long> conversationIds) {
        return jdbc.queryForList("select creation_time, last_access_time, expiry_time from spring_session "
            + "where principal_name = ? order by creation_time", employeeId);
    }

    @Override
    public int forgetConversations(List<Long> conversationIds) {
        return 0;
    }

    @Override
    public int erase(String employeeId, Subject subject) {
        return end(employeeId);
    }

    /**
     * Ends every session of this person on every node (the webapps', and the single sign-on's, which is the same
     * session): their next request is someone's who is not logged in. Answers how many there were.
     */
    public int end(String userId) {
        jdbc.update("delete from spring_session_attributes where session_primary_id in "
            + "(select primary_id from spring_session where principal_name = ?)", userId);
        return jdbc.update("delete from spring_session where principal_name = ?", userId);
    }
}
