package org.careerconversations.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.careerconversations.EngineRest;
import org.careerconversations.PostgresAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The KPI queries (one aggregate query per figure, over the app's and the engine's tables) give the known
 * numbers of {@link KpiDataSet} on a real PostgreSQL too, not only on H2.
 */
class PostgresKpiTest extends PostgresAppTest {


    private KpiDataSet dataSet;

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
