package org.careerconversations.security.sso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the single sign-on tests: the whole app with the demo organisation as {@link AppTest} has it, with the
 * profile {@code sso} against a real OpenID provider that runs in the same JVM ({@link OpenIdProvider}). HTTP
 * Basic is off, as the profile has it. The app runs on a port chosen before it starts, because the provider knows
 * the app's redirect addresses and the mails link to the app. Every subclass keeps exactly this configuration, so
 * that they share one Spring context; they run in a JVM of their own (pom.xml), beside none of the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles(value = {"demo", "test", "sso"}, inheritProfiles = false)
public abstract class SsoAppTest extends AppTest {

    static final int APP_PORT = freePort();
    static final String APP = "http://localhost:" + APP_PORT;
    static final OpenIdProvider PROVIDER = OpenIdProvider.start(APP);

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> APP_PORT);
        properties.add("management.server.port", () -> 0);
        properties.add("CAREERS_SSO_ISSUER_URI", PROVIDER::issuer);
        properties.add("CAREERS_SSO_CLIENT_ID", () -> OpenIdProvider.CLIENT_ID);
        properties.add("CAREERS_SSO_CLIENT_SECRET", () -> OpenIdProvider.CLIENT_SECRET);
        properties.add("careers.notifications.tasklist-base-url", () -> APP + "/camunda/app/tasklist/default/");
        properties.add("careers.security.sso.groups-claim", () -> "groups");
        properties.add("careers.security.sso.groups.process-owners", () -> OpenIdProvider.PROCESS_OWNERS_GROUP);
    }

    /** The engine REST API and the app's API with {@code user}'s access token from the provider. */
    protected EngineRest withToken(String user) {
        return rest().withHeader("Authorization", "Bearer " + PROVIDER.accessToken(user));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
