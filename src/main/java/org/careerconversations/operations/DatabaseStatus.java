package org.careerconversations.operations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Whether the database can be reached, as this node last saw it. A check opens a connection of its own, next
 * to the pool (whose wait for a connection lasts its whole timeout when the database is gone), and asks the
 * database whether it is valid: a refused connection is known at once, an unanswered one after
 * {@link #CONNECT_TIMEOUT_SECONDS}. Once the database is seen unreachable, requests are answered at once from
 * that knowledge ({@link DatabaseOutageFilter}) while a check every second in the background finds out when it
 * is back.
 */
@Component
public class DatabaseStatus implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStatus.class);
    /** A successful check this recent answers the health endpoint without asking again. */
    private static final Duration FRESH = Duration.ofMillis(500);
    private static final Duration RECHECK = Duration.ofSeconds(1);

    static final int CONNECT_TIMEOUT_SECONDS = 2;

    private final String url;
    private final Properties login = new Properties();
    private final ScheduledExecutorService rechecks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-status");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean recheckScheduled = new AtomicBoolean();

    private volatile boolean down;
    private volatile Instant downSince;
    private volatile String reason;
    private Instant lastCheckStarted = Instant.EPOCH;

    DatabaseStatus(DataSourceProperties database) {
        this.url = database.determineUrl();
        if (database.determineUsername() != null) {
            login.setProperty("user", database.determineUsername());
        }
        if (database.determinePassword() != null) {
            login.setProperty("password", database.determinePassword());
        }
        if (url.startsWith("jdbc:postgresql:")) {
            String seconds = String.valueOf(CONNECT_TIMEOUT_SECONDS);
            login.setProperty("connectTimeout", seconds);
            login.setProperty("loginTimeout", seconds);
            login.setProperty("socketTimeout", seconds);
        }
    }

    /** What this node knows without asking the database again. */
    public boolean isDown() {
        return down;
    }

    /** Why the database was last seen unreachable, for the health endpoint. */
    public Optional<String> reason() {
        return down ? Optional.ofNullable(reason) : Optional.empty();
    }

    public Optional<Instant> downSince() {
        return down ? Optional.ofNullable(downSince) : Optional.empty();
    }

    /**
     * True if the database can be reached: while it is known to be down, without asking (the background check
     * keeps that knowledge at most a few seconds old); otherwise after a check, or one of the last half second.
     */
    public synchronized boolean check() {
        if (!down && lastCheckStarted.isBefore(Instant.now().minus(FRESH))) {
            probe();
        }
        return !down;
    }

    /**
     * For a failure seen at {@code seenAt} (an exception, or an error answer written by someone else): true if
     * the database is down, after a check that started no earlier than that. A burst of failing requests waits
     * for one check, not one each.
     */
    public synchronized boolean isDownAfter(Instant seenAt) {
        if (!down && lastCheckStarted.isBefore(seenAt)) {
            probe();
        }
        return down;
    }

    private synchronized void probe() {
        lastCheckStarted = Instant.now();
        try (Connection connection = DriverManager.getConnection(url, login)) {
            if (connection.isValid(CONNECT_TIMEOUT_SECONDS)) {
                up();
            } else {
                down("the database did not answer a validity check");
            }
        } catch (SQLException e) {
            if (DatabaseFailures.isConnectionFailure(e)) {
                down(e.getMessage());
            } else {
                // refused for another reason (too many connections, say): the database itself answers
                up();
            }
        }
    }

    private void down(String why) {
        reason = why;
        if (!down) {
            downSince = Instant.now();
            down = true;
            LOG.warn("The database cannot be reached ({}); requests are answered 503 until it is back", why);
        }
        scheduleRecheck();
    }

    private void up() {
        if (down) {
            down = false;
            LOG.info("The database can be reached again after {} s",
                Duration.between(downSince, Instant.now()).toSeconds());
        }
    }

    private void scheduleRecheck() {
        if (recheckScheduled.compareAndSet(false, true)) {
            rechecks.schedule(() -> {
                recheckScheduled.set(false);
                probe();
            }, RECHECK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        rechecks.shutdownNow();
    }
}
