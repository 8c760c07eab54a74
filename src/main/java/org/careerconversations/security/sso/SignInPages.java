package org.careerconversations.security.sso;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of single sign-on, open to everyone: signing in (on to the provider, and back to the page someone
 * asked for), the refusal of an account the organisation does not list, a sign-in that did not work, and
 * signing out.
 */
@Controller
@Profile("sso")
class SignInPages {

    static final String SIGN_IN = "/sso/sign-in";
    static final String NOT_LISTED = "/sso/not-listed";
    static final String FAILED = "/sso/sign-in-failed";
    static final String SIGN_OUT = "/sso/sign-out";
    static final String SIGNED_OUT = "/sso/signed-out";
    static final String SESSION_ENDED = "/sso/session-ended";
    /** The session attribute with the address to return to after the provider's sign-in. */
    static final String RETURN_TO = SignInPages.class.getName() + ".returnTo";

    private final ClientRegistrationRepository registrations;

    SignInPages(ClientRegistrationRepository registrations) {
        this.registrations = registrations;
    }

    /** On to the provider; {@code to} is the page (with its {@code #…} part) to come back to. */
    @GetMapping(SIGN_IN)
    String signIn(@RequestParam(required = false) String to, HttpServletRequest request) {
        Optional<String> back = ownPage(request, to);
        if (SignedIn.inBrowser().isPresent()) {
            return "redirect:" + back.orElse(request.getContextPath() + "/");
        }
        back.ifPresent(path -> request.getSession().setAttribute(RETURN_TO, path));
        return "redirect:" + SingleSignOn.AUTHORIZATION;
    }

    @GetMapping(NOT_LISTED)
    String notListed(Model model, HttpServletResponse response) {
        return page(model, response, HttpServletResponse.SC_FORBIDDEN, "Not in the organisation's list",
            OrganisationAccounts.Refusal.WORDS, "Your organisation's identity provider knows you, but Career "
                + "Conversations does not: HR adds people from the organisation's list.", false);
    }

    @GetMapping(FAILED)
    String failed(Model model, HttpServletResponse response) {
        return page(model, response, HttpServletResponse.SC_UNAUTHORIZED, "Signing in did not work",
            "Your organisation's identity provider did not confirm who you are.",
            "This happens when a sign-in link is used twice or is too old. Nothing was changed.", true);
    }

    @GetMapping(SIGNED_OUT)
    String signedOut(Model model, HttpServletResponse response) {
        return page(model, response, HttpServletResponse.SC_OK, "Signed out",
            "You have signed out of Career Conversations.", null, true);
    }

    /**
     * Where the webapps' script goes when a webapp would show its own login form: after their logout link on to
     * the provider's sign-out, otherwise (the session ended by itself) to sign in again.
     */
    @GetMapping(SESSION_ENDED)
    String sessionEnded(@RequestParam(required = false) String to, HttpServletRequest request,
                        HttpServletResponse response) {
        Optional<String> signOut = Arrays.stream(Optional.ofNullable(request.getCookies()).orElse(new Cookie[0]))
            .filter(c -> c.getName().equals(SingleSignOn.SIGN_OUT_COOKIE)).map(Cookie::getValue).findFirst()
            .map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8));
        if (signOut.isPresent()) {
            response.addCookie(SingleSignOn.cookie(request, SingleSignOn.SIGN_OUT_COOKIE, "", "/sso/", 0));
            String target = signOut.get();
            if (target.startsWith(providerSignOut().orElse("\u0000"))
                || target.equals(request.getContextPath() + SIGNED_OUT)) {
                return "redirect:" + target;
            }
        }
        return "redirect:" + SIGN_IN + ownPage(request, to).map(path -> "?to="
            + URLEncoder.encode(path, StandardCharsets.UTF_8)).orElse("");
    }

    private Optional<String> providerSignOut() {
        ClientRegistration registration = registrations.findByRegistrationId(SingleSignOn.REGISTRATION);
        Object endSession = registration == null ? null
            : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        return Optional.ofNullable(endSession).map(Object::toString);
    }

    private static String page(Model model, HttpServletResponse response, int status, String title, String message,
                               String detail, boolean signInAgain) {
        response.setStatus(status);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'");
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("detail", detail);
        model.addAttribute("signInAgain", signInAgain);
        return "sso/page";
    }

    /** A page of this app to go back to — never another site. */
    static Optional<String> ownPage(HttpServletRequest request, String to) {
        if (to == null || to.isBlank()) {
            return Optional.empty();
        }
        String root = request.getContextPath() + "/";
        boolean own = to.startsWith(root) && !to.startsWith("//") && !to.contains("\\")
            && to.chars().noneMatch(c -> c < 0x20 || c == 0x7f) && !to.startsWith(root + "/")
            && !to.startsWith(request.getContextPath() + "/sso/");
        return own ? Optional.of(to) : Optional.empty();
    }

    /**
     * Someone not signed in. A browser opening a page gets a page that sends it to the provider with the address
     * it asked for, {@code #…} included (a server never sees that part: Tasklist's links to a task live there);
     * calls of the webapps' own APIs get 401.
     */
    static final class SignInFirst implements AuthenticationEntryPoint {

        private static final String PAGE = read("/templates/sso/sign-in.html");

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response,
                             AuthenticationException notSignedIn) throws IOException {
            String accept = String.valueOf(request.getHeader(HttpHeaders.ACCEPT));
            if (!"GET".equals(request.getMethod()) || !accept.contains("text/html")) {
                TokenRefusals.answer(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "Sign in with your organisation's account first.");
                return;
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("Content-Security-Policy", "default-src 'self'; object-src 'none'; base-uri 'self'; "
                + "frame-ancestors 'none'");
            response.getWriter().write(PAGE.replace("{root}", request.getContextPath()));
        }

        private static String read(String resource) {
            try (InputStream page = SignInFirst.class.getResourceAsStream(resource)) {
                return new String(page.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
