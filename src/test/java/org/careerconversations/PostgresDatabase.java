package org.careerconversations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for the tests of the surefire execution "postgres" (binaries from Maven, no Docker). The tests
 * of the whole app share one ({@link PostgresAppTest}); a test that stops the database under the app starts its
 * own: a static field {@code POSTGRES = PostgresDatabase.start()} and a {@code @DynamicPropertySource} method
 * calling {@link #use}. PostgreSQL stops in its own shutdown hook when the JVM ends.
 */
public final class PostgresDatabase {

    public static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * A PostgreSQL that keeps its data directory and port when it is stopped ({@link EmbeddedPostgres#close()})
     * and started again with the same arguments: a database server that goes away for a while and comes back.
     */
    public static EmbeddedPostgres startKeeping(Path dataDirectory, int port) {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the app's datasource at the database (call it from a {@code @DynamicPropertySource} method). */
    public static void use(EmbeddedPostgres postgres, DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    private PostgresDatabase() {
    }
}
