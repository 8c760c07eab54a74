package org.careerconversations.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.careerconversations.EngineRest;
import org.careerconversations.PostgresAppTest;
import org.careerconversations.security.Handover;
import org.careerconversations.security.Lockout;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The erasure of ErasureTest on a real PostgreSQL, with a scan of all its tables.
 */
class PostgresErasureTest extends PostgresAppTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Handover handover;
    @Autowired
    Lockout lockout;

    @Test
    void twoLeaversAreErasedFromEveryTableOfPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        new ErasureScenario(engine, jdbc, dataSource, handover, lockout, new EngineRest("http://localhost:" + port)).run();
    }
}
