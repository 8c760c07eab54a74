package org.careerconversations.security.sso;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.PlaceholderResolutionException;

/**
 * With the profile {@code sso} but without the identity provider's settings the start stops at a placeholder of
 * application-sso.yaml; this prints Spring Boot's "APPLICATION FAILED TO START" report with what to set instead of
 * a stack trace. Registered in {@code META-INF/spring.factories}.
 */
public class ProviderSettingsMissing extends AbstractFailureAnalyzer<PlaceholderResolutionException> {

    private static final String VARIABLES = "CAREERS_SSO_";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PlaceholderResolutionException cause) {
        String missing = cause.getPlaceholder();
        if (missing == null || !missing.startsWith(VARIABLES)) {
            return null;
        }
        return new FailureAnalysis("Single sign-on (profile 'sso') needs the organisation's identity provider: "
            + missing + " is not set.", "Set CAREERS_SSO_ISSUER_URI (the provider's issuer, e.g. "
            + "https://login.example.org/realms/example), CAREERS_SSO_CLIENT_ID and CAREERS_SSO_CLIENT_SECRET (the "
            + "app's client at the provider), as docs/operating.md, \"Single sign-on\" describes; or start without "
            + "the profile 'sso'.", cause);
    }
}
