package org.careerconversations.conversation;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.careerconversations.EngineRest;
import org.careerconversations.process.TaskIndexesTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same cycle as {@link ConversationRestTest}, on a real PostgreSQL (binaries from Maven, no Docker).
 * Runs in its own JVM (surefire execution "postgres"), so its engine does not meet the H2 tests' engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
// the context (and its engine) closes after this class, while PostgreSQL still runs; PostgreSQL itself
// stops in its own shutdown hook when the JVM ends
@DirtiesContext
class PostgresConversationRestTest {

    private static final EmbeddedPostgres POSTGRES = start();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void demoUsersWalkACycleToASignedAgreementOnPostgres() {
        String product = jdbc.queryForObject("select version()", String.class);
        org.assertj.core.api.Assertions.assertThat(product).startsWith("PostgreSQL");
        new CycleWalk(new EngineRest("http://localhost:" + port), jdbc, engine).walkAndCheck();
    }

    @Test
    void parentTaskColumnIsIndexedOnPostgres() throws java.sql.SQLException {
        // PITFALLS 15: without it every task completion scans the open tasks
        org.assertj.core.api.Assertions.assertThat(TaskIndexesTest.indexedColumns(jdbc.getDataSource(), "ACT_RU_TASK"))
            .contains("PARENT_TASK_ID_");
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }
}
