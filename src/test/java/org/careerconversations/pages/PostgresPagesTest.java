package org.careerconversations.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.careerconversations.PostgresAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The people's pages' data endpoints through a whole cycle ({@link PagesWalk}) on a real PostgreSQL (binaries
 * from Maven, no Docker).
 */
class PostgresPagesTest extends PostgresAppTest {


    @Test
    void evaMariaAndHannaFollowACycleOnTheirPagesOnPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        new PagesWalk("http://localhost:" + port, jdbc, engine).walkAndCheck();
    }
}
