package org.careerconversations.security.sso;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID provider in the test JVM: Spring Authorization Server with its own login page, on an embedded
 * Tomcat at {@code 127.0.0.1} (the app runs at {@code localhost}, so that a browser keeps the two sites' cookies
 * apart, as it would for two hosts). It knows the demo people, {@code mark} by his e-mail address as Microsoft
 * Entra ID names people, and {@code zoe}, whom the organisation does not list. The app is registered as a
 * confidential client that must use PKCE; {@code careers-cli} is a public client, as a command-line integration
 * would be, that gets a person's access token for the app through the same login.
 */
final class OpenIdProvider implements AutoCloseable {

    static final String CLIENT_ID = "career-conversations";
    static final String CLIENT_SECRET = "client-secret-of-the-test-provider";
    static final String CLI_CLIENT = "careers-cli";
    static final String CLI_REDIRECT = "http://127.0.0.1/cli-callback";
    static final String PASSWORD = "provider-password";
    /** The provider group that makes someone a process owner (careers.security.sso.groups.process-owners). */
    static final String PROCESS_OWNERS_GROUP = "careers-process-owners";

    /** Each account: the claims the provider puts into its tokens besides {@code sub}. */
    static final Map<String, Map<String, Object>> ACCOUNTS = accounts();

    private final Tomcat tomcat;
    private final AnnotationConfigApplicationContext context;
    private final String issuer;

    private OpenIdProvider(Tomcat tomcat, AnnotationConfigApplicationContext context, String issuer) {
        this.tomcat = tomcat;
        this.context = context;
        this.issuer = issuer;
    }

    private static Map<String, Map<String, Object>> accounts() {
        Map<String, Map<String, Object>> accounts = new LinkedHashMap<>();
        for (String id : List.of("eva", "erik", "emma", "emil", "elin", "maria", "dora", "hugo", "admin")) {
            accounts.put(id, Map.of("preferred_username", id, "email", id + "@example.org"));
        }
        accounts.put("mark", Map.of("preferred_username", "mark@example.org", "email", "mark@example.org"));
        for (String owner : List.of("hanna", "olga", "emma")) {
            accounts.put(owner, Map.of("preferred_username", owner, "email", owner + "@example.org",
                "groups", List.of(PROCESS_OWNERS_GROUP)));
        }
        accounts.put("zoe", Map.of("preferred_username", "zoe", "email", "zoe@elsewhere.example"));
        return accounts;
    }

    /** Starts the provider; {@code appBaseUrl} is where the app runs (its redirect URIs). */
    static OpenIdProvider start(String appBaseUrl) {
        try {
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(Files.createTempDirectory("openid-provider").toString());
            tomcat.setHostname("127.0.0.1");
            tomcat.getConnector().setProperty("address", "127.0.0.1");
            tomcat.getConnector().setPort(0);
            Context web = tomcat.addContext("", null);
            web.setSessionCookieName("PROVIDERSESSION");
            AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
            Filter security = (request, response, chain) ->
                context.getBean("springSecurityFilterChain", Filter.class).doFilter(request, response, chain);
            FilterDef filter = new FilterDef();
            filter.setFilterName("security");
            filter.setFilter(security);
            web.addFilterDef(filter);
            FilterMap everything = new FilterMap();
            everything.setFilterName("security");
            everything.addURLPattern("/*");
            web.addFilterMap(everything);
            Tomcat.addServlet(web, "nothing", new HttpServlet() {
                @Override
                protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            });
            web.addServletMappingDecoded("/", "nothing");
            tomcat.start();
            String issuer = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("provider",
                Map.of("provider.issuer", issuer, "provider.app", appBaseUrl)));
            context.register(Setup.class);
            context.refresh();
            return new OpenIdProvider(tomcat, context, issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return issuer;
    }

    @Override
    public void close() throws LifecycleException {
        context.close();
        tomcat.stop();
        tomcat.destroy();
    }

    // --- tokens ---

    /**
     * An access token for the app, as an integration gets it: the authorization code flow with PKCE through the
     * provider's login page, as {@code user}.
     */
    String accessToken(String user) {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String state = UUID.randomUUID().toString();
        String authorize = issuer + "/oauth2/authorize?response_type=code&client_id=" + CLI_CLIENT + "&scope=openid"
            + "&state=" + state + "&redirect_uri=" + encode(CLI_REDIRECT) + "&code_challenge="
            + challenge(verifier) + "&code_challenge_method=S256";
        HttpResponse<String> toLogin = get(http, authorize);
        String loginPage = get(http, issuer + "/login").body();
        HttpResponse<String> loggedIn = post(http, issuer + "/login", "username=" + encode(user) + "&password="
            + encode(PASSWORD) + "&_csrf=" + encode(csrfToken(loginPage)));
        HttpResponse<String> withCode = get(http, location(loggedIn));
        String code = parameter(location(withCode), "code");
        if (toLogin.statusCode() != 302 || code == null) {
            throw new IllegalStateException("No authorization code for " + user + ": " + location(withCode));
        }
        HttpResponse<String> token = post(http, issuer + "/oauth2/token", "grant_type=authorization_code&code="
            + encode(code) + "&redirect_uri=" + encode(CLI_REDIRECT) + "&client_id=" + CLI_CLIENT + "&code_verifier="
            + encode(verifier));
        try {
            return new ObjectMapper().readTree(token.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A token of this provider for {@code user} made by the test with the provider's own key (or, {@code forged},
     * with another key under the same key id), its claims changed by {@code change}: an expired one, one for
     * another audience or from another issuer.
     */
    String token(String user, boolean forged, Consumer<JwtClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(issuer).subject(user).audience(List.of(CLIENT_ID))
            .issuedAt(now).notBefore(now).expiresAt(now.plusSeconds(300));
        ACCOUNTS.getOrDefault(user, Map.of()).forEach(claims::claim);
        change.accept(claims);
        RSAKey key = forged ? rsaKey(Setup.KEY_ID) : context.getBean(RSAKey.class);
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(Setup.KEY_ID).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    /**
     * A browser's way in without a browser: from {@code start} (an address of the app) through the redirects and
     * the provider's login page as {@code user}, up to the app's callback with the provider's code, which is
     * answered (not followed). {@code http} keeps the cookies of both sites and follows no redirect.
     */
    String callback(HttpClient http, String start, String user) {
        URI app = URI.create(start);
        String callback = app.getScheme() + "://" + app.getAuthority() + "/login/oauth2/code/";
        String url = start;
        for (int hop = 0; hop < 10; hop++) {
            HttpResponse<String> response = get(http, url);
            if (response.statusCode() != 302) {
                throw new IllegalStateException("No way to the provider (" + response.statusCode() + " at " + url
                    + "): " + response.body());
            }
            url = URI.create(url).resolve(location(response)).toString();
            if (url.startsWith(issuer + "/login")) {
                String loginPage = get(http, url).body();
                url = URI.create(url).resolve(location(post(http, issuer + "/login", "username=" + encode(user)
                    + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrfToken(loginPage))))).toString();
            }
            if (url.startsWith(callback)) {
                return url;
            }
        }
        throw new IllegalStateException("Too many redirects from " + start);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String csrfToken(String loginPage) {
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
        if (!token.find()) {
            throw new IllegalStateException("The provider's login page has no CSRF token: " + loginPage);
        }
        return token.group(1);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
            new IllegalStateException("No redirect (" + response.statusCode() + "): " + response.body()));
    }

    static String parameter(String url, String name) {
        Matcher value = Pattern.compile("[?&]" + name + "=([^&#]+)").matcher(url);
        return value.find() ? java.net.URLDecoder.decode(value.group(1), StandardCharsets.UTF_8) : null;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(HttpClient http, String url) {
        return send(http, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A GET that accepts this media type, as a browser opening a page or a script calling an API. */
    static HttpResponse<String> send(HttpClient http, String url, String accept) {
        return send(http, HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET());
    }

    static HttpResponse<String> post(HttpClient http, String url, String form) {
        return send(http, HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(keyId).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The provider: Spring Authorization Server's endpoints, its login page, the accounts and the two clients. Not a
     * {@code @Configuration}, so that the app's component scan (which sees the test classes) leaves it alone.
     */
    @EnableWebSecurity
    static class Setup {

        static final String KEY_ID = "provider-key";

        @Bean
        @Order(1)
        SecurityFilterChain endpoints(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain loginPage(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService accounts() {
            return new InMemoryUserDetailsManager(ACCOUNTS.keySet().stream()
                .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build()).toList());
        }

        @Bean
        RegisteredClientRepository clients(org.springframework.core.env.Environment environment) {
            String app = environment.getRequiredProperty("provider.app");
            RegisteredClient careers = RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(app + "/login/oauth2/code/sso")
                .postLogoutRedirectUri(app + "/sso/signed-out")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(pkceWithoutConsent())
                .build();
            RegisteredClient cli = RegisteredClient.withId(CLI_CLIENT).clientId(CLI_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(CLI_REDIRECT).scope(OidcScopes.OPENID)
                .clientSettings(pkceWithoutConsent())
                .build();
            return new InMemoryRegisteredClientRepository(careers, cli);
        }

        private static ClientSettings pkceWithoutConsent() {
            return ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build();
        }

        /** The people's claims in every token; an access token names the app as its audience. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                Map<String, Object> account = ACCOUNTS.getOrDefault(context.getPrincipal().getName(), Map.of());
                account.forEach((name, value) -> context.getClaims().claim(name, value));
                if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    context.getClaims().audience(List.of(CLIENT_ID));
                }
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    context.getClaims().claim("name", context.getPrincipal().getName());
                }
            };
        }

        @Bean
        RSAKey signingKey() {
            return rsaKey(KEY_ID);
        }

        @Bean
        JWKSource<SecurityContext> keys(RSAKey signingKey) {
            return new ImmutableJWKSet<>(new JWKSet(signingKey));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings(org.springframework.core.env.Environment environment) {
            return AuthorizationServerSettings.builder().issuer(environment.getRequiredProperty("provider.issuer"))
                .build();
        }
    }
}
