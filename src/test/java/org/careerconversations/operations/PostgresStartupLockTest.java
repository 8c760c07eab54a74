package org.careerconversations.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.careerconversations.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes getting the same PostgreSQL database ready take turns: the second waits in the database until
 * the first is done, whenever the two start. (The fault trials start two whole nodes together.)
 */
class PostgresStartupLockTest {

    private static final EmbeddedPostgres POSTGRES = PostgresDatabase.start();

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @Test
    void theSecondNodeWaitsUntilTheFirstIsReady() {
        DataSource database = POSTGRES.getPostgresDatabase();
        JdbcTemplate sql = new JdbcTemplate(database);
        StartupLock first = new StartupLock(database);
        StartupLock second = new StartupLock(database);

        first.preInit(null);
        CompletableFuture<Void> secondPrepares = CompletableFuture.runAsync(() -> second.preInit(null));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sql.queryForObject(
            "select count(*) from pg_locks where locktype = 'advisory' and not granted", Integer.class) == 1);
        assertThat(secondPrepares).as("waiting while the first prepares").isNotDone();

        first.release();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(secondPrepares::isDone);
        assertThat(sql.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and granted",
            Integer.class)).as("now the second holds it").isOne();
        second.release();
        assertThat(sql.queryForObject("select count(*) from pg_locks where locktype = 'advisory'", Integer.class))
            .as("and gives it back").isZero();
    }

    @Test
    void aNodeThatDiesWhilePreparingGivesTheLockBackWithItsConnection() throws Exception {
        DataSource database = POSTGRES.getPostgresDatabase();
        JdbcTemplate sql = new JdbcTemplate(database);
        StartupLock dying = new StartupLock(database);
        dying.preInit(null);
        int pid = sql.queryForObject("select pid from pg_locks where locktype = 'advisory' and granted", Integer.class);

        sql.queryForObject("select pg_terminate_backend(?)", Boolean.class, pid);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sql.queryForObject(
            "select count(*) from pg_locks where locktype = 'advisory'", Integer.class) == 0);
        StartupLock next = new StartupLock(database);
        CompletableFuture.runAsync(() -> next.preInit(null)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        next.release();
    }
}
