package org.careerconversations.benchmark;

import static org.careerconversations.process.ProcessVariables.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careerconversations.CareerConversationsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark: the app against a bare engine running the same BPMN shape with no-op delegates,
 * in the same Spring context (same engine configuration, history level and database), on an H2 file database
 * and then on an embedded PostgreSQL, each in a Spring context of its own that is closed before the next.
 *
 * <p>Not a test: its name does not match surefire's patterns, so {@code mvn verify} never runs it. Run it with
 * {@code mvn -Pbenchmark verify} (see docs/testing.md, "Benchmark"); sizes come from system properties:
 * {@code bench.launch} (10000), {@code bench.round} (as launch), {@code bench.cycles} (100), {@code bench.warmup} (30),
 * {@code bench.storage} (100), {@code bench.inbox} (300 samples), {@code bench.limit.seconds} (5), {@code bench.db}
 * (h2,postgres), {@code bench.nodes} (1,2: the round and the cycles also on two nodes, PostgreSQL only),
 * {@code bench.phases} (all), {@code bench.pgdata} (a PostgreSQL data directory kept between runs),
 * {@code bench.explain} (false: the plans of the inbox's statements and the statements of a start).
 */
class Benchmark {

    static final String ALL_PHASES = "warmup,storage,launch,inbox,round,cycles,limit";

    record Config(int launch, int round, int cycles, int warmup, int storage, int inboxSamples, int limitSeconds,
                  List<String> dbs, List<String> phases, boolean twoNodes, String pgData, boolean explain) {
        static Config fromSystemProperties() {
            int launch = Integer.getInteger("bench.launch", 10_000);
            return new Config(launch, Integer.getInteger("bench.round", launch), Integer.getInteger("bench.cycles", 100),
                Integer.getInteger("bench.warmup", 30), Integer.getInteger("bench.storage", 100),
                Integer.getInteger("bench.inbox", 300), Integer.getInteger("bench.limit.seconds", 5),
                List.of(System.getProperty("bench.db", "h2,postgres").split(",")),
                List.of(System.getProperty("bench.phases", ALL_PHASES).split(",")),
                List.of(System.getProperty("bench.nodes", "1,2").split(",")).contains("2"),
                System.getProperty("bench.pgdata"), Boolean.getBoolean("bench.explain"));
        }

        boolean runs(String phase) {
            return phases.contains(phase);
        }

        String describe() {
            return "launch N=" + launch + ", round R=" + round + (twoNodes ? " (on one node, then on two)" : "")
                + ", cycles M=" + cycles + " per thread count, warm-up " + warmup
                + " cycles, storage " + storage + " cycles, inbox " + inboxSamples + " samples, limit "
                + limitSeconds + " s per client count"
                + (String.join(",", phases).equals(ALL_PHASES) ? "" : ", phases " + String.join(",", phases))
                + (pgData == null ? "" : ", PostgreSQL data kept in " + pgData);
        }
    }

    @Test
    void run() throws Exception {
        Config config = Config.fromSystemProperties();
        Figures figures = new Figures();
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        if (config.dbs().contains("h2")) {
            Path h2 = out.resolve("h2");
            deleteRecursively(h2);
            Map<String, Object> props = baseProperties();
            props.put("spring.datasource.url", "jdbc:h2:file:" + h2.toAbsolutePath().resolve("careers")
                + ";DB_CLOSE_ON_EXIT=FALSE");
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
            onContext(props, ctx -> new BenchRun(ctx, "h2", config, figures, h2, null).all());
        }
        if (config.dbs().contains("postgres")) {
            try (EmbeddedPostgres postgres = postgres(config, out)) {
                Map<String, Object> props = baseProperties();
                props.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
                props.put("spring.datasource.username", "postgres");
                props.put("spring.datasource.password", "");
                // the two-node figures: a second node of the app, in a context of its own, on the same database
                Map<String, Object> second = new LinkedHashMap<>(props);
                second.put("careers.node-name", "bench-2");
                second.put("camunda.bpm.generate-unique-process-engine-name", "true");
                onContext(props, ctx -> new BenchRun(ctx, "postgres", config, figures, null,
                    config.twoNodes() ? () -> start(second) : null).all());
            }
        }
        String loadAfter = loadAverage();
        write(config, figures, started, loadBefore, loadAfter, out);
    }

    /**
     * The embedded PostgreSQL: a new one, or with {@code bench.pgdata} the one whose data directory is kept between
     * runs (a database built once, measured again). With {@code bench.explain} it loads {@code auto_explain} and
     * {@code pg_stat_statements} and writes its log to {@code target/benchmarks/postgres-log/}.
     */
    private static EmbeddedPostgres postgres(Config config, Path out) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (config.pgData() != null) {
            builder.setDataDirectory(Path.of(config.pgData())).setCleanDataDirectory(false);
        }
        if (config.explain()) {
            Path log = out.resolve("postgres-log").toAbsolutePath();
            Files.createDirectories(log);
            builder.setServerConfig("shared_preload_libraries", "auto_explain,pg_stat_statements")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", log.toString())
                .setServerConfig("log_filename", "postgresql.log");
        }
        return builder.start();
    }

    interface ContextWork {
        void run(ConfigurableApplicationContext ctx) throws Exception;
    }

    private static void onContext(Map<String, Object> props, ContextWork work) throws Exception {
        ConfigurableApplicationContext ctx = start(props);
        try {
            work.run(ctx);
        } finally {
            ctx.close();
        }
    }

    /** A node of the app. */
    private static ConfigurableApplicationContext start(Map<String, Object> props) {
        return new SpringApplicationBuilder(CareerConversationsApplication.class)
            .profiles("bench")
            .initializers(c -> c.getBeanFactory().registerSingleton(BareModel.NOOP_BEAN, new BareModel.Noop()))
            // as command-line arguments, so they win over application.yaml
            .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /**
     * The app's own application.yaml, plus: a random port, an admin; the job executor is there
     * with the app's settings, but runs in the round phase only (elsewhere mails wait as jobs and are counted).
     */
    private static Map<String, Object> baseProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", "0");
        props.put("management.server.port", "0");
        props.put("server.shutdown", "immediate");
        props.put("spring.main.banner-mode", "off");
        props.put("careers.node-name", "bench-1");
        props.put("camunda.bpm.admin-user.id", "admin");
        // outside the demo profile the app starts only with an administrator password of its own
        String adminPassword = "bench-" + java.util.UUID.randomUUID();
        props.put("CAREERS_ADMIN_PASSWORD", adminPassword);
        props.put("camunda.bpm.admin-user.password", adminPassword);
        // one INFO line per bare task ("assignee is not an employee") would cost more than the check itself
        props.put("logging.level.org.careerconversations.notification.TaskNotifications", "WARN");
        props.put("logging.level.org.careerconversations.organisation.OrganisationImport", "WARN");
        // without a mail server each mail is a line in the log: the round's 100,000 would be measured as logging
        props.put("logging.level.org.careerconversations.notification.Mailer", "WARN");
        return props;
    }

    private static void write(Config config, Figures figures, Instant started, String loadBefore, String loadAfter,
                              Path out) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'").withZone(ZoneOffset.UTC).format(started);
        String machine = "nproc " + Runtime.getRuntime().availableProcessors() + ", memory " + memory()
            + ", Java " + System.getProperty("java.version");
        String commit = git("rev-parse", "--short", "HEAD") + (git("status", "--porcelain").isBlank() ? "" : " (dirty)");
        StringBuilder text = new StringBuilder();
        text.append("# benchmark ").append(stamp).append(" commit ").append(commit).append('\n')
            .append("# ").append(machine).append('\n')
            .append("# ").append(config.describe()).append('\n')
            .append("# load average before ").append(loadBefore).append(", after ").append(loadAfter)
            .append(" (other builds may share the machine)\n");
        figures.lines().forEach(l -> text.append(l).append('\n'));
        Path file = out.resolve("benchmark-" + stamp + ".txt");
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        System.out.println("\n" + text + "\nwritten to " + file.toAbsolutePath());

        StringBuilder md = new StringBuilder();
        md.append("\n### Run ").append(stamp.replace('T', ' ')).append(" — commit ").append(commit).append("\n\n")
            .append(machine).append("; ").append(config.describe()).append(". Load average before ")
            .append(loadBefore).append(", after ").append(loadAfter).append(".\n\n")
            .append("| figure | value |\n|---|---|\n");
        figures.lines().forEach(l -> {
            int space = l.indexOf(' ', l.indexOf(' ') + 1);
            md.append("| `").append(l, 0, space).append("` | ").append(l.substring(space + 1)).append(" |\n");
        });
        Path docs = Path.of("docs", "benchmarks.md");
        if (!Files.exists(docs)) {
            Files.writeString(docs, "# Benchmarks\n\nFigures appended by `mvn -Pbenchmark verify` (docs/testing.md, Benchmark).\n");
        }
        Files.writeString(docs, md.toString(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "?";
    }

    private static String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return output;
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
    }
}
