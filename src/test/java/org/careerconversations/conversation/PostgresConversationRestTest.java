package org.careerconversations.conversation;

import org.careerconversations.EngineRest;
import org.careerconversations.PostgresAppTest;
import org.careerconversations.process.TaskIndexesTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The same cycle as {@link ConversationRestTest}, on a real PostgreSQL (binaries from Maven, no Docker).
 * Runs in the JVM of the surefire execution "postgres", so its engine does not meet the H2 tests' engine.
 */
class PostgresConversationRestTest extends PostgresAppTest {


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
