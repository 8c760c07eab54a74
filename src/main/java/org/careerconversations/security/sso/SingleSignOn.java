package org.careerconversations.security.sso;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Single sign-on with the organisation's OpenID provider (profile {@code sso}; without it Spring Security is not
 * configured at all). Two filter chains:
 * <ul>
 *   <li><b>Tokens</b> on {@code /engine-rest/**} and {@code /api/**}: a call with {@code Authorization: Bearer}
 *       carries a JWT of the provider (issuer, signature, expiry and audience checked:
 *       {@code spring.security.oauth2.resourceserver.jwt.*}), which names the person for that call only; a bad
 *       token answers 401 with the reason ({@link TokenRefusals}). Calls without a token go on to the engine's
 *       and the app's own authentication (HTTP Basic where {@code careers.security.basic-auth} allows it, the
 *       webapps' session for {@code /api}).</li>
 *   <li><b>Browsers</b> everywhere else: the webapps, the people's pages and the rest need a sign-in with the
 *       provider (authorization code flow with PKCE, {@code spring.security.oauth2.client.*}). A visitor without
 *       one gets a page that sends them to the provider and brings them back to the address they asked for,
 *       a mail's link to a task included ({@link SignInPages}). The webapps learn who signed in through
 *       Camunda's {@link ContainerBasedAuthenticationFilter}; signing out — also with the webapps' own logout
 *       link — ends the session here and, where the provider offers it, there.</li>
 * </ul>
 * The organisation says who someone is ({@link OrganisationAccounts}); anyone it does not list is refused.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sso")
@EnableConfigurationProperties(SsoSettings.class)
class SingleSignOn {

    private static final Logger LOG = LoggerFactory.getLogger(SingleSignOn.class);

    /** The organisation's provider's client registration ({@code spring.security.oauth2.client.registration.sso}). */
    static final String REGISTRATION = "sso";
    /** Where the provider's sign-in starts (Spring Security's endpoint for the registration). */
    static final String AUTHORIZATION = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI
        + "/" + REGISTRATION;
    /** Tells the webapps' script that the login form is not used here (see app/careers/single-sign-on.js). */
    static final String MARKER_COOKIE = "careers-sso";
    /** The provider's sign-out address, kept for a moment after the webapps' logout call ended the session. */
    static final String SIGN_OUT_COOKIE = "careers-sso-sign-out";

    private final String webappPath;

    SingleSignOn(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.webappPath = webappPath;
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokens(HttpSecurity http, OrganisationAccounts accounts) throws Exception {
        http.securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/api/**")))
            // who may call what is the engine's and the app's own filters' to say, with or without a token
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtAuthenticationConverter(token ->
                    new SignedIn.Caller(accounts.userId(token.getClaims()), token)))
                .authenticationEntryPoint(new TokenRefusals()))
            // a token names its caller for one call; the session of a browser is the other chain's
            .securityContext(context -> context
                .securityContextRepository(new RequestAttributeSecurityContextRepository()))
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .csrf(csrf -> csrf.disable())          // /api checks its own (security/ApiAuthentication)
            .headers(headers -> headers.disable()) // the APIs set their own
            .anonymous(anonymous -> anonymous.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browsers(HttpSecurity http, OrganisationAccounts accounts,
                                 ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        RequestMatcher passwordForm = path(HttpMethod.POST, webappPath + "/api/admin/auth/user/*/login/*");
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(path("/sso/**"), path("/error"), path("/favicon.ico"),
                    // health and metrics answer on the management port only (docs/operating.md)
                    path("/actuator/**")).permitAll()
                .requestMatchers(passwordForm).denyAll()
                .anyRequest().authenticated())
            .oauth2Login(login -> login
                .loginPage(SignInPages.SIGN_IN)
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(people(accounts)))
                .successHandler(signedIn())
                .failureHandler(refused()))
            .logout(logout -> logout
                .logoutRequestMatcher(new OrRequestMatcher(path(HttpMethod.POST, SignInPages.SIGN_OUT),
                    path(HttpMethod.POST, webappPath + "/api/admin/auth/user/*/logout")))
                .logoutSuccessHandler(signOut(registrations)))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(new SignInPages.SignInFirst())
                // the webapps' password login, the only address closed to everyone: refused as the webapps refuse
                .accessDeniedHandler((request, response, denied) -> TokenRefusals.answer(response,
                    HttpServletResponse.SC_FORBIDDEN, "You are not allowed to do this.")))
            .requestCache(cache -> cache.disable())   // the way back is the sign-in page's (SignInPages)
            .csrf(csrf -> csrf.disable())             // the webapps and /api check their own tokens
            .headers(headers -> headers.disable());   // the webapps and the pages set their own
        return http.build();
    }

    /**
     * The bridge to the webapps: Camunda's filter makes the signed-in person the webapps' user (with the groups
     * and apps Camunda reads for them) before the webapps' own filters look at the session.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsSignedInUser() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("webapps-signed-in-user");
        registration.addUrlPatterns(webappPath + "/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            SignedIn.WebappProvider.class.getName());
        // after Spring Security (spring.security.filter.order), before the app's and the webapps' own filters
        registration.setOrder(Integer.MIN_VALUE + 12);
        return registration;
    }

    /** The provider's account, named by the organisation: someone it does not list does not sign in. */
    private static OAuth2UserService<OidcUserRequest, OidcUser> people(OrganisationAccounts accounts) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser account = provider.loadUser(request);
            return new SignedIn.Person(accounts.userId(account.getClaims()), account, account.getAuthorities());
        };
    }

    /** Back to where the person was going (a mail's link to a task included), or to Tasklist. */
    private AuthenticationSuccessHandler signedIn() {
        return (request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            Object returnTo = session == null ? null : session.getAttribute(SignInPages.RETURN_TO);
            if (session != null) {
                session.removeAttribute(SignInPages.RETURN_TO);
            }
            Cookie marker = cookie(request, MARKER_COOKIE, "on", "/", -1);
            marker.setHttpOnly(false);
            response.addCookie(marker);
            response.sendRedirect(returnTo instanceof String path ? path
                : request.getContextPath() + webappPath + "/app/tasklist/default/");
        };
    }

    /**
     * A sign-in that did not work: someone the organisation does not list (or who left) reads that; a broken
     * callback (a wrong state, a code used twice, a token of another issuer) reads that it did not work. Either
     * way nothing is kept — no session — and the log gets one line.
     */
    private static AuthenticationFailureHandler refused() {
        return (request, response, exception) -> {
            boolean signedInBefore = signedIn(request.getSession(false));
            if (exception instanceof OrganisationAccounts.Refused refused) {
                LOG.warn("Sign-in refused: {} (subject at the identity provider: {})", refused.refusal.logged,
                    refused.subject);
                endSession(request);
                response.sendRedirect(request.getContextPath() + SignInPages.NOT_LISTED);
                return;
            }
            LOG.warn("Sign-in with the identity provider failed: {}", code(exception));
            if (!signedInBefore) {
                endSession(request);
            }
            response.sendRedirect(request.getContextPath() + SignInPages.FAILED);
        };
    }

    /** Whether someone signed in with this session before (Spring Security has cleared the request's context). */
    private static boolean signedIn(HttpSession session) {
        Object context = session == null ? null
            : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext signedIn && signedIn.getAuthentication() != null
            && signedIn.getAuthentication().getPrincipal() instanceof SignedIn.Person;
    }

    private static String code(AuthenticationException exception) {
        return exception instanceof OAuth2AuthenticationException oauth2 ? oauth2.getError().getErrorCode()
            : exception.getClass().getSimpleName();
    }

    private static void endSession(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /**
     * After the session here has ended: to the provider's sign-out (with the ID token, so that it knows whom),
     * which sends the browser back to {@code /sso/signed-out}. A sign-out form goes there at once; the webapps'
     * logout is a background call, so their script (app/careers/single-sign-on.js) continues from
     * {@code /sso/session-ended}, which finds the provider's address in a short-lived cookie.
     */
    private LogoutSuccessHandler signOut(ClientRegistrationRepository registrations) {
        ProviderSignOut provider = new ProviderSignOut(registrations);
        provider.setPostLogoutRedirectUri("{baseUrl}" + SignInPages.SIGNED_OUT);
        provider.setDefaultTargetUrl(SignInPages.SIGNED_OUT);
        return (request, response, authentication) -> {
            String target = provider.target(request, response, authentication);
            if (!target.startsWith("http")) {
                target = request.getContextPath() + target;
            }
            if (request.getRequestURI().startsWith(request.getContextPath() + webappPath + "/")) {
                response.addCookie(cookie(request, SIGN_OUT_COOKIE, URLEncoder.encode(target, StandardCharsets.UTF_8),
                    "/sso/", 300));
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
            response.sendRedirect(target);
        };
    }

    static Cookie cookie(HttpServletRequest request, String name, String value, String path, int maxAge) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(request.getContextPath() + path);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        cookie.setMaxAge(maxAge);
        return cookie;
    }

    /** Spring Security's RP-initiated logout, asked only for the address. */
    private static final class ProviderSignOut extends OidcClientInitiatedLogoutSuccessHandler {

        ProviderSignOut(ClientRegistrationRepository registrations) {
            super(registrations);
        }

        String target(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
            return determineTargetUrl(request, response, authentication);
        }
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
