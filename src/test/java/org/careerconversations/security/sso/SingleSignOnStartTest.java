package org.careerconversations.security.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** The profile sso starts only with its provider's settings, and says which ones are missing. */
class SingleSignOnStartTest {

    private final SingleSignOnStart check = new SingleSignOnStart();

    @Test
    void withoutTheProviderTheStartIsRefusedInWords() {
        MockEnvironment environment = new MockEnvironment()
            .withProperty("spring.security.oauth2.client.provider.sso.issuer-uri", "${CAREERS_SSO_ISSUER_URI}")
            .withProperty("spring.security.oauth2.client.registration.sso.client-id", "career-conversations")
            .withProperty("spring.security.oauth2.client.registration.sso.client-secret", "");
        environment.setActiveProfiles("postgres", "sso");

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, null))
            .isInstanceOf(SingleSignOnStart.ProviderMissing.class)
            .hasMessage("Single sign-on (profile 'sso') needs the organisation's identity provider: "
                + "CAREERS_SSO_ISSUER_URI, CAREERS_SSO_CLIENT_SECRET are not set.")
            .satisfies(refused -> {
                FailureAnalysis analysis = new SingleSignOnStart.Analyzer().analyze(refused);
                assertThat(analysis.getAction()).contains("docs/operating.md");
            });
    }

    @Test
    void withTheProviderOrWithoutTheProfileItStarts() {
        MockEnvironment environment = new MockEnvironment()
            .withProperty("spring.security.oauth2.client.provider.sso.issuer-uri", "https://login.example.org/realms/x")
            .withProperty("spring.security.oauth2.client.registration.sso.client-id", "career-conversations")
            .withProperty("spring.security.oauth2.client.registration.sso.client-secret", "secret");
        environment.setActiveProfiles("postgres", "sso");
        assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(environment, null));

        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(demo, null));
    }
}
