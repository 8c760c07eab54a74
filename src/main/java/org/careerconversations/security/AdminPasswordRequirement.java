package org.careerconversations.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * No default or demo password outside the {@code demo} profile. Runs while the environment is
 * prepared — before any bean, so before the engine creates the administrator — and stops the start with a
 * message that says what to set:
 * <ul>
 *   <li>outside {@code demo} the administrator's password must come from {@code CAREERS_ADMIN_PASSWORD}, keep
 *       the {@link PasswordRules} and not be the demo password;</li>
 *   <li>{@code demo} (every password "demo") cannot be combined with {@code postgres}, the profile for real
 *       data.</li>
 * </ul>
 * Registered in {@code META-INF/spring.factories}.
 */
public class AdminPasswordRequirement implements EnvironmentPostProcessor, Ordered {

    public static final String VARIABLE = "CAREERS_ADMIN_PASSWORD";
    static final int MIN_LENGTH = PasswordRules.MIN_LENGTH;
    private static final String DEMO_PASSWORD = "demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<String> profiles = new LinkedHashSet<>(Arrays.asList(environment.getActiveProfiles()));
        if (profiles.isEmpty()) {
            profiles.addAll(Arrays.asList(environment.getDefaultProfiles()));
        }
        if (profiles.contains("demo")) {
            if (profiles.contains("postgres")) {
                throw new UnsafeStartRefused("The profiles 'demo' and 'postgres' cannot be combined: the demo "
                    + "profile creates users whose password is 'demo'. Start with --spring.profiles.active=postgres "
                    + "and " + VARIABLE + " set.");
            }
            return;
        }
        String fromEnvironment = environment.getProperty(VARIABLE);
        if (isBlank(fromEnvironment)) {
            throw new UnsafeStartRefused("No administrator password: outside the 'demo' profile the app starts only "
                + "with the environment variable " + VARIABLE + " set (at least " + MIN_LENGTH + " characters). "
                + "Active profiles: " + profiles + ".");
        }
        if (DEMO_PASSWORD.equalsIgnoreCase(fromEnvironment.trim())) {
            throw new UnsafeStartRefused("The administrator password in " + VARIABLE + " is too weak: never use the "
                + "demo password.");
        }
        PasswordRules.broken("admin", fromEnvironment).ifPresent(rule -> {
            throw new UnsafeStartRefused("The administrator password in " + VARIABLE + " is too weak: " + rule);
        });
        String effective = environment.getProperty("camunda.bpm.admin-user.password");
        if (effective != null && !effective.equals(fromEnvironment)) {
            throw new UnsafeStartRefused("camunda.bpm.admin-user.password is set to something other than " + VARIABLE
                + ": outside the 'demo' profile the administrator password comes from " + VARIABLE + " only.");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public int getOrder() {
        // after the application*.yaml files are read, so that the profile files can be checked too
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Why the start was refused; the message says what to set. */
    public static class UnsafeStartRefused extends IllegalStateException {
        UnsafeStartRefused(String message) {
            super(message);
        }
    }

    /** Prints the refusal as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
    public static class Analyzer extends AbstractFailureAnalyzer<UnsafeStartRefused> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, UnsafeStartRefused cause) {
            return new FailureAnalysis(cause.getMessage(), "Set " + VARIABLE + " in the environment of the app "
                + "(for instance CAREERS_ADMIN_PASSWORD='a long, random secret'), or run the demo with the 'demo' "
                + "profile on its own H2 database.", cause);
        }
    }
}
