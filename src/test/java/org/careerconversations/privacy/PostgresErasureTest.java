package org.careerconversations.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.careerconversations.EngineRest;
import org.careerconversations.PostgresAppTest;
import org.careerconversations.security.ConversationAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The erasure of ErasureTest on a real PostgreSQL, with a scan of all its tables.
 */
class PostgresErasureTest extends PostgresAppTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    ConversationAccess access;

    @Test
    void twoLeaversAreErasedFromEveryTableOfPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        new ErasureScenario(engine, jdbc, dataSource, access, new EngineRest("http://localhost:" + port)).run();
    }
}
