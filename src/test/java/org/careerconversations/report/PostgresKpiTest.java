package org.careerconversations.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.careerconversations.EngineRest;
import org.careerconversations.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * The KPI queries (one aggregate query per figure, over the app's and the engine's tables) give the known
 * numbers of {@link KpiDataSet} on a real PostgreSQL too, not only on H2. Runs in the JVM of the surefire
 * execution "postgres", with a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class PostgresKpiTest {

    private static final EmbeddedPostgres POSTGRES = PostgresDatabase.start();

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private KpiDataSet dataSet;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.use(POSTGRES, registry);
    }

    @BeforeEach
    void knownDataSet() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        dataSet = new KpiDataSet(engine, jdbc, new EngineRest("http://localhost:" + port));
        dataSet.load();
    }

    @AfterEach
    void removeDataSet() {
        dataSet.remove();
    }

    @Test
    void theKnownNumbersHoldOnPostgres() {
        dataSet.checkEverythingWithoutFilters();
        dataSet.checkOnePeriod();
        dataSet.checkEmptyPeriod();
        dataSet.checkOneManagersTeam();
    }
}
