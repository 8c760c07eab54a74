package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.careerconversations.CareerConversationsApplication;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The app started the way an operator starts it — profile {@code postgres}, configured from the environment,
 * on a real (embedded) PostgreSQL — and not the way the other tests do. Runs in a JVM of its own (surefire
 * execution "production-startup"): each test starts and stops its own app, whose engine is called "default"
 * like the shared test context's.
 */
class ProductionStartupTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void withoutAnAdminPasswordTheAppRefusesToStart() {
        assertThatThrownBy(() -> start("postgres"))
            .isInstanceOf(AdminPasswordRequirement.UnsafeStartRefused.class)
            .hasMessageContaining("No administrator password")
            .hasMessageContaining("CAREERS_ADMIN_PASSWORD");
    }

    @Test
    void theDemoPasswordIsNoAdminPassword() {
        assertThatThrownBy(() -> start("postgres", "--CAREERS_ADMIN_PASSWORD=demo"))
            .isInstanceOf(AdminPasswordRequirement.UnsafeStartRefused.class)
            .hasMessageContaining("too weak");
    }

    @Test
    void theDemoCannotRunOnTheProductionDatabase() {
        assertThatThrownBy(() -> start("demo,postgres", "--CAREERS_ADMIN_PASSWORD=" + PASSWORD))
            .isInstanceOf(AdminPasswordRequirement.UnsafeStartRefused.class)
            .hasMessageContaining("'demo' and 'postgres' cannot be combined");
    }

    @Test
    void withAnAdminPasswordItStartsAndNoDemoPasswordWorks() {
        try (ConfigurableApplicationContext app = start("postgres", "--CAREERS_ADMIN_PASSWORD=" + PASSWORD)) {
            EngineRest rest = new EngineRest("http://localhost" + ":"
                + app.getEnvironment().getProperty("local.server.port"));

            Answer users = rest.as("admin", PASSWORD).get("/engine-rest/user?maxResults=10");
            assertThat(users.status()).isEqualTo(200);
            assertThat(users.json().findValuesAsText("id")).as("no demo users").containsExactly("admin");
            // (a wrong password locks the user for a few seconds: the right one goes first)
            assertThat(rest.as("admin", "demo").get("/engine-rest/user?maxResults=10").status()).isEqualTo(401);
            assertThat(rest.as("eva", "demo").get("/engine-rest/user?maxResults=10").status()).isEqualTo(401);
            assertThat(WebappSession.login("http://localhost:" + app.getEnvironment().getProperty("local.server.port"),
                "admin", "admin", "demo").loginStatus).isNotEqualTo(200);
            // no mail server unless one is configured: mails are then logged without their text (MailLogTest)
            assertThat(app.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
        }
    }

    private static ConfigurableApplicationContext start(String profiles, String... arguments) {
        List<String> args = new ArrayList<>(List.of(
            "--spring.profiles.active=" + profiles,
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--server.port=0",
            "--management.server.port=0",
            "--camunda.bpm.job-execution.enabled=false"));
        args.addAll(List.of(arguments));
        return new SpringApplicationBuilder(CareerConversationsApplication.class).run(args.toArray(String[]::new));
    }
}
