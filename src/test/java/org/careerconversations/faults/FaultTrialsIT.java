package org.careerconversations.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.PostgresDatabase;
import org.careerconversations.security.WebappSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The fault trials: the packaged app as two nodes on one PostgreSQL, with a real SMTP server (GreenMail),
 * started together on empty databases, killed (kill -9) and stopped (SIGTERM) during rounds, and cut off from
 * the database for 30 s. The targets of docs/operating.md are the assertions; every figure is printed and
 * written to target/faults/figures.txt. Run with {@code mvn -Pfaults verify} (a few minutes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultTrialsIT {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration RECOVERY_TARGET = Duration.ofSeconds(90);
    private static final Duration ANSWER_TARGET = Duration.ofSeconds(5);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int STARTUP_TRIALS = Integer.getInteger("faults.startups", 10);
    /**
     * Employees due in each round: 25 chunks of 10 (careers.rounds.chunk-size, set small here), more than the two
     * nodes' eight job threads take at once, so that a round is still running chunks at every fifth of it.
     */
    private static final int ROUND_SIZE = Integer.getInteger("faults.round", 250);
    private static final int CHUNK = 10;
    private static final String MESSAGE = "The database cannot be reached; try again in a minute";

    private final Path dir = Path.of(System.getProperty("faults.dir", "target/faults"));
    private final Path jar = Path.of(System.getProperty("faults.jar", "target/career-conversations-0.1.0-SNAPSHOT.jar"));
    private final List<String> figures = new ArrayList<>();
    private final Map<String, Double> longest = new TreeMap<>();
    private FaultDatabase database;
    private GreenMail smtp;
    private AppNode a;
    private AppNode b;
    private String cluster;
    private int batches;

    @BeforeAll
    void startDatabaseAndMailServer() throws IOException {
        assertThat(jar).as("the packaged app (mvn package)").exists();
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        database = new FaultDatabase(dir.resolve("postgres"));
        database.start();
        smtp = new GreenMail(new ServerSetup(PostgresDatabase.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    void stopEverything() throws IOException {
        for (AppNode node : new AppNode[] {a, b}) {
            if (node != null) {
                node.kill();
            }
        }
        if (database.isRunning()) {
            database.stop();
        }
        smtp.stop();
        String text = String.join("\n", figures) + "\n";
        System.out.println("\n=== fault trials ===\n" + text);
        Files.writeString(dir.resolve("figures.txt"), text);
    }

    @Test
    @Order(1)
    void twoNodesStartedTogetherOnAnEmptyDatabasePrepareItExactlyOnce() {
        long[] staggerMillis = {0, 0, 150, 300, 600, 1000, 1500, 2500, 4000, 6000};
        for (int trial = 1; trial <= STARTUP_TRIALS; trial++) {
            String db = "startup" + trial;
            database.create(db);
            AppNode first = node("A");
            AppNode second = node("B");
            long stagger = staggerMillis[(trial - 1) % staggerMillis.length];
            first.start(database.jdbcUrl(db));
            Awaitility.await().pollDelay(Duration.ofMillis(stagger)).until(() -> true);
            second.start(database.jdbcUrl(db));
            CompletableFuture<Duration> firstReady = CompletableFuture.supplyAsync(() -> first.awaitReady(START_LIMIT));
            Duration secondReady = second.awaitReady(START_LIMIT);
            Duration firstTook = firstReady.join();

            JdbcTemplate sql = database.sql(db);
            Map<String, Object> found = sql.queryForMap("""
                select (select count(*) from ACT_RE_DEPLOYMENT) as deployments,
                       (select count(*) from ACT_RE_PROCDEF) as definitions,
                       (select count(distinct KEY_) from ACT_RE_PROCDEF) as keys,
                       (select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'DailyRound') as timers,
                       (select count(*) from ACT_GE_SCHEMA_LOG) as schema_log,
                       (select count(*) from ACT_RU_FILTER) as filters,
                       (select count(distinct NAME_) from ACT_RU_FILTER) as filter_names,
                       (select count(*) from ACT_ID_GROUP) as groups,
                       (select count(*) from flyway_schema_history where success) as migrations,
                       (select count(distinct version) from flyway_schema_history where success) as versions""");
            figure("startup %d: stagger %d ms, ready A %d ms, B %d ms, %s", trial, stagger, firstTook.toMillis(),
                secondReady.toMillis(), found);
            assertThat(found.get("deployments")).as("one deployment").isEqualTo(1L);
            assertThat(found.get("definitions")).as("one version of each process").isEqualTo(found.get("keys"));
            assertThat(found.get("timers")).as("one DailyRound timer").isEqualTo(1L);
            assertThat(found.get("schema_log")).as("the schema created once").isEqualTo(1L);
            assertThat(found.get("filters")).as("each Tasklist filter once").isEqualTo(found.get("filter_names"));
            assertThat(found.get("migrations")).as("each migration once").isEqualTo(found.get("versions"));
            if (trial < STARTUP_TRIALS) {
                first.kill();
                second.kill();
            } else {
                a = first;
                b = second;
                cluster = db;
            }
        }
    }

    @Test
    @Order(2)
    void aNodeKilledDuringARoundIsRecoveredWithin90Seconds() {
        // at the start of the round, after a fifth of it, two fifths, … four fifths
        for (int trial = 1; trial <= 5; trial++) {
            Round round = launchRound();
            round.awaitStarted((trial - 1) * ROUND_SIZE / 5);
            AppNode victim = round.awaitChunkHolder();
            AppNode survivor = victim == a ? b : a;
            WebappSession login = WebappSession.login(victim.baseUrl(), "tasklist", "admin", AppNode.ADMIN_PASSWORD);
            assertThat(login.loginStatus()).isEqualTo(200);
            int startedBefore = round.started();

            Instant killed = Instant.now();
            victim.kill();
            victim.start(database.jdbcUrl(cluster));

            assertThat(webappTaskCount(survivor, login)).as("the login made on the killed node works on the other")
                .isEqualTo(200);
            Duration recovery = round.awaitComplete(killed);
            round.assertWhole();
            figure("kill %d: %s killed after %d of %d started; round complete %d ms after the kill; "
                    + "interruptions recorded: %s", trial, victim.lockOwner(), startedBefore, ROUND_SIZE,
                recovery.toMillis(), round.variable("interruptions"));
            figure("kill %d: longest jobs so far (s): %s", trial, longestJobs());
            assertThat(recovery).isLessThanOrEqualTo(RECOVERY_TARGET);
            victim.awaitReady(START_LIMIT);
        }
    }

    @Test
    @Order(3)
    void theDatabaseDownFor30SecondsIsAnswered503AndRecoveredFrom() {
        Round round = launchRound();
        round.awaitStarted(ROUND_SIZE / 3);
        WebappSession login = WebappSession.login(a.baseUrl(), "tasklist", "admin", AppNode.ADMIN_PASSWORD);
        assertThat(login.loginStatus()).isEqualTo(200);

        Instant stopped = Instant.now();
        database.stop();
        List<Long> millis = new ArrayList<>();
        int calls = 0;
        while (Duration.between(stopped, Instant.now()).compareTo(OUTAGE) < 0) {
            for (AppNode node : List.of(a, b)) {
                millis.add(refused(() -> node.rest().get("/engine-rest/task?maxResults=10")));
                millis.add(refused(() -> node.rest().get("/api/reports/kpis")));
                millis.add(refused(() -> webappTaskCountAnswer(node, login)));
                calls += 3;
            }
        }
        Answer readiness = a.management("/actuator/health/readiness");
        assertThat(readiness.status()).as("readiness while the database is down").isEqualTo(503);

        database.start();
        Instant back = Instant.now();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> a.rest().get("/engine-rest/task?maxResults=10").status() == 200);
        Duration firstSuccess = Duration.between(back, Instant.now());
        Duration done = round.awaitComplete(back);
        round.assertWhole();
        int incidents = database.sql(cluster).queryForObject("select count(*) from ACT_RU_INCIDENT", Integer.class);
        figure("database down %d s: %d calls, all 503 with the reason, slowest %d ms; first success %d ms after it "
                + "was back; round complete %d ms after; incidents %d; interruptions recorded: %s",
            OUTAGE.toSeconds(), calls, millis.stream().mapToLong(Long::longValue).max().orElse(0),
            firstSuccess.toMillis(), done.toMillis(), incidents, round.variable("interruptions"));
        figure("outage: longest jobs so far (s): %s", longestJobs());
        assertThat(firstSuccess).isLessThanOrEqualTo(ANSWER_TARGET);
        assertThat(done).isLessThanOrEqualTo(RECOVERY_TARGET);
        assertThat(incidents).as("failures from the outage are retried, not incidents").isZero();
        assertThat(webappTaskCount(b, login)).as("the login survives the outage").isEqualTo(200);
    }

    @Test
    @Order(4)
    void sigtermDuringARoundExitsSoonLeavesNoLockAndNoLateMail() {
        Round round = launchRound();
        round.awaitStarted(ROUND_SIZE / 2);
        AppNode victim = round.awaitChunkHolder();
        longestJobs();
        Instant terminated = Instant.now();
        Duration exit = victim.terminate(Duration.ofSeconds(60));
        int leftLocked = database.sql(cluster).queryForObject(
            "select count(*) from ACT_RU_JOB where LOCK_OWNER_ = ?", Integer.class, victim.lockOwner());
        Duration recovery = round.awaitComplete(terminated);
        round.assertWhole();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
            .until(() -> round.mailsNotSent() == 0);
        double lateness = round.latestMailSeconds();
        figure("sigterm: %s exited %d ms after SIGTERM, %d job(s) left locked by it; round complete %d ms after; "
                + "the latest mail of the round left %.1f s after it was written",
            victim.lockOwner(), exit.toMillis(), leftLocked, recovery.toMillis(), lateness);
        figure("longest jobs of all trials (s): %s; longest chunk in the history: %s ms", longestJobs(),
            database.sql(cluster).queryForObject("select max(DURATION_) from ACT_HI_ACTINST "
                + "where ACT_ID_ = 'Task_StartDueConversations'", Long.class));
        assertThat(exit).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(leftLocked).isZero();
        assertThat(lateness).isLessThanOrEqualTo(60);
        assertThat(jsonLogLines(victim)).as("the node's log is ECS JSON, one object per line").isPositive();
    }

    @Test
    @Order(5)
    void sigtermWhileAJobCannotFinishHandsTheJobBackInsteadOfLeavingItLocked() throws SQLException {
        AppNode last = a.isAlive() ? a : b;
        // the round's chunks note their start in round_chunk_attempt: with the table locked they wait there
        try (Connection blocker = DriverManager.getConnection(database.jdbcUrl(cluster))) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table round_chunk_attempt in exclusive mode");
            }
            Round round = launchRound();
            round.awaitChunkHolder();

            Duration exit = last.terminate(Duration.ofSeconds(60));
            List<String> owners = database.sql(cluster).queryForList("select coalesce(LOCK_OWNER_, 'nobody') "
                + "from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ?", String.class, round.id);
            figure("sigterm with a job that cannot finish: %s exited %d ms after SIGTERM; the job's lock owner "
                + "after: %s", last.lockOwner(), exit.toMillis(), owners);
            assertThat(exit).isLessThanOrEqualTo(Duration.ofSeconds(30));
            assertThat(owners).as("handed back, not locked for their lock time").isNotEmpty().containsOnly("nobody");
            blocker.rollback();
        }
    }

    // --- a round -----------------------------------------------------------------------------------------------

    /** Imports a new batch of due employees (ids b<n>e…) and launches a round for them as HR would, on a live node. */
    private Round launchRound() {
        int batch = ++batches;
        String prefix = "b" + batch;
        StringBuilder csv = new StringBuilder("id,name,email,managerId,hrPartnerId,hireDate,employmentType,jobTitle\n");
        int managers = Math.max(1, ROUND_SIZE / 10);
        for (int m = 0; m < managers; m++) {
            csv.append(prefix).append('m').append(m).append(",Manager ").append(batch).append('-').append(m)
                .append(',').append(prefix).append('m').append(m).append("@example.org,,,2012-01-01,permanent,Lead\n");
        }
        for (int e = 0; e < ROUND_SIZE; e++) {
            csv.append(prefix).append('e').append(e).append(",Person ").append(batch).append('-').append(e)
                .append(',').append(prefix).append('e').append(e).append("@example.org,").append(prefix).append('m')
                .append(e % managers).append(",,2015-01-01,permanent,Engineer\n");
        }
        AppNode hr = a.isAlive() ? a : b;
        HttpResponse<String> imported = postCsv(hr, "/api/organisation/import?mode=partial", csv.toString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        Answer started = hr.rest().post("/engine-rest/process-definition/key/CycleScheduler/start", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return new Round(started.json().path("id").asText(), prefix);
    }

    private final class Round {
        private final String id;
        private final String prefix;

        Round(String id, String prefix) {
            this.id = id;
            this.prefix = prefix;
        }

        int started() {
            return database.sql(cluster).queryForObject(
                "select count(*) from conversation where employee_id like ?", Integer.class, prefix + "e%");
        }

        void awaitStarted(int count) {
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> started() >= count);
        }

        /** A node that holds one of the round's chunk jobs right now (it is locked while a node runs it). */
        AppNode awaitChunkHolder() {
            String owner = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> database.sql(cluster).queryForList("select j.LOCK_OWNER_ from ACT_RU_JOB j "
                        + "join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ where j.PROCESS_INSTANCE_ID_ = ? "
                        + "and d.ACT_ID_ = 'Task_StartDueConversations' and j.LOCK_OWNER_ is not null", String.class, id),
                    owners -> !owners.isEmpty()).get(0);
            assertThat(owner).isIn(a.lockOwner(), b.lockOwner());
            return owner.equals(a.lockOwner()) ? a : b;
        }

        /** Waits until the round's instance has ended; answers how long after {@code since}. */
        Duration awaitComplete(Instant since) {
            Timestamp ended = Awaitility.await().atMost(RECOVERY_TARGET.plusMinutes(2)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> database.sql(cluster).queryForObject(
                    "select END_TIME_ from ACT_HI_PROCINST where ID_ = ?", Timestamp.class, id), time -> time != null);
            return Duration.between(since, ended.toInstant());
        }

        /** Nobody lost, nobody twice, and every conversation row with its process instance and back. */
        void assertWhole() {
            JdbcTemplate sql = database.sql(cluster);
            String employees = prefix + "e%";
            assertThat(sql.queryForObject("select count(distinct employee_id) from conversation where employee_id like ?",
                Integer.class, employees)).as("every due employee has a conversation").isEqualTo(ROUND_SIZE);
            assertThat(sql.queryForObject("select count(*) from conversation where employee_id like ?",
                Integer.class, employees)).as("and only one").isEqualTo(ROUND_SIZE);
            assertThat(sql.queryForObject("""
                select count(*) from conversation c where c.employee_id like ? and not exists (
                  select 1 from ACT_RU_EXECUTION e where e.ID_ = c.process_instance_id and e.PARENT_ID_ is null
                    and e.BUSINESS_KEY_ = c.business_key)""", Integer.class, employees))
                .as("every conversation row has its running process instance").isZero();
            assertThat(sql.queryForObject("""
                select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
                where d.KEY_ = 'CareerConversation' and e.PARENT_ID_ is null and e.BUSINESS_KEY_ like ?
                  and not exists (select 1 from conversation c where c.process_instance_id = e.ID_)""",
                Integer.class, employees)).as("every process instance has its conversation row").isZero();
        }

        Object variable(String name) {
            List<Map<String, Object>> rows = database.sql(cluster).queryForList(
                "select LONG_, TEXT_ from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = ?", id, name);
            return rows.isEmpty() ? "none" : rows.get(0).get("LONG_");
        }

        int mailsNotSent() {
            return database.sql(cluster).queryForObject("select count(*) from notification "
                + "where recipient_id like ? and state <> 'SENT'", Integer.class, prefix + "m%");
        }

        /** The longest time between writing a mail of this round and sending it. */
        double latestMailSeconds() {
            return database.sql(cluster).queryForObject("select coalesce(max(extract(epoch from sent_at - created_at)), 0) "
                + "from notification where recipient_id like ?", Double.class, prefix + "m%");
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private AppNode node(String name) {
        return new AppNode(name, jar, dir, List.of(
            "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
            "--careers.rounds.chunk-size=" + CHUNK));
    }

    /** Times one call during the outage and checks its answer: 503 with the reason. */
    private static long refused(java.util.function.Supplier<Answer> call) {
        long begin = System.nanoTime();
        Answer answer = call.get();
        long took = Duration.ofNanos(System.nanoTime() - begin).toMillis();
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.message()).isEqualTo(MESSAGE);
        assertThat(took).as("answered within").isLessThanOrEqualTo(ANSWER_TARGET.toMillis());
        return took;
    }

    private static int webappTaskCount(AppNode node, WebappSession login) {
        return webappTaskCountAnswer(node, login).status();
    }

    private static Answer webappTaskCountAnswer(AppNode node, WebappSession login) {
        return login.getAt(node.baseUrl(), "/camunda/api/engine/engine/default/task/count");
    }

    private static HttpResponse<String> postCsv(AppNode node, String path, String csv) {
        try {
            String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + AppNode.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keeps the longest job of each kind either node has run so far, from their Prometheus endpoints (whose
     * maximum covers the last two minutes only) and answers them.
     */
    private String longestJobs() {
        Pattern series = Pattern.compile("careers_jobs_duration_seconds_max\\{activity=\"([^\"]*)\",process=\"([^\"]*)\"} (\\S+)");
        for (AppNode node : List.of(a, b)) {
            if (!node.isAlive()) {
                continue;
            }
            node.management("/actuator/prometheus").body().lines().map(series::matcher).filter(Matcher::matches)
                .forEach(m -> longest.merge(m.group(2) + "/" + m.group(1), Double.parseDouble(m.group(3)), Math::max));
        }
        return longest.entrySet().stream().map(e -> String.format("%s %.2f", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", "));
    }

    private static long jsonLogLines(AppNode node) {
        try (var lines = Files.lines(node.log())) {
            List<String> all = lines.toList();
            assertThat(all).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
            return all.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void figure(String format, Object... values) {
        String line = String.format(format, values);
        figures.add(line);
        System.out.println("[fault trials] " + line);
    }
}
