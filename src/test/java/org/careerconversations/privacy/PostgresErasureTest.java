package org.careerconversations.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.careerconversations.EngineRest;
import org.careerconversations.PostgresDatabase;
import org.careerconversations.security.ConversationAccess;
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
 * The erasure of ErasureTest on a real PostgreSQL, with a scan of all its tables. Runs in the JVM of the
 * surefire execution "postgres", after PostgresConversationRestTest has closed its context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class PostgresErasureTest {

    private static final EmbeddedPostgres POSTGRES = PostgresDatabase.start();

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ConversationAccess access;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.use(POSTGRES, registry);
    }

    @Test
    void twoLeaversAreErasedFromEveryTableOfPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        new ErasureScenario(engine, jdbc, dataSource, access, new EngineRest("http://localhost:" + port)).run();
    }
}
