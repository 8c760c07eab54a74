package org.careerconversations.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** The person logged in to the webapps (Tasklist, Cockpit, Admin) in this request's session, if anyone. */
final class WebappLogin {

    static final String ENGINE = "default";

    private WebappLogin() {
    }

    static Optional<UserAuthentication> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
            : authentications.getAuthenticationForProcessEngine(ENGINE);
        return authentication instanceof UserAuthentication user ? Optional.of(user) : Optional.empty();
    }
}
