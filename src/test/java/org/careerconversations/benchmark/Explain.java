package org.careerconversations.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What PostgreSQL does for one request of the inbox (run with {@code -Dbench.explain=true}): the statements the
 * engine sends for it, with their mean time and buffers ({@code pg_stat_statements}, over 20 requests), and the
 * plan of each with {@code EXPLAIN (ANALYZE, BUFFERS)} as {@code auto_explain} logs it for one request, written
 * to {@code target/benchmarks/plans-<name>.txt}.
 */
final class Explain {

    private static final int REQUESTS = 20;

    private final JdbcTemplate jdbc;
    private final Path out;
    private final Path log;

    Explain(JdbcTemplate jdbc, Path out) {
        this.jdbc = jdbc;
        this.out = out;
        this.log = out.resolve("postgres-log").resolve("postgresql.log");
        jdbc.execute("create extension if not exists pg_stat_statements");
    }

    void plans(String name, HttpClient client, HttpRequest request) throws Exception {
        send(client, request);
        StringBuilder text = new StringBuilder("# " + name + ": " + request.method() + " " + request.uri() + "\n\n");

        countStatements();
        for (int i = 0; i < REQUESTS; i++) {
            send(client, request);
        }
        text.append("## statements of ").append(REQUESTS).append(" requests, by total time\n\n");
        appendStatements(text, 25);

        long from = Files.exists(log) ? Files.size(log) : 0;
        setAutoExplain(true);
        send(client, request);
        String marker = "bench-explain-end-" + name;
        jdbc.queryForObject("select '" + marker + "'", String.class);
        setAutoExplain(false);
        String logged = Awaitility.await("the plans in PostgreSQL's log").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> new String(Files.readAllBytes(log), StandardCharsets.UTF_8), t -> t.contains(marker));
        String plans = logged.substring((int) Math.min(from, logged.length()));
        text.append("\n## EXPLAIN (ANALYZE, BUFFERS) of each statement of one request (auto_explain)\n\n")
            .append(plans, 0, Math.max(0, plans.indexOf(marker)));
        Files.writeString(out.resolve("plans-" + name + ".txt"), text.toString(), StandardCharsets.UTF_8);
    }

    /** From now on {@link #statements} counts what the database is sent. */
    void countStatements() {
        jdbc.execute("select pg_stat_statements_reset()");
    }

    /** The statements sent since {@link #countStatements}, for {@code starts} starts, to {@code plans-<name>.txt}. */
    void statements(String name, int starts) throws IOException {
        StringBuilder text = new StringBuilder("# " + name + ": the statements of " + starts + " starts, "
            + "by total time\n\n");
        long calls = appendStatements(text, 60);
        text.insert(text.indexOf("\n") + 1, String.format("# %.1f statements per start%n", calls / (double) starts));
        Files.writeString(out.resolve("plans-" + name + ".txt"), text.toString(), StandardCharsets.UTF_8);
    }

    /** The statements counted so far, the {@code limit} that took longest; answers how many were sent in all. */
    private long appendStatements(StringBuilder text, int limit) {
        text.append(String.format("%6s %9s %9s %9s %9s  %s%n", "calls", "mean ms", "rows", "shared hit", "read",
            "statement"));
        String counted = "from pg_stat_statements where query not like '%pg_stat_statements%' "
            + "and query not like '%pg_stat_user_tables%' and query not like '%bench_stats_marker%'";
        for (Map<String, Object> row : jdbc.queryForList("select calls, mean_exec_time, rows, shared_blks_hit, "
            + "shared_blks_read, regexp_replace(query, '\\s+', ' ', 'g') as query " + counted
            + " order by total_exec_time desc limit " + limit)) {
            text.append(String.format("%6d %9.3f %9d %9d %9d  %s%n", row.get("calls"),
                ((Number) row.get("mean_exec_time")).doubleValue(), row.get("rows"), row.get("shared_blks_hit"),
                row.get("shared_blks_read"), shorten((String) row.get("query"), 400)));
        }
        return jdbc.queryForObject("select coalesce(sum(calls), 0) " + counted
            + " and query not in ('BEGIN', 'COMMIT', 'ROLLBACK')", Long.class);
    }

    private void setAutoExplain(boolean on) {
        for (String setting : List.of("log_min_duration", "log_analyze", "log_buffers", "log_timing")) {
            if (on) {
                jdbc.execute("alter system set auto_explain." + setting + " = "
                    + (setting.equals("log_min_duration") ? "0" : "on"));
            } else {
                jdbc.execute("alter system reset auto_explain." + setting);
            }
        }
        jdbc.execute("select pg_reload_conf()");
        String expected = on ? "0" : "-1";
        // every backend reloads its settings before its next statement; wait until this one has
        Awaitility.await("auto_explain " + (on ? "on" : "off")).atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> jdbc.queryForObject("show auto_explain.log_min_duration", String.class)
                .replace("ms", "").trim(), expected::equals);
    }

    private static void send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + " …";
    }
}
