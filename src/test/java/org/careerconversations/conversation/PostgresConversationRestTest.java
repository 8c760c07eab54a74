package org.careerconversations.conversation;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.careerconversations.EngineRest;
import org.careerconversations.PostgresDatabase;
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
@DirtiesContext
class PostgresConversationRestTest {

    private static final EmbeddedPostgres POSTGRES = PostgresDatabase.start();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.use(POSTGRES, registry);
    }

    @Test
    void demoUsersWalkACycleToASignedAgreementOnPostgres() {
        String product = jdbc.queryForObject("select version()", String.class);
        org.assertj.core.api.Assertions.assertThat(product).startsWith("PostgreSQL");
        new CycleWalk(new EngineRest("http://localhost:" + port), jdbc, engine).walkAndCheck();
    }

    @Test
    void parentTaskColumnIsIndexedOnPostgres() throws java.sql.SQLException {
        // without it every task completion scans the open tasks
        org.assertj.core.api.Assertions.assertThat(TaskIndexesTest.indexedColumns(jdbc.getDataSource(), "ACT_RU_TASK"))
            .contains("PARENT_TASK_ID_");
    }
}
