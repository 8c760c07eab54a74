package org.careerconversations.benchmark;

import static org.careerconversations.process.ProcessVariables.*;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.careerconversations.conversation.Submissions;
import org.careerconversations.organisation.OrganisationImport;
import org.careerconversations.process.ProcessIds;
import org.careerconversations.security.WebappSession;
import org.careerconversations.round.RoundService;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** All phases on one database, app and bare side by side in one Spring context. */
final class BenchRun {

    private static final String APP = ProcessIds.CAREER_CONVERSATION;
    private static final String BARE = BareModel.KEY;
    private static final List<String> WALK = List.of(ProcessIds.TASK_SCHEDULE_CONVERSATION,
        ProcessIds.TASK_PREPARE_EMPLOYEE, ProcessIds.TASK_PREPARE_MANAGER, ProcessIds.TASK_HOLD_CONVERSATION,
        ProcessIds.TASK_DOCUMENT_AGREEMENTS, ProcessIds.TASK_SIGN_OFF);

    /** The key of the mails (rows of table notification) beside the process instances of a snapshot. */
    private static final String MAILS = "mails";

    private final ConfigurableApplicationContext ctx;
    private final String db;
    private final Benchmark.Config config;
    private final Figures figures;
    private final Path h2Dir;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RoundService rounds;
    private final List<String> people = new ArrayList<>();
    private final Supplier<ConfigurableApplicationContext> secondNodeStarter;
    private ConfigurableApplicationContext secondNode;
    private int nextPerson;

    /**
     * The phases on the database of {@code ctx}; {@code secondNodeStarter} (or null) starts a second node of the
     * app on the same database for the two-node figures, which this run closes at its end.
     */
    BenchRun(ConfigurableApplicationContext ctx, String db, Benchmark.Config config, Figures figures, Path h2Dir,
             Supplier<ConfigurableApplicationContext> secondNodeStarter) {
        this.ctx = ctx;
        this.db = db;
        this.config = config;
        this.figures = figures;
        this.h2Dir = h2Dir;
        this.runtime = ctx.getBean(RuntimeService.class);
        this.tasks = ctx.getBean(TaskService.class);
        this.jdbc = ctx.getBean(JdbcTemplate.class);
        this.tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
        this.rounds = ctx.getBean(RoundService.class);
        this.secondNodeStarter = secondNodeStarter;
        // the job executor runs in the round phase only: until then mails wait as jobs and are counted; and no
        // daily round of its own comes in the middle of a measurement
        jobExecutor(ctx).shutdown();
        ctx.getBean(ManagementService.class).suspendJobDefinitionByProcessDefinitionKey("DailyRound", true);
    }

    /** One engine command and transaction, as a round's chunk job runs its starts: they share one flush. */
    private <T> T inOneCommand(Supplier<T> work) {
        return engine(ctx).getCommandExecutorTxRequired().execute(commandContext -> work.get());
    }

    private static JobExecutor jobExecutor(ConfigurableApplicationContext node) {
        return engine(node).getJobExecutor();
    }

    private static ProcessEngineConfigurationImpl engine(ConfigurableApplicationContext node) {
        return (ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration();
    }

    private boolean twoNodes() {
        return secondNodeStarter != null;
    }

    private ConfigurableApplicationContext secondNode() {
        if (secondNode == null) {
            secondNode = secondNodeStarter.get();
            jobExecutor(secondNode).shutdown();
        }
        return secondNode;
    }

    void all() throws Exception {
        try {
            phases();
        } finally {
            if (secondNode != null) {
                secondNode.close();
            }
        }
    }

    private void phases() throws Exception {
        importOrganisation();
        RepositoryService repository = ctx.getBean(RepositoryService.class);
        if (repository.createProcessDefinitionQuery().processDefinitionKey(BARE).count() == 0) {
            // the model takes ReviewCadence from its own deployment
            repository.createDeployment().name("benchmark-bare")
                .addModelInstance("bare-conversation.bpmn", BareModel.fromAppModel())
                .addClasspathResource("dmn/review-cadence.dmn").deploy();
        }
        if (config.runs("warmup")) {
            warmUp();
        }
        if (config.runs("storage")) {
            storage();
        }
        if (config.runs("launch")) {
            launch();
        }
        if (config.runs("inbox")) {
            inbox();
        }
        if (config.runs("round")) {
            round(List.of(ctx), "");
            if (twoNodes()) {
                round(List.of(ctx, secondNode()), ".2nodes");
            }
        }
        if (config.runs("cycles")) {
            for (int threads : new int[] {1, 4}) {
                cycles(threads, List.of(tasks), "");
            }
            if (twoNodes()) {
                cycles(4, List.of(tasks, secondNode().getBean(TaskService.class)), ".2nodes");
            }
        }
        if (config.runs("limit")) {
            limit();
        }
    }

    // --- the organisation -------------------------------------------------------------------------------------

    private void importOrganisation() {
        // a round takes its people from the front and leaves the reserved ones (warm-up, storage) at the end; the
        // generated organisation's people without a manager and those the launch took leave gaps: 2% to spare
        int rounds = config.runs("round")
            ? config.round() * (twoNodes() ? 2 : 1) * 102 / 100 + config.warmup() + config.storage() + 10 : 0;
        int needed = config.launch() + rounds + config.warmup() + config.storage() + 10;
        int there = jdbc.queryForObject("select count(*) from employee", Integer.class);
        if (there >= needed) {
            // a kept database (bench.pgdata) that has them already
            people.addAll(jdbc.queryForList(
                "select id from employee where manager_id is not null and active = true order by id", String.class));
            return;
        }
        long t0 = System.nanoTime();
        OrganisationImport.Report report = ctx.getBean(OrganisationImport.class)
            .importCsv(Organisations.csvFor(needed), OrganisationImport.Mode.PARTIAL);
        if (!report.imported()) {
            throw new IllegalStateException("organisation import failed: " + report.problems());
        }
        figures.add("s", "import." + report.rows() + "people." + db, seconds(t0), "s");
        people.addAll(jdbc.queryForList(
            "select id from employee where manager_id is not null and active = true order by id", String.class));
        if (people.size() < needed - 10) {
            throw new IllegalStateException("only " + people.size() + " people with a manager, need " + needed);
        }
    }

    /** The reserved people for warm-up and storage cycles: the last ones in id order, so a round takes the rest. */
    private String reservedPerson() {
        return people.get(people.size() - 1 - nextPerson++);
    }

    // --- one whole cycle, app and bare --------------------------------------------------------------------------

    private String startApp(String employeeId) {
        // exactly what RoundService does for each due employee
        return runtime.startProcessInstanceByKey(APP,
            Variables.createVariables().putValue(EMPLOYEE_ID, employeeId)).getId();
    }

    /** The bare start carries the variables the app's Task_OpenRecord sets, so the engine stores as many. */
    private String startBare(String employeeId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(EMPLOYEE_ID, employeeId);
        vars.put(EMPLOYEE_NAME, "Employee " + employeeId);
        vars.put(MANAGER_ID, BareModel.BARE_ASSIGNEE);
        vars.put(MANAGER_NAME, "Manager of " + employeeId);
        vars.put(HR_PARTNER_ID, BareModel.BARE_ASSIGNEE);
        vars.put(HR_PARTNER_NAME, "HR partner");
        vars.put(CYCLE, 1);
        vars.put(CONVERSATION_ID, 0L);
        vars.put(PREVIOUS_PLAN_SUMMARY, null);
        vars.put(RESCHEDULE_COUNT, 0);
        vars.put(REJECTION_COUNT, 0);
        return runtime.startProcessInstanceByKey(BARE, employeeId + "-b", vars).getId();
    }

    /** Every user task to the cadence decision, as Tasklist would submit them (Submissions), via the Java API. */
    private void walk(String processInstanceId, boolean bare) {
        walk(processInstanceId, bare, tasks);
    }

    /** The same through one node's task service. */
    private void walk(String processInstanceId, boolean bare, TaskService tasks) {
        Instant meeting = Instant.now().plus(7, ChronoUnit.DAYS);
        for (String key : WALK) {
            Map<String, Object> values = switch (key) {
                case ProcessIds.TASK_SCHEDULE_CONVERSATION -> Submissions.scheduleConversation(meeting);
                case ProcessIds.TASK_PREPARE_EMPLOYEE -> Submissions.prepareEmployee();
                case ProcessIds.TASK_PREPARE_MANAGER -> Submissions.prepareManager();
                case ProcessIds.TASK_HOLD_CONVERSATION -> Submissions.holdConversation("held", null);
                case ProcessIds.TASK_DOCUMENT_AGREEMENTS -> Submissions.documentAgreements();
                default -> Submissions.agree();
            };
            values = Submissions.forJavaApi(values);
            if (bare) {
                // what the app's listeners and delegates would have set for the gateways, timers and decision
                if (key.equals(ProcessIds.TASK_SCHEDULE_CONVERSATION)) {
                    values.put(MEETING_STARTS_AT, Date.from(meeting));
                } else if (key.equals(ProcessIds.TASK_SIGN_OFF)) {
                    values.put(CONVERSATION_OUTCOME, "agreed");
                    values.put(EMPLOYMENT_TYPE, "permanent");
                    values.put(TENURE_MONTHS, 36);
                    values.put("nextCheckInAt", Date.from(meeting.plus(42, ChronoUnit.DAYS)));
                }
            }
            Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
                .singleResult();
            if (task == null) {
                throw new IllegalStateException("no " + key + " in " + processInstanceId + " (bare " + bare + ")");
            }
            tasks.complete(task.getId(), values);
        }
    }

    private void fullCycle(boolean bare) {
        String employee = reservedPerson();
        walk(bare ? startBare(employee) : startApp(employee), bare);
    }

    private void warmUp() {
        long t0 = System.nanoTime();
        for (int i = 0; i < config.warmup(); i++) {
            fullCycle(false);
            fullCycle(true);
        }
        figures.add("s", "warmup." + db, seconds(t0), "s");
    }

    // --- 4. storage -----------------------------------------------------------------------------------------------

    private void storage() throws Exception {
        int n = config.storage();
        for (boolean bare : new boolean[] {false, true}) {
            String side = bare ? "bare" : "app";
            Snapshot before = snapshot();
            for (int i = 0; i < n; i++) {
                fullCycle(bare);
            }
            Snapshot after = snapshot();
            String prefix = "cycle." + side + "." + db;
            figures.add("rows", prefix + ".kept.history", (after.history - before.history) / (double) n, "rows");
            for (Map.Entry<String, Long> e : after.historyByTable.entrySet()) {
                long delta = e.getValue() - before.historyByTable.getOrDefault(e.getKey(), 0L);
                if (delta != 0) {
                    figures.add("rows", prefix + ".kept.history." + e.getKey().toLowerCase(), delta / (double) n,
                        "rows");
                }
            }
            figures.add("rows", prefix + ".kept.runtime", (after.runtime - before.runtime) / (double) n, "rows");
            figures.add("rows", prefix + ".kept.bytearray", (after.bytearray - before.bytearray) / (double) n, "rows");
            figures.add("rows", prefix + ".kept.app", (after.app - before.app) / (double) n, "rows");
            if (after.written >= 0) {
                figures.add("rows", prefix + ".written", (after.written - before.written) / (double) n, "row writes");
            }
            if (after.historyBytes >= 0) {
                figures.add("bytes", prefix + ".history", (after.historyBytes - before.historyBytes) / (double) n / 1024,
                    "KB");
                figures.add("bytes", prefix + ".all", (after.allBytes - before.allBytes) / (double) n / 1024, "KB");
            }
            if (after.fileBytes >= 0) {
                figures.add("bytes", prefix + ".h2file", (after.fileBytes - before.fileBytes) / (double) n / 1024,
                    "KB (H2 file growth)");
            }
            for (Map.Entry<String, Long> e : after.instancesByKey.entrySet()) {
                long delta = e.getValue() - before.instancesByKey.getOrDefault(e.getKey(), 0L);
                if (delta > 0) {
                    figures.add("count", prefix + (e.getKey().equals(MAILS) ? ".mails" : ".instances." + e.getKey()),
                        delta / (double) n, "per cycle");
                }
            }
        }
    }

    private record Snapshot(long history, long runtime, long bytearray, long app, long written, long historyBytes,
                            long allBytes, long fileBytes, Map<String, Long> instancesByKey,
                            Map<String, Long> historyByTable) {
    }

    private Snapshot snapshot() throws Exception {
        boolean pg = db.equals("postgres");
        List<String> tables = pg
            ? jdbc.queryForList("select tablename from pg_tables where schemaname = 'public'", String.class)
            : jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'PUBLIC'"
                + " and table_type = 'BASE TABLE'", String.class);
        long history = 0, rt = 0, bytearray = 0, app = 0, historyBytes = pg ? 0 : -1, allBytes = pg ? 0 : -1;
        Map<String, Long> historyByTable = new java.util.TreeMap<>();
        for (String table : tables) {
            String upper = table.toUpperCase();
            if (upper.startsWith("FLYWAY") || upper.startsWith("BENCH_")) {
                continue;
            }
            long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
            long bytes = pg ? jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, table) : 0;
            if (upper.startsWith("ACT_HI_")) {
                history += rows;
                historyBytes += bytes;
                historyByTable.put(upper, rows);
            } else if (upper.startsWith("ACT_RU_")) {
                rt += rows;
            } else if (upper.equals("ACT_GE_BYTEARRAY")) {
                bytearray += rows;
            } else if (!upper.startsWith("ACT_")) {
                app += rows;
            }
            allBytes += bytes;
        }
        long written = -1;
        if (pg) {
            written = settledRowWrites();
        }
        long fileBytes = -1;
        if (h2Dir != null) {
            jdbc.execute("CHECKPOINT");
            fileBytes = Files.size(h2Dir.resolve("careers.mv.db"));
        }
        Map<String, Long> byKey = new HashMap<>();
        jdbc.query("select PROC_DEF_KEY_, count(*) from ACT_HI_PROCINST group by PROC_DEF_KEY_",
            rs -> { byKey.put(rs.getString(1), rs.getLong(2)); });
        // SendNotification keeps no history (process/HelpersWithoutHistory): its instances are counted by their
        // jobs, which wait outside the round phase (the job executors stand still); a delivery takes several mails
        byKey.put(ProcessIds.SEND_NOTIFICATION, jdbc.queryForObject(
            "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = ?", Long.class, ProcessIds.SEND_NOTIFICATION));
        byKey.put(MAILS, jdbc.queryForObject("select count(*) from notification", Long.class));
        return new Snapshot(history, rt, bytearray, app, written, historyBytes, allBytes, fileBytes, byKey,
            historyByTable);
    }

    /**
     * Row writes of the app's and engine's tables as PostgreSQL's statistics report them. PostgreSQL 14 sends a
     * connection's counts with its next transaction at least half a second after the last, or when it closes: so
     * write a marker row, close the pool's idle connections (the pool opens new ones as needed), then poll until
     * the marker shows and two readings in a row agree.
     */
    private long settledRowWrites() {
        return settledRowWrites("%");
    }

    /** The same for the tables whose names are like {@code tables}. */
    private long settledRowWrites(String tables) {
        jdbc.execute("create table if not exists bench_stats_marker (id bigserial primary key)");
        jdbc.update("insert into bench_stats_marker default values");
        long markers = jdbc.queryForObject("select count(*) from bench_stats_marker", Long.class);
        try {
            ctx.getBean(DataSource.class).unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        AtomicLong previous = new AtomicLong(-1);
        return Awaitility.await("PostgreSQL's statistics to settle").atMost(Duration.ofSeconds(30))
            .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(600))
            .until(() -> {
                jdbc.execute("select pg_stat_clear_snapshot()");
                long markerSeen = jdbc.queryForObject("select coalesce(sum(n_tup_ins), 0) from pg_stat_user_tables "
                    + "where relname = 'bench_stats_marker'", Long.class);
                long writes = jdbc.queryForObject("select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from "
                    + "pg_stat_user_tables where relname not like 'flyway%' and relname not like 'bench_%' "
                    + "and relname like ?", Long.class, tables);
                long before = previous.getAndSet(writes);
                return markerSeen >= markers && writes == before ? writes : null;
            }, java.util.Objects::nonNull);
    }

    // --- 1. round launch ------------------------------------------------------------------------------------------

    private void launch() throws IOException {
        LocalDate horizon = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(14);
        long appNanos = 0, bareNanos = 0;
        int appStarted = 0, bareStarted = 0;
        String last = null;
        List<String> launchPeople = jdbc.queryForList("select id from employee where manager_id is not null and "
            + "active = true and not exists (select 1 from conversation c where c.employee_id = employee.id) "
            + "order by id", String.class);
        boolean pg = db.equals("postgres");
        Explain explain = config.explain() && pg ? new Explain(jdbc, Path.of("target", "benchmarks")) : null;
        // app chunk and bare chunk in turn: both meet the same database size, JIT and neighbours' load
        while (appStarted < config.launch()) {
            // the first pair of chunks also counts what each start writes (and, with bench.explain, sends)
            boolean counted = pg && appStarted == 0;
            long writes = counted ? settledRowWrites() : 0;
            if (counted && explain != null) {
                explain.countStatements();
            }
            long t0 = System.nanoTime();
            String after = last;
            RoundService.Chunk chunk = inOneCommand(() -> rounds.startChunk(horizon, null, after));
            appNanos += System.nanoTime() - t0;
            if (counted) {
                figures.add("rows", "launch.app." + db + ".written", (settledRowWrites() - writes)
                    / (double) Math.max(1, chunk.started()), "row writes per conversation started");
                if (explain != null) {
                    explain.statements("launch.app", chunk.started());
                }
            }
            appStarted += chunk.started();
            last = chunk.lastEmployeeId();
            List<String> bareChunk = launchPeople.subList(bareStarted,
                Math.min(launchPeople.size(), bareStarted + Math.max(chunk.started(), 1)));
            writes = counted ? settledRowWrites() : 0;
            if (counted && explain != null) {
                explain.countStatements();
            }
            long t1 = System.nanoTime();
            inOneCommand(() -> {
                bareChunk.forEach(this::startBare);
                return null;
            });
            bareNanos += System.nanoTime() - t1;
            if (counted) {
                figures.add("rows", "launch.bare." + db + ".written", (settledRowWrites() - writes)
                    / (double) Math.max(1, bareChunk.size()), "row writes per instance started");
                if (explain != null) {
                    explain.statements("launch.bare", bareChunk.size());
                }
            }
            bareStarted += bareChunk.size();
            if (!chunk.more()) {
                break;
            }
        }
        double app = appStarted / (appNanos / 1e9);
        double bare = bareStarted / (bareNanos / 1e9);
        figures.add("rate", "launch.app." + db, app, "conversations/s (" + appStarted + " started)");
        figures.add("rate", "launch.bare." + db, bare, "instances/s (" + bareStarted + " started)");
        figures.add("ratio", "launch." + db, app / bare, "");
    }

    // --- the round, as it runs on the nodes: their job executors take its chunks ----------------------------------

    /**
     * A real round (CycleScheduler, started as HR's launch or the daily timer starts it) of the next
     * {@code bench.round} people without a conversation, run by the job executors of {@code nodes} with the app's
     * own settings: from its start to its end, and on until the last of its mails is delivered. Meanwhile everyone
     * else waits (their next conversation is due in a year) and the mails queued by earlier phases are suspended,
     * so that the executors work on this round alone.
     */
    private void round(List<ConfigurableApplicationContext> nodes, String suffix) {
        int size = config.round();
        // the reserved people (warm-up and storage cycles) are the last in id order: never in a round
        List<String> free = jdbc.queryForList("select id from employee e where manager_id is not null and "
            + "active = true and not exists (select 1 from conversation c where c.employee_id = e.id) "
            + "order by id", String.class);
        List<String> candidates = free.subList(0, Math.max(0, free.size() - config.warmup() - config.storage() - 10));
        if (candidates.size() < size) {
            throw new IllegalStateException("only " + candidates.size() + " people left for a round of " + size);
        }
        String first = candidates.get(0);
        String last = candidates.get(size - 1);
        java.sql.Date later = java.sql.Date.valueOf(LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusYears(1));
        jdbc.update("update employee set next_conversation_due = ? where next_conversation_due is null "
            + "and (id < ? or id > ?)", later, first, last);
        ManagementService management = ctx.getBean(ManagementService.class);
        management.updateJobSuspensionState().byProcessDefinitionKey(ProcessIds.SEND_NOTIFICATION).suspend();
        long before = jdbc.queryForObject("select count(*) from conversation", Long.class);
        List<JobExecutor> executors = nodes.stream().map(BenchRun::jobExecutor).toList();
        String name = "round." + db + suffix;
        try {
            executors.forEach(JobExecutor::start);
            long t0 = System.nanoTime();
            long[] cpu = cpuTicks();
            String round = runtime.startProcessInstanceByKey("CycleScheduler").getId();
            HistoryService history = ctx.getBean(HistoryService.class);
            Awaitility.await("the round's end").atMost(Duration.ofSeconds(900 + size / 20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(round).finished().count() == 1);
            double seconds = seconds(t0);
            long started = jdbc.queryForObject("select count(*) from conversation", Long.class) - before;
            figures.add("rate", name, started / seconds, "conversations/s (" + started + " started on "
                + nodes.size() + (nodes.size() == 1 ? " node)" : " nodes)"));
            figures.add("s", name, seconds, "s from its start to its end");
            if (cpu != null) {
                // how much processor the round left unused: what a second node on the same machine could use
                long[] after = cpuTicks();
                figures.add("percent", name + ".cpu", 100.0 * (1 - (after[1] - cpu[1]) / (double) (after[0] - cpu[0])),
                    "% of the machine's processor time busy (all processes, /proc/stat)");
            }
            figures.add("ms", name + ".longestChunk", jdbc.queryForObject("select max(DURATION_) from ACT_HI_ACTINST "
                + "where PROC_INST_ID_ = ? and ACT_ID_ = 'Task_StartDueConversations'", Long.class, round),
                "ms, the longest of its chunks (lock time " + ctx.getEnvironment()
                    .getProperty("camunda.bpm.job-execution.lock-time-in-millis", "300000") + " ms)");
            Awaitility.await("the round's mails").atMost(Duration.ofSeconds(900 + size / 20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> management.createJobQuery().processDefinitionKey(ProcessIds.SEND_NOTIFICATION).active()
                    .count() == 0);
            figures.add("s", name + ".mails", seconds(t0), "s from its start until its last mail was delivered");
        } finally {
            executors.forEach(JobExecutor::shutdown);
            jdbc.update("update employee set next_conversation_due = null where next_conversation_due = ?", later);
        }
    }

    /** The machine's processor ticks so far: {all, idle and waiting for I/O}; null where /proc/stat is missing. */
    private static long[] cpuTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            // user, nice, system, idle, iowait, irq, softirq, steal (guest time is counted in user already)
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                all += Long.parseLong(fields[i]);
            }
            return new long[] {all, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    // --- 3. inbox queries through the REST API, as Tasklist asks for them ------------------------------------------

    private void inbox() throws Exception {
        long openConversations = runtime.createProcessInstanceQuery().processDefinitionKey(APP).active().count();
        long openTasks = tasks.createTaskQuery().count();
        figures.add("count", "inbox.open.conversations." + db, openConversations, "app conversations open");
        figures.add("count", "inbox.open.tasks." + db, openTasks, "tasks open (app + bare)");
        // the manager with the most reports waiting for scheduling, and one of those reports one step further
        Map<String, Object> busiest = jdbc.queryForMap("select e.manager_id as manager, count(*) as n from conversation c "
            + "join employee e on e.id = c.employee_id where c.status = 'SCHEDULING' group by e.manager_id "
            + "order by count(*) desc, e.manager_id limit 1");
        String manager = (String) busiest.get("manager");
        String employee = jdbc.queryForObject("select c.employee_id from conversation c join employee e on "
            + "e.id = c.employee_id where c.status = 'SCHEDULING' and e.manager_id = ? order by c.employee_id limit 1",
            String.class, manager);
        String pid = jdbc.queryForObject("select process_instance_id from conversation where employee_id = ? "
            + "and status = 'SCHEDULING'", String.class, employee);
        Task schedule = tasks.createTaskQuery().processInstanceId(pid)
            .taskDefinitionKey(ProcessIds.TASK_SCHEDULE_CONVERSATION).singleResult();
        tasks.complete(schedule.getId(), Submissions.forJavaApi(Submissions.scheduleConversation(Instant.now().plus(7,
            ChronoUnit.DAYS))));
        IdentityService identity = ctx.getBean(IdentityService.class);
        for (String user : List.of(manager, employee)) {
            User u = identity.createUserQuery().userId(user).singleResult();
            u.setPassword("bench");
            identity.saveUser(u);
        }
        FilterService filters = ctx.getBean(FilterService.class);
        String myTasks = filters.createFilterQuery().filterName("My tasks").singleResult().getId();
        String myTeam = filters.createFilterQuery().filterName("My team's conversations").singleResult().getId();
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        figures.add("count", "inbox.employee.tasks." + db, tasks.createTaskQuery().taskAssignee(employee).count(), "");
        figures.add("count", "inbox.manager.tasks." + db, tasks.createTaskQuery().taskAssignee(manager).count(), "");
        // where an inbox call's time goes: the list from /engine-rest with HTTP Basic (a password check per call),
        // the same without HAL (no embedded users, definitions, variables), and a bare authenticated count
        measureInbox(http, port, employee, myTasks, "employee.basic");
        measureInbox(http, port, manager, myTeam, "manager.basic");
        measure(http, filterList(port, employee, myTasks, "application/json"), "employee.json");
        HttpRequest count = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/task/count?assignee=" + employee)).header("Authorization", basic(employee)).GET().build();
        measure(http, count, "employee.count");
        // as Tasklist asks: logged in to the webapp (session cookie and CSRF token), through its engine API
        WebappSession employeeSession = tasklistLogin(port, employee);
        WebappSession managerSession = tasklistLogin(port, manager);
        HttpRequest employeeList = tasklistList(port, myTasks, employeeSession.csrfToken());
        HttpRequest managerList = tasklistList(port, myTeam, managerSession.csrfToken());
        long sessionWritesBefore = db.equals("postgres") ? settledRowWrites("spring_session%") : -1;
        int requests = measure(employeeSession.client(), employeeList, "employee");
        if (sessionWritesBefore >= 0) {
            // the webapp's sessions live in the database: what each request writes there
            figures.add("rows", "inbox.session.writes." + db, (settledRowWrites("spring_session%")
                - sessionWritesBefore) / (double) requests, "row writes per request (spring_session*)");
        }
        measure(managerSession.client(), managerList, "manager");
        if (config.explain() && db.equals("postgres")) {
            Explain explain = new Explain(jdbc, Path.of("target", "benchmarks"));
            explain.plans("employee", employeeSession.client(), employeeList);
            explain.plans("manager", managerSession.client(), managerList);
            explain.plans("employee.count", http, count);
        }
    }

    /** Logged in to Tasklist as a browser is (security/WebappSession). */
    private static WebappSession tasklistLogin(int port, String user) {
        WebappSession session = WebappSession.login("http://localhost:" + port, "tasklist", user, "bench");
        if (session.loginStatus() != 200) {
            throw new IllegalStateException(user + " could not log in to Tasklist: " + session.loginStatus());
        }
        return session;
    }

    /** Tasklist's list call through the webapp's engine API, first page of 15, HAL. */
    private static HttpRequest tasklistList(int port, String filterId, String csrfToken) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default/"
                + "filter/" + filterId + "/list?firstResult=0&maxResults=15"))
            .header("X-XSRF-TOKEN", csrfToken)
            .header("Accept", "application/hal+json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"processVariables\":[],\"taskVariables\":[],"
                + "\"caseInstanceVariables\":[],\"orQueries\":[]}"))
            .build();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":bench").getBytes(StandardCharsets.UTF_8));
    }

    /** Tasklist's list call: POST /filter/{id}/list, first page of 15 (Tasklist asks for HAL). */
    private static HttpRequest filterList(int port, String user, String filterId, String accept) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/filter/"
                + filterId + "/list?firstResult=0&maxResults=15"))
            .header("Authorization", basic(user))
            .header("Accept", accept)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"processVariables\":[],\"taskVariables\":[],"
                + "\"caseInstanceVariables\":[],\"orQueries\":[]}"))
            .build();
    }

    private void measureInbox(HttpClient http, int port, String user, String filterId, String who) throws Exception {
        measure(http, filterList(port, user, filterId, "application/hal+json"), who);
    }

    /** Times the request (after a warm-up) and answers how many times it was sent. */
    private int measure(HttpClient http, HttpRequest request, String who) throws Exception {
        int warm = Math.max(20, config.inboxSamples() / 5);
        double[] ms = new double[config.inboxSamples()];
        for (int i = -warm; i < ms.length; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(who + " inbox answered " + answer.statusCode() + ": " + answer.body());
            }
            if (i == -warm && request.headers().firstValue("Accept").orElse("").contains("hal")
                && !answer.body().contains("\"_embedded\"")) {
                throw new IllegalStateException(who + " inbox is not HAL: " + answer.body());
            }
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        for (int p : new int[] {50, 95, 99}) {
            figures.add("p" + p, "inbox." + who + "." + db, ms[Math.min(ms.length - 1, (int) Math.ceil(p / 100.0
                * ms.length) - 1)], "ms");
        }
        return warm + ms.length;
    }

    // --- 2. full cycles, 1 and 4 threads ---------------------------------------------------------------------------

    /** Cycles on {@code threads} threads, which take turns over the nodes' task services. */
    private void cycles(int threads, List<TaskService> nodes, String suffix) throws Exception {
        int m = config.cycles();
        List<String> app = waitingForScheduling(APP, m);
        List<String> bare = waitingForScheduling(BARE, m);
        // ABBA: app half, bare half, bare half, app half, so drift in the machine's load hits both alike
        int half = m / 2;
        double appSeconds = drive(app.subList(0, half), false, threads, nodes);
        double bareSeconds = drive(bare.subList(0, half), true, threads, nodes);
        bareSeconds += drive(bare.subList(half, m), true, threads, nodes);
        appSeconds += drive(app.subList(half, m), false, threads, nodes);
        String name = "." + db + ".t" + threads + suffix;
        figures.add("rate", "cycle.app" + name, m / appSeconds, "cycles/s");
        figures.add("ms", "cycle.app" + name, appSeconds * 1000 / m * threads, "ms per cycle (per thread)");
        figures.add("rate", "cycle.bare" + name, m / bareSeconds, "cycles/s");
        figures.add("ms", "cycle.bare" + name, bareSeconds * 1000 / m * threads, "ms per cycle (per thread)");
        figures.add("ratio", "cycle" + name, (m / appSeconds) / (m / bareSeconds), "");
    }

    private List<String> waitingForScheduling(String key, int m) {
        List<String> ids = tasks.createTaskQuery().processDefinitionKey(key)
            .taskDefinitionKey(ProcessIds.TASK_SCHEDULE_CONVERSATION).listPage(0, m).stream()
            .map(Task::getProcessInstanceId).toList();
        if (ids.size() < m) {
            throw new IllegalStateException("only " + ids.size() + " " + key + " instances wait; launch more than "
                + "2 x bench.cycles");
        }
        return ids;
    }

    private double drive(List<String> instances, boolean bare, int threads, List<TaskService> nodes)
        throws Exception {
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < instances.size(); i++) {
                String pid = instances.get(i);
                TaskService node = nodes.get(i % nodes.size());
                done.add(pool.submit(() -> {
                    try {
                        walk(pid, bare, node);
                    } catch (RuntimeException e) {
                        if (failures.incrementAndGet() == 1) {
                            e.printStackTrace();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (failures.get() > 0) {
                figures.note("cycle.failures." + (bare ? "bare." : "app.") + db + ".t" + threads
                    + (nodes.size() > 1 ? "." + nodes.size() + "nodes" : ""),
                    failures.get() + " cycles failed");
            }
            return seconds;
        } finally {
            pool.shutdown();
        }
    }

    // --- 5. the limit: single-row insert + commit, 1 and 4 clients --------------------------------------------------

    private void limit() throws Exception {
        DataSource ds = ctx.getBean(DataSource.class);
        jdbc.execute("create table bench_commit (id bigint primary key, client int, payload varchar(200))");
        AtomicLong ids = new AtomicLong();
        for (int clients : new int[] {1, 4}) {
            long until = System.nanoTime() + config.limitSeconds() * 1_000_000_000L;
            AtomicLong commits = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    try (Connection con = ds.getConnection()) {
                        con.setAutoCommit(false);
                        try (PreparedStatement insert = con.prepareStatement(
                            "insert into bench_commit (id, client, payload) values (?, ?, ?)")) {
                            while (System.nanoTime() < until) {
                                insert.setLong(1, ids.incrementAndGet());
                                insert.setInt(2, client);
                                insert.setString(3, "a row of about the size of a small engine row");
                                insert.executeUpdate();
                                con.commit();
                                commits.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            figures.add("rate", "limit." + db + ".c" + clients, commits.get() / ((System.nanoTime() - t0) / 1e9),
                "commits/s");
        }
        jdbc.execute("drop table bench_commit");
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}

