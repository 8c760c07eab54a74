package org.careerconversations.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication for the app's own API ({@code /api/**}): HTTP Basic with the Camunda user's password, or
 * the session of someone logged into the webapps (then a state-changing call must carry the webapps' CSRF
 * token in {@code X-XSRF-TOKEN}, as Cockpit sends it). The caller becomes the engine's authenticated user
 * for the request, so engine queries made on their behalf see what their authorizations grant.
 * Everything else answers 401.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication {

    static final String API = "/api/*";

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identity) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
        registration.setName("api-authentication");
        registration.addUrlPatterns(API);
        registration.setOrder(Integer.MIN_VALUE + 20);
        return registration;
    }

    static class ApiAuthenticationFilter extends OncePerRequestFilter {

        private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

        private final IdentityService identity;

        ApiAuthenticationFilter(IdentityService identity) {
            this.identity = identity;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
            Optional<String> basicUser = basicUser(request);
            Optional<String> user = basicUser.isPresent() ? basicUser : sessionUser(request);
            if (user.isEmpty()) {
                deny(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "Authentication required: HTTP Basic with your user id and password, or log in to Tasklist");
                return;
            }
            if (basicUser.isEmpty() && !SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request)) {
                deny(response, HttpServletResponse.SC_FORBIDDEN,
                    "Missing or wrong X-XSRF-TOKEN header for a call made with the webapp login");
                return;
            }
            List<String> groups = identity.createGroupQuery().groupMember(user.get()).list().stream()
                .map(Group::getId).toList();
            identity.setAuthentication(user.get(), groups);
            try {
                chain.doFilter(request, response);
            } finally {
                identity.clearAuthentication();
            }
        }

        private Optional<String> basicUser(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return Optional.empty();
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon <= 0) {
                    return Optional.empty();
                }
                String userId = decoded.substring(0, colon);
                return identity.checkPassword(userId, decoded.substring(colon + 1)) ? Optional.of(userId)
                    : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private static Optional<String> sessionUser(HttpServletRequest request) {
            return WebappLogin.of(request).map(Authentication::getIdentityId);
        }

        private static boolean csrfTokenMatches(HttpServletRequest request) {
            Object expected = request.getSession(false).getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
            String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
            return expected != null && given != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
        }

        private static void deny(HttpServletResponse response, int status, String message) throws IOException {
            response.setStatus(status);
            if (status == HttpServletResponse.SC_UNAUTHORIZED) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Career Conversations\"");
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
        }
    }
}
