package org.careerconversations.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.careerconversations.EngineRest;
import org.careerconversations.PostgresDatabase;

/**
 * One node of the cluster: the packaged app in a JVM of its own, as an operator runs it (profile postgres,
 * configured from the command line and the environment), writing its log as JSON lines to a file. Killed with
 * {@link Process#destroyForcibly()} (SIGKILL), stopped with {@link Process#destroy()} (SIGTERM).
 */
final class AppNode {

    static final String ADMIN_PASSWORD = "fault trials only 7319";

    private final String name;
    private final Path jar;
    private final Path logs;
    private final int port = PostgresDatabase.freePort();
    private final int managementPort = PostgresDatabase.freePort();
    private final List<String> settings;
    private Process process;
    private int starts;

    AppNode(String name, Path jar, Path logs, List<String> settings) {
        this.name = name;
        this.jar = jar;
        this.logs = logs;
        this.settings = settings;
    }

    String name() {
        return name;
    }

    /** The node's name in the job executor's locks, for this start: … */
    String lockOwner() {
        return name + "-" + starts;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    EngineRest rest() {
        return new EngineRest(baseUrl()).as("admin", ADMIN_PASSWORD);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Path log() {
        return logs.resolve(lockOwner() + ".log");
    }

    /** Starts the JVM on the database at {@code jdbcUrl}; answers at once (see {@link #awaitReady}). */
    void start(String jdbcUrl) {
        starts++;
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-jar", jar.toString(),
            "--spring.profiles.active=postgres",
            "--spring.datasource.url=" + jdbcUrl,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--server.port=" + port,
            "--management.server.port=" + managementPort,
            "--careers.node-name=" + lockOwner(),
            "--careers.data-dir=" + logs.resolve("data-" + name),
            "--logging.structured.format.console=ecs",
            "--spring.main.banner-mode=off"));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log().toFile());
        builder.environment().put("CAREERS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        try {
            Files.createDirectories(logs);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start node " + name, e);
        }
    }

    /** Waits until the node says it is ready (management port); fails if it dies first or takes longer than {@code limit}. */
    Duration awaitReady(Duration limit) {
        long begin = System.nanoTime();
        Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(250)).pollDelay(Duration.ZERO)
            .failFast("node " + name + " ended while starting; see its log", () -> !process.isAlive())
            .until(() -> management("/actuator/health/readiness").status() == 200);
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** The management port's answer at {@code path}; status 0 while nothing listens there. */
    EngineRest.Answer management(String path) {
        try {
            return new EngineRest("http://localhost:" + managementPort).get(path);
        } catch (UncheckedIOException notListening) {
            return new EngineRest.Answer(0, "");
        }
    }

    /** kill -9. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM; answers how long the JVM took to exit. */
    Duration terminate(Duration limit) {
        long begin = System.nanoTime();
        process.destroy();
        if (!waitFor(limit)) {
            process.destroyForcibly();
            throw new AssertionError("node " + lockOwner() + " still running " + limit.toSeconds() + " s after SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    private boolean waitFor(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
