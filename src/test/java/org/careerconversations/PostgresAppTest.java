package org.careerconversations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole app on a real PostgreSQL (binaries from Maven, no Docker) instead of H2:
 * otherwise the configuration of {@link AppTest}, so that one database and one Spring context serve them all in
 * the JVM of the surefire execution "postgres", and each test cleans up after itself as on H2. A PostgreSQL test
 * that needs a Spring context of its own runs in the execution "postgres-own-contexts" (pom.xml): in the same JVM
 * its engine, also named "default", would take that name from the shared one when it closes.
 */
public abstract class PostgresAppTest extends AppTest {

    private static final EmbeddedPostgres POSTGRES = PostgresDatabase.start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.use(POSTGRES, registry);
    }
}
