package org.careerconversations.security.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The person Spring Security signed in, as the rest of the app and Camunda see them: a Camunda user id. A
 * browser signs in with OpenID Connect ({@link Person}, kept in the session); a script or an integration sends a
 * bearer token with each call ({@link Caller}, for that call only). Camunda's authentication filters ask the
 * providers below; without single sign-on nobody is ever signed in here.
 */
public final class SignedIn {

    private SignedIn() {
    }

    /** The caller of this request by bearer token, if any. */
    public static Optional<String> byToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof Caller caller ? Optional.of(caller.getName()) : Optional.empty();
    }

    /** The person signed in to this browser session with the identity provider, if any. */
    static Optional<String> inBrowser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Person person
            ? Optional.of(person.getName()) : Optional.empty();
    }

    /** A browser's sign-in: the provider's ID token, named by the organisation's user id. */
    static final class Person extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;

        private final String userId;

        Person(String userId, OidcUser signedIn, Collection<? extends GrantedAuthority> authorities) {
            super(authorities, signedIn.getIdToken(), signedIn.getUserInfo());
            this.userId = userId;
        }

        @Override
        public String getName() {
            return userId;
        }
    }

    /** A call with a bearer token, named by the organisation's user id. */
    static final class Caller extends AbstractAuthenticationToken {

        private static final long serialVersionUID = 1L;

        private final String userId;
        private final Jwt token;

        Caller(String userId, Jwt token) {
            super(java.util.List.of());
            this.userId = userId;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return userId;
        }

        @Override
        public String getName() {
            return userId;
        }
    }

    /**
     * The bridge to the webapps (Camunda's {@code ContainerBasedAuthenticationFilter}): the person signed in to
     * this browser session is the webapps' user; Camunda reads their groups and apps itself.
     */
    public static class WebappProvider implements AuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            return inBrowser().map(AuthenticationResult::successful).orElseGet(AuthenticationResult::unsuccessful);
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            // the sign-in is the provider's: nothing to ask here
        }
    }

    /** The engine REST API with bearer tokens only. */
    public static class TokenProvider implements AuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            return byToken().map(AuthenticationResult::successful).orElseGet(AuthenticationResult::unsuccessful);
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + engine.getName() + "\"");
        }
    }

    /** The engine REST API with bearer tokens, or HTTP Basic where passwords are still allowed. */
    public static class TokenOrBasicProvider extends TokenProvider {

        private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            AuthenticationResult token = super.extractAuthenticatedUser(request, engine);
            return token.isAuthenticated() ? token : basic.extractAuthenticatedUser(request, engine);
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            super.augmentResponseByAuthenticationChallenge(response, engine);
            response.addHeader("WWW-Authenticate", "Basic realm=\"" + engine.getName() + "\"");
        }
    }
}
