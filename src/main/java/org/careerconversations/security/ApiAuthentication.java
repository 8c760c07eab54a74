package org.careerconversations.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is calling the app: the one place that decides it for the app's own API and its pages.
 * <ul>
 *   <li>The API ({@code /api/**}): HTTP Basic with the Camunda user's password, or the session of someone
 *       logged into the webapps (then a state-changing call must carry the webapps' CSRF token in
 *       {@code X-XSRF-TOKEN}, as Cockpit sends it). Everything else answers 401.</li>
 *   <li>The people's pages ({@code /careers/**}): the webapps' session only, so the Tasklist login opens them
 *       and no browser ever shows a Basic prompt. A visitor without one is sent to Tasklist's login, and
 *       Tasklist's {@code scripts/careers-pages.js} brings them back to the page they asked for.</li>
 * </ul>
 * The caller becomes the engine's authenticated user for the request, so engine queries made on their behalf
 * see what their authorizations grant, and {@link CurrentUser} names them.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication {

    static final String API = "/api/*";
    static final String PAGES = "/careers/*";
    /** The page a visitor without a session asked for, read by Tasklist's script once they have logged in. */
    static final String RETURN_COOKIE = "careers-return-to";

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identity) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
        registration.setName("api-authentication");
        registration.addUrlPatterns(API);
        registration.setOrder(Integer.MIN_VALUE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PageAuthenticationFilter> pageAuthenticationFilter(IdentityService identity,
        @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<PageAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new PageAuthenticationFilter(identity, webappPath));
        registration.setName("page-authentication");
        registration.addUrlPatterns(PAGES);
        registration.setOrder(Integer.MIN_VALUE + 20);
        return registration;
    }

    /** The pages: the webapp session, or off to Tasklist's login. */
    static class PageAuthenticationFilter extends OncePerRequestFilter {

        private final IdentityService identity;
        private final String webappPath;

        PageAuthenticationFilter(IdentityService identity, String webappPath) {
            this.identity = identity;
            this.webappPath = webappPath;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
            Optional<String> user = sessionUser(request);
            if (user.isPresent()) {
                runAs(identity, user.get(), request, response, chain);
                return;
            }
            String asked = request.getRequestURI() + (request.getQueryString() == null ? ""
                : "?" + request.getQueryString());
            Cookie back = new Cookie(RETURN_COOKIE, URLEncoder.encode(asked, StandardCharsets.UTF_8));
            back.setPath("/");
            back.setMaxAge(600);
            back.setAttribute("SameSite", "Lax");
            response.addCookie(back);
            response.sendRedirect(request.getContextPath() + webappPath + "/app/tasklist/default/#/login");
        }
    }

    /** Runs the rest of the request as the user, with their groups, for the engine and {@link CurrentUser}. */
    private static void runAs(IdentityService identity, String user, HttpServletRequest request,
                              HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The user logged into the webapps in this request's session, if any. */
    private static Optional<String> sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
            : authentications.getAuthenticationForProcessEngine("default");
        return Optional.ofNullable(authentication).map(Authentication::getIdentityId);
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
            runAs(identity, user.get(), request, response, chain);
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
