package org.careerconversations.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.careerconversations.security.sso.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is calling the app: the one place that decides it for the app's own API and its pages.
 * <ul>
 *   <li>The API ({@code /api/**}): HTTP Basic with the Camunda user's password (unless
 *       {@code careers.security.basic-auth} is off), a bearer token of the organisation's identity provider
 *       (with single sign-on, {@link SignedIn}), or the session of someone logged into the webapps (then a
 *       state-changing call must carry the webapps' CSRF token in {@code X-XSRF-TOKEN}, as Cockpit sends it).
 *       Everything else answers 401 — without {@code WWW-Authenticate}, so that a browser never asks for a
 *       password here and then sends it along with requests other sites make it send.</li>
 *   <li>The people's pages ({@code /careers/**}): the webapps' session only, so the Tasklist login opens them
 *       and no browser ever shows a Basic prompt. A visitor without one is sent to Tasklist's login (with single
 *       sign-on to Tasklist, which signs them in to the webapps), and Tasklist's {@code scripts/careers-pages.js}
 *       brings them back to the page they asked for.</li>
 * </ul>
 * The caller becomes the engine's authenticated user for the request, so engine queries made on their behalf
 * see what their authorizations grant, and {@link CurrentUser} names them.
 * <p>
 * A state-changing API call is refused before anything else when a browser says it comes from another site
 * ({@code Origin}, {@code Referer}, {@code Sec-Fetch-Site}), and when its body has a type that a page of
 * another site can send without asking (a form: {@code text/plain}, {@code application/x-www-form-urlencoded},
 * {@code multipart/form-data}): the API takes JSON, and CSV for the organisation import. Every API answer is
 * {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff}: it is about people.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication {

    static final String API = "/api/*";
    static final String PAGES = "/careers/*";
    /** The page a visitor without a session asked for, read by Tasklist's script once they have logged in. */
    static final String RETURN_COOKIE = "careers-return-to";

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identity,
        Environment environment, @Value("${careers.security.basic-auth:true}") boolean basicAuth) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
            new ApiAuthenticationFilter(identity, basicAuth, environment.acceptsProfiles(Profiles.of("sso"))));
        registration.setName("api-authentication");
        registration.addUrlPatterns(API);
        registration.setOrder(Integer.MIN_VALUE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PageAuthenticationFilter> pageAuthenticationFilter(IdentityService identity,
        @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath, Environment environment) {
        // with single sign-on Tasklist has no login form: opening it signs the person in to the webapps
        String login = environment.acceptsProfiles(Profiles.of("sso")) ? "" : "#/login";
        FilterRegistrationBean<PageAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new PageAuthenticationFilter(identity,
                webappPath + "/app/tasklist/default/" + login));
        registration.setName("page-authentication");
        registration.addUrlPatterns(PAGES);
        registration.setOrder(Integer.MIN_VALUE + 20);
        return registration;
    }

    /** The pages: the webapp session, or off to Tasklist's login. */
    static class PageAuthenticationFilter extends OncePerRequestFilter {

        private final IdentityService identity;
        private final String tasklistLogin;

        PageAuthenticationFilter(IdentityService identity, String tasklistLogin) {
            this.identity = identity;
            this.tasklistLogin = tasklistLogin;
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
            response.sendRedirect(request.getContextPath() + tasklistLogin);
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
        return WebappLogin.of(request).map(Authentication::getIdentityId);
    }

    static class ApiAuthenticationFilter extends OncePerRequestFilter {

        private static final Logger LOG = LoggerFactory.getLogger(ApiAuthentication.class);
        private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
        /** The types of body that any web page can send to another site without the browser asking first. */
        private static final Set<String> FORM_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data");

        private final IdentityService identity;
        private final boolean basicAuth;
        /** What a caller without credentials reads: the ways in that this app offers. */
        private final String authenticationRequired;

        ApiAuthenticationFilter(IdentityService identity, boolean basicAuth, boolean tokens) {
            this.identity = identity;
            this.basicAuth = basicAuth;
            this.authenticationRequired = "Authentication required: " + (tokens ? "a bearer token of your "
                + "organisation's identity provider, " : "") + (basicAuth ? "HTTP Basic with your user id and "
                + "password, " : "") + "or log in to Tasklist";
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (!SAFE_METHODS.contains(request.getMethod())) {
                if (fromAnotherSite(request)) {
                    refuse(request, response, HttpServletResponse.SC_FORBIDDEN,
                        "Requests from other sites are refused: use the app itself or a script with HTTP Basic");
                    return;
                }
                if (formBody(request)) {
                    refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON "
                        + "(Content-Type: application/json), or as text/csv for the organisation import");
                    return;
                }
            }
            // a script's call names its caller itself (token or password): no session, so no CSRF token
            Optional<String> scriptUser = SignedIn.byToken()
                .or(() -> basicAuth ? basicUser(request) : Optional.empty());
            Optional<String> user = scriptUser.isPresent() ? scriptUser : sessionUser(request);
            if (user.isEmpty()) {
                deny(response, HttpServletResponse.SC_UNAUTHORIZED, authenticationRequired);
                return;
            }
            if (scriptUser.isEmpty() && !SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request)) {
                refuse(request, response, HttpServletResponse.SC_FORBIDDEN,
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

        /** A browser's word that the request comes from a page of another site (a script sends none of these). */
        private static boolean fromAnotherSite(HttpServletRequest request) {
            if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
                return true;
            }
            String origin = request.getHeader("Origin");
            if (origin == null) {
                origin = request.getHeader("Referer");
            }
            return origin != null && !sameOrigin(origin, request);
        }

        private static boolean sameOrigin(String url, HttpServletRequest request) {
            try {
                URI from = URI.create(url.trim());
                return from.getScheme() != null && from.getHost() != null
                    && from.getScheme().equalsIgnoreCase(request.getScheme())
                    && from.getHost().equalsIgnoreCase(request.getServerName())
                    && port(from.getPort(), from.getScheme()) == port(request.getServerPort(), request.getScheme());
            } catch (IllegalArgumentException notAUrl) {
                return false;   // "null" (a sandboxed page) or worse
            }
        }

        private static int port(int port, String scheme) {
            return port > 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
        }

        private static boolean formBody(HttpServletRequest request) {
            String type = request.getContentType();
            if (type == null) {
                return false;
            }
            String mediaType = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
            return FORM_TYPES.contains(mediaType);
        }

        /** A refusal of a call that came with credentials or a login: one WARN line, as for the API's own. */
        private static void refuse(HttpServletRequest request, HttpServletResponse response, int status,
                                   String message) throws IOException {
            LOG.warn("{} {} refused: {}", request.getMethod(), EngineErrorMessages.resourceOf(request.getRequestURI()),
                status);
            deny(response, status, message);
        }

        private static void deny(HttpServletResponse response, int status, String message) throws IOException {
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
        }
    }
}
