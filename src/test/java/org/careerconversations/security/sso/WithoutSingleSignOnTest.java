package org.careerconversations.security.sso;

import static org.assertj.core.api.Assertions.assertThat;

import org.careerconversations.AppTest;
import org.careerconversations.security.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Without the profile {@code sso} (the demo, the default) Spring Security is on the classpath and does nothing:
 * no filter chain, no login page of its own, no generated password; the webapps' login form and HTTP Basic are
 * the ways in, as docs/access.md describes.
 */
class WithoutSingleSignOnTest extends AppTest {

    @Autowired
    ApplicationContext context;

    @Test
    void springSecurityStaysOutAndTheDemoLogsInAsBefore() {
        assertThat(context.containsBean("springSecurityFilterChain")).isFalse();
        assertThat(context.getBeansOfType(SecurityFilterChain.class)).isEmpty();
        for (String path : new String[] {"/login", "/oauth2/authorization/sso", "/sso/sign-in", "/sso/not-listed"}) {
            assertThat(rest().get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(rest().get("/engine-rest/task?maxResults=50").header("WWW-Authenticate"))
            .hasValue("Basic realm=\"default\"");
        assertThat(rest().as("eva").get("/engine-rest/task?maxResults=50").status()).isEqualTo(200);
        assertThat(rest().as("eva").get("/api/my-conversations").status()).isEqualTo(200);
        assertThat(WebappSession.login("http://localhost:" + port, "tasklist", "eva", "demo").loginStatus())
            .isEqualTo(200);
    }
}
