package org.careerconversations.security.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** Single sign-on without its provider's settings stops the start with what to set, not with a stack trace. */
class ProviderSettingsMissingTest {

    @Test
    void aMissingProviderSettingIsNamed() {
        Throwable unresolved = catchThrowable(() -> new MockEnvironment()
            .resolveRequiredPlaceholders("${CAREERS_SSO_ISSUER_URI}"));

        FailureAnalysis analysis = new ProviderSettingsMissing().analyze(unresolved);

        assertThat(analysis.getDescription()).isEqualTo("Single sign-on (profile 'sso') needs the organisation's "
            + "identity provider: CAREERS_SSO_ISSUER_URI is not set.");
        assertThat(analysis.getAction()).contains("CAREERS_SSO_CLIENT_ID", "docs/operating.md");
    }

    @Test
    void otherPlaceholdersAreLeftToSpringBoot() {
        Throwable unresolved = catchThrowable(() -> new MockEnvironment()
            .resolveRequiredPlaceholders("${SPRING_DATASOURCE_URL}"));

        assertThat(new ProviderSettingsMissing().analyze(unresolved)).isNull();
    }
}
