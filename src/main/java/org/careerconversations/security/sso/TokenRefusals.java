package org.careerconversations.security.sso;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.proc.BadJWSException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.careerconversations.security.EngineErrorMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A bearer token that does not get in: 401 with the reason in a sentence ("The token has expired …") and one
 * WARN line saying what kind of call was refused why — never the token or whom it names.
 */
class TokenRefusals implements AuthenticationEntryPoint {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRefusals.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Reason {
        EXPIRED("expired", "The token has expired: get a new one from your organisation's identity provider."),
        NOT_YET_VALID("not yet valid", "The token is not valid yet: check the clock of the machine that made it."),
        OTHER_ISSUER("another issuer", "The token comes from another identity provider than the one this app "
            + "trusts."),
        OTHER_AUDIENCE("another audience", "The token was issued for another application, not for this one."),
        SIGNATURE("signature", "The token's signature does not match the keys of the identity provider."),
        NOT_LISTED("not in the organisation", OrganisationAccounts.Refusal.WORDS),
        UNREADABLE("unreadable", "The token cannot be read: send the access token of your organisation's identity "
            + "provider as 'Authorization: Bearer <token>'.");

        final String logged;
        final String words;

        Reason(String logged, String words) {
            this.logged = logged;
            this.words = words;
        }
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
        throws IOException {
        Reason reason = reasonFor(refused);
        LOG.warn("{} {} refused: 401 (bearer token: {})", request.getMethod(),
            EngineErrorMessages.resourceOf(request.getRequestURI()), reason.logged);
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        answer(response, HttpServletResponse.SC_UNAUTHORIZED, reason.words);
    }

    static Reason reasonFor(AuthenticationException refused) {
        if (refused instanceof OrganisationAccounts.Refused) {
            return Reason.NOT_LISTED;
        }
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                for (OAuth2Error error : invalid.getErrors()) {
                    String description = String.valueOf(error.getDescription());
                    if (description.startsWith("Jwt expired")) {
                        return Reason.EXPIRED;
                    }
                    if (description.startsWith("Jwt used before")) {
                        return Reason.NOT_YET_VALID;
                    }
                    if (description.contains("iss claim")) {
                        return Reason.OTHER_ISSUER;
                    }
                    if (description.contains("aud claim")) {
                        return Reason.OTHER_AUDIENCE;
                    }
                }
            }
            if (cause instanceof BadJWSException) {
                return Reason.SIGNATURE;
            }
        }
        return Reason.UNREADABLE;
    }

    /** A refusal as the app's APIs answer: JSON with the status and a sentence. */
    static void answer(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.writeValueAsString(Map.of("status", status, "message", message)));
    }
}
