package org.careerconversations.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The cluster's state as the database holds it, for Prometheus: jobs due and not yet taken, jobs locked past
 * their lock time, open incidents, the mail outbox, running rounds, conversations by status and overdue tasks.
 * Every node reports the same figures (take the maximum over nodes, not the sum); they are read every
 * {@code careers.metrics.refresh} (15 s), not at each scrape, and are missing while the database is down.
 * Tags are states and model keys only: no person's id, name or business key.
 */
@Component
public class OperationsFigures {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsFigures.class);

    /** What the last reading found. */
    record Snapshot(long jobsDue, double oldestDueJobSeconds, long jobsLockedPastTime, long tasksOverdue,
                    long roundsRunning, double oldestRoundSeconds, double oldestPendingMailSeconds,
                    Map<Tags, Long> incidents, Map<String, Long> outbox, Map<String, Long> conversations) {
    }

    private final JdbcTemplate jdbc;
    private final DatabaseStatus database;
    private final MultiGauge incidents;
    private final MultiGauge outbox;
    private final MultiGauge conversations;
    private volatile Snapshot last;

    OperationsFigures(JdbcTemplate jdbc, DatabaseStatus database, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.database = database;
        gauge(registry, "careers.jobs.due", "Jobs due and not taken by any node", Snapshot::jobsDue);
        gauge(registry, "careers.jobs.due.oldest.seconds", "How long the oldest job due and not taken has waited",
            Snapshot::oldestDueJobSeconds);
        gauge(registry, "careers.jobs.locked.expired", "Jobs whose lock ran out: the node that held them is gone",
            Snapshot::jobsLockedPastTime);
        gauge(registry, "careers.tasks.overdue", "Open user tasks past their due date", Snapshot::tasksOverdue);
        gauge(registry, "careers.rounds.running", "Rounds (CycleScheduler) not yet complete", Snapshot::roundsRunning);
        gauge(registry, "careers.rounds.running.oldest.seconds", "How long the oldest running round has been running",
            Snapshot::oldestRoundSeconds);
        gauge(registry, "careers.mail.outbox.oldest.seconds", "How long the oldest mail not yet sent has waited",
            Snapshot::oldestPendingMailSeconds);
        this.incidents = MultiGauge.builder("careers.incidents")
            .description("Open incidents by type and process").register(registry);
        this.outbox = MultiGauge.builder("careers.mail.outbox")
            .description("Mails in the notification table by state (PENDING, FAILED: not sent yet)").register(registry);
        this.conversations = MultiGauge.builder("careers.conversations")
            .description("Conversations by status").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, figures -> figures.last == null ? Double.NaN : value.applyAsDouble(figures.last))
            .description(description).register(registry);
    }

    /** Reads the figures again (scheduled; tests call it to see a change at once). */
    @Scheduled(fixedDelayString = "${careers.metrics.refresh:PT15S}", initialDelayString = "PT5S")
    public void refresh() {
        if (database.isDown()) {
            forget();
            return;
        }
        try {
            last = read(ClockUtil.getCurrentTime().toInstant());
        } catch (RuntimeException e) {
            LOG.debug("Could not read the operations figures: {}", e.getMessage());
            forget();
            return;
        }
        incidents.register(last.incidents().entrySet().stream()
            .map(row -> MultiGauge.Row.of(row.getKey(), row.getValue())).toList(), true);
        outbox.register(last.outbox().entrySet().stream()
            .map(row -> MultiGauge.Row.of(Tags.of("state", row.getKey()), row.getValue())).toList(), true);
        conversations.register(last.conversations().entrySet().stream()
            .map(row -> MultiGauge.Row.of(Tags.of("status", row.getKey()), row.getValue())).toList(), true);
    }

    private void forget() {
        last = null;
        incidents.register(List.of(), true);
        outbox.register(List.of(), true);
        conversations.register(List.of(), true);
    }

    private Snapshot read(Instant now) {
        Timestamp at = Timestamp.from(now);
        Map<String, Object> jobs = jdbc.queryForMap("""
            select sum(case when LOCK_OWNER_ is null or LOCK_EXP_TIME_ < ? then 1 else 0 end) as due,
                   min(case when LOCK_OWNER_ is null or LOCK_EXP_TIME_ < ? then coalesce(DUEDATE_, CREATE_TIME_) end)
                     as oldest,
                   sum(case when LOCK_OWNER_ is not null and LOCK_EXP_TIME_ < ? then 1 else 0 end) as expired
            from ACT_RU_JOB
            where RETRIES_ > 0 and SUSPENSION_STATE_ = 1 and (DUEDATE_ is null or DUEDATE_ <= ?)""", at, at, at, at);
        Map<String, Object> rounds = jdbc.queryForMap("""
            select count(*) as running, min(h.START_TIME_) as oldest
            from ACT_HI_PROCINST h
            where h.ID_ in (select e.PROC_INST_ID_ from ACT_RU_EXECUTION e
                            join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
                            where e.PARENT_ID_ is null and d.KEY_ = 'CycleScheduler')""");
        Map<Tags, Long> openIncidents = new LinkedHashMap<>();
        jdbc.query("""
            select i.INCIDENT_TYPE_ as type, coalesce(d.KEY_, 'none') as process, count(*) as n
            from ACT_RU_INCIDENT i left join ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_
            group by i.INCIDENT_TYPE_, coalesce(d.KEY_, 'none')""",
            row -> {
                openIncidents.put(Tags.of("type", row.getString("type"), "process", row.getString("process")),
                    row.getLong("n"));
            });
        Map<String, Long> mails = new LinkedHashMap<>();
        jdbc.query("select state, count(*) as n from notification group by state",
            row -> {
                mails.put(row.getString("state"), row.getLong("n"));
            });
        Timestamp oldestMail = jdbc.queryForObject(
            "select min(created_at) from notification where state in ('PENDING', 'FAILED')", Timestamp.class);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.query("select status, count(*) as n from conversation group by status",
            row -> {
                byStatus.put(row.getString("status"), row.getLong("n"));
            });
        Long overdue = jdbc.queryForObject("select count(*) from ACT_RU_TASK where DUE_DATE_ < ?", Long.class, at);
        return new Snapshot(number(jobs.get("due")), age(jobs.get("oldest"), now), number(jobs.get("expired")),
            Objects.requireNonNullElse(overdue, 0L), number(rounds.get("running")), age(rounds.get("oldest"), now),
            age(oldestMail, now), openIncidents, mails, byStatus);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Seconds from then until now; the engine writes its times without a zone, in the JVM's. */
    private static double age(Object then, Instant now) {
        Instant since;
        if (then instanceof Timestamp timestamp) {
            since = timestamp.toInstant();
        } else if (then instanceof LocalDateTime local) {
            since = local.atZone(ZoneId.systemDefault()).toInstant();
        } else if (then instanceof OffsetDateTime offset) {
            since = offset.toInstant();
        } else {
            return 0;
        }
        return Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }
}
