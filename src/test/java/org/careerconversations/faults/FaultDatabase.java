package org.careerconversations.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.careerconversations.PostgresDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cluster's PostgreSQL (embedded, binaries from Maven): one server whose data directory and port stay the
 * same when it is stopped and started again through its own controls, as a database server that goes away
 * for a while and comes back.
 */
final class FaultDatabase {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    FaultDatabase(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.port = PostgresDatabase.freePort();
    }

    void start() {
        server = PostgresDatabase.startKeeping(dataDirectory, port);
    }

    /** Stops the server (pg_ctl stop, fast: sessions are ended); its data stays. */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL", e);
        } finally {
            server = null;
        }
    }

    boolean isRunning() {
        return server != null;
    }

    /** A new, empty database on this server. */
    void create(String database) {
        new JdbcTemplate(server.getPostgresDatabase()).execute("create database " + database);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    /** Reads the database directly, as an operator's SQL client would; a new connection per statement. */
    JdbcTemplate sql(String database) {
        DataSource dataSource = server.getDatabase("postgres", database);
        return new JdbcTemplate(dataSource);
    }
}
