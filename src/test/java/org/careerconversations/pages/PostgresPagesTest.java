package org.careerconversations.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.careerconversations.PostgresDatabase;
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
 * The people's pages' data endpoints through a whole cycle ({@link PagesWalk}) on a real PostgreSQL (binaries
 * from Maven, no Docker), in its own JVM (surefire execution "postgres").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class PostgresPagesTest {

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
    void evaMariaAndHannaFollowACycleOnTheirPagesOnPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        new PagesWalk("http://localhost:" + port, jdbc, engine).walkAndCheck();
    }
}
