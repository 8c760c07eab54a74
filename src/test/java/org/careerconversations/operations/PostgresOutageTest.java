package org.careerconversations.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.PostgresDatabase;
import org.careerconversations.security.WebappSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL stops under the running app (through the embedded server's own controls, keeping its data and
 * port) and comes back: meanwhile readiness is DOWN and the engine REST API, the app's API and the webapps'
 * API answer 503 with a reason within seconds; once it is back they answer again within seconds, and the
 * webapp login made before the outage still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class PostgresOutageTest {

    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(5);
    private static final Path DATA = dataDirectory();
    private static final int PORT = PostgresDatabase.freePort();
    private static EmbeddedPostgres postgres = startPostgres();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
        FileSystemUtils.deleteRecursively(DATA);
    }

    @Test
    void whileTheDatabaseIsDownEveryCallIsAnswered503WithAReasonAndAfterItAllWorksAgain() throws Exception {
        EngineRest app = new EngineRest("http://localhost:" + port);
        EngineRest management = new EngineRest("http://localhost:" + managementPort);
        WebappSession maria = WebappSession.login("http://localhost:" + port, "tasklist", "maria", "demo");
        assertThat(maria.loginStatus()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(webappTaskCount(maria).status()).isEqualTo(200);

        postgres.close();

        for (int round = 0; round < 2; round++) {
            assertRefused(() -> app.as("eva").get("/engine-rest/task?maxResults=10"));
            assertRefused(() -> app.as("hanna").get("/api/reports/kpis"));
            assertRefused(() -> webappTaskCount(maria));
        }
        Answer readiness = timed(() -> management.get("/actuator/health/readiness"));
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
        assertThat(readiness.json().path("components").path("database").path("status").asText()).isEqualTo("DOWN");
        assertThat(management.get("/actuator/health/liveness").status()).as("alive: no restart needed").isEqualTo(200);

        postgres = startPostgres();
        long back = System.nanoTime();
        Awaitility.await().atMost(ANSWERED_WITHIN).pollInterval(Duration.ofMillis(100))
            .until(() -> app.as("eva").get("/engine-rest/task?maxResults=10").status() == 200);
        assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(ANSWERED_WITHIN);
        assertThat(webappTaskCount(maria).status()).as("the login kept in the database").isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    private static void assertRefused(Supplier<Answer> call) {
        Answer answer = timed(call);
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.message()).isEqualTo("The database cannot be reached; try again in a minute");
    }

    private static Answer timed(Supplier<Answer> call) {
        long start = System.nanoTime();
        Answer answer = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within").isLessThan(ANSWERED_WITHIN);
        return answer;
    }

    private Answer webappTaskCount(WebappSession session) {
        return session.getAt("http://localhost:" + port, "/camunda/api/engine/engine/default/task/count");
    }

    private static EmbeddedPostgres startPostgres() {
        return PostgresDatabase.startKeeping(DATA, PORT);
    }

    private static Path dataDirectory() {
        try {
            return Files.createTempDirectory("careers-outage-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
