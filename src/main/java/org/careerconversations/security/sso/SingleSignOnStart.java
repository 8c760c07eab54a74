package org.careerconversations.security.sso;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With the profile {@code sso} the app starts only when it knows its identity provider: the issuer and the
 * client's id and secret. Otherwise the start stops at once with a message that says what to set, instead of a
 * stack trace about a placeholder. Registered in {@code META-INF/spring.factories}.
 */
public class SingleSignOnStart implements EnvironmentPostProcessor, Ordered {

    /** Each setting the profile needs, and the environment variable that application-sso.yaml reads it from. */
    private static final Map<String, String> NEEDED = new LinkedHashMap<>();

    static {
        NEEDED.put("spring.security.oauth2.client.provider.sso.issuer-uri", "CAREERS_SSO_ISSUER_URI");
        NEEDED.put("spring.security.oauth2.client.registration.sso.client-id", "CAREERS_SSO_CLIENT_ID");
        NEEDED.put("spring.security.oauth2.client.registration.sso.client-secret", "CAREERS_SSO_CLIENT_SECRET");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("sso")) {
            return;
        }
        List<String> missing = new ArrayList<>();
        NEEDED.forEach((property, variable) -> {
            String value;
            try {
                value = environment.getProperty(property);
            } catch (IllegalArgumentException unresolved) {
                value = null;
            }
            if (value == null || value.isBlank()) {
                missing.add(variable);
            }
        });
        if (!missing.isEmpty()) {
            throw new ProviderMissing("Single sign-on (profile 'sso') needs the organisation's identity provider: "
                + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not set.");
        }
    }

    @Override
    public int getOrder() {
        // after the application*.yaml files are read, so that application-sso.yaml is there
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Why the start was refused; the message says what to set. */
    public static class ProviderMissing extends IllegalStateException {
        ProviderMissing(String message) {
            super(message);
        }
    }

    /** Prints the refusal as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
    public static class Analyzer extends AbstractFailureAnalyzer<ProviderMissing> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, ProviderMissing cause) {
            return new FailureAnalysis(cause.getMessage(), "Set CAREERS_SSO_ISSUER_URI (the provider's issuer, e.g. "
                + "https://login.example.org/realms/example), CAREERS_SSO_CLIENT_ID and CAREERS_SSO_CLIENT_SECRET (the "
                + "app's client at the provider), as docs/operating.md, \"Single sign-on\" describes; or start without "
                + "the profile 'sso'.", cause);
        }
    }
}
