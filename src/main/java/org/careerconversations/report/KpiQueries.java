package org.careerconversations.report;

import static org.careerconversations.process.ProcessIds.CAREER_CONVERSATION;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.careerconversations.conversation.ConversationStatus;
import org.careerconversations.process.OrganisationClock;
import org.careerconversations.report.Kpis.Instance;
import org.careerconversations.report.Kpis.Median;
import org.careerconversations.report.Kpis.MonthAverage;
import org.careerconversations.report.Kpis.OverdueStep;
import org.careerconversations.report.Kpis.Share;
import org.careerconversations.report.Kpis.StepRate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the KPIs with one aggregate query per figure over the app's tables and the engine's task tables
 * (joined on the conversation's process instance, so only {@code CareerConversation} tasks count). Nothing is
 * loaded row by row: the answers are as large as the number of steps and months, not of conversations.
 * The SQL is kept to what H2 and PostgreSQL both run.
 */
@Component
class KpiQueries {

    /** How many conversations behind an overdue number are listed for links. */
    static final int INSTANCES_PER_STEP = 5;
    /** The phase of an agreed conversation whose plan is being followed up. */
    static final String FOLLOW_UP = "FOLLOW_UP";
    /** When the conversation took place: as recorded when it was held, or as planned for older records. */
    private static final String MEETING = "coalesce(c.held_at, c.scheduled_at)";

    private final NamedParameterJdbcTemplate jdbc;
    private final RepositoryService repository;
    private final ZoneId zone;

    KpiQueries(NamedParameterJdbcTemplate jdbc, RepositoryService repository, OrganisationClock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.zone = clock.zone();
    }

    @Transactional(readOnly = true)
    Kpis compute(KpiFilter filter, Instant now) {
        return new Kpis(
            new Kpis.Period(filter.from().orElse(null), filter.to().orElse(null)),
            filter.managerId().orElse(null),
            filter.hrPartnerId().orElse(null),
            latestDefinitionId(),
            openByPhase(filter),
            overdueTasks(filter, now),
            onTimeRates(filter),
            daysFromMeetingToSignOff(filter),
            currentDevelopmentPlan(filter),
            developmentActionsDone(filter),
            jobSatisfactionTrend(filter),
            count("select coalesce(sum(c.reschedule_count), 0) from conversation c", filter, "c.opened_at"),
            count("select count(c.mediation_note) from conversation c", filter, "c.opened_at"));
    }

    private String latestDefinitionId() {
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
            .processDefinitionKey(CAREER_CONVERSATION).latestVersion().singleResult();
        return definition == null ? null : definition.getId();
    }

    private Map<String, Long> openByPhase(KpiFilter filter) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ConversationStatus status : ConversationStatus.values()) {
            if (status != ConversationStatus.AGREED && status != ConversationStatus.CANCELLED) {
                counts.put(status.name(), 0L);
            }
        }
        counts.put(FOLLOW_UP, 0L);
        Where where = new Where(filter).periodOn("c.opened_at", false)
            .and("(c.status not in ('AGREED', 'CANCELLED') or (c.status = 'AGREED' and c.follow_up_ended_at is null))");
        jdbc.query("select case when c.status = 'AGREED' then '" + FOLLOW_UP + "' else c.status end phase, count(*)"
                + " from conversation c" + where + " group by case when c.status = 'AGREED' then '" + FOLLOW_UP
                + "' else c.status end",
            where.params, rs -> {
                counts.put(rs.getString(1), rs.getLong(2));
            });
        return counts;
    }

    private List<OverdueStep> overdueTasks(KpiFilter filter, Instant now) {
        Where where = new Where(filter).periodOn("c.opened_at", false).and("t.DUE_DATE_ < :now");
        where.params.addValue("now", Timestamp.from(now));
        Map<String, OverdueStep> steps = new LinkedHashMap<>();
        jdbc.query("select t.TASK_DEF_KEY_, count(*) from ACT_RU_TASK t"
                + " join conversation c on c.process_instance_id = t.PROC_INST_ID_" + where
                + " group by t.TASK_DEF_KEY_ order by t.TASK_DEF_KEY_", where.params,
            rs -> {
                steps.put(rs.getString(1), new OverdueStep(rs.getString(1), StepNames.of(rs.getString(1)),
                    rs.getLong(2),
                    new ArrayList<>()));
            });
        if (!steps.isEmpty()) {
            where.params.addValue("limit", INSTANCES_PER_STEP);
            jdbc.query("select step, instance, business_key from (select t.TASK_DEF_KEY_ step,"
                    + " t.PROC_INST_ID_ instance, c.business_key,"
                    + " row_number() over (partition by t.TASK_DEF_KEY_ order by t.DUE_DATE_, t.ID_) n"
                    + " from ACT_RU_TASK t join conversation c on c.process_instance_id = t.PROC_INST_ID_" + where
                    + ") oldest where n <= :limit order by step, n", where.params,
                rs -> {
                    steps.get(rs.getString(1)).oldest().add(new Instance(rs.getString(2), rs.getString(3)));
                });
        }
        return List.copyOf(steps.values());
    }

    private List<StepRate> onTimeRates(KpiFilter filter) {
        Where where = new Where(filter).periodOn("h.END_TIME_", true)
            .and("h.END_TIME_ is not null").and("h.DUE_DATE_ is not null").and("h.DELETE_REASON_ = 'completed'");
        return jdbc.query("select h.TASK_DEF_KEY_, count(*),"
                + " sum(case when h.END_TIME_ <= h.DUE_DATE_ then 1 else 0 end) from ACT_HI_TASKINST h"
                + " join conversation c on c.process_instance_id = h.PROC_INST_ID_" + where
                + " group by h.TASK_DEF_KEY_ order by h.TASK_DEF_KEY_", where.params,
            (rs, i) -> {
                long completed = rs.getLong(2);
                long onTime = rs.getLong(3);
                return new StepRate(rs.getString(1), StepNames.of(rs.getString(1)), completed, onTime,
                    Share.of(onTime, completed).rate());
            });
    }

    /** From when the conversation took place (as recorded; the planned time for records from before that). */
    private Median daysFromMeetingToSignOff(KpiFilter filter) {
        Where where = new Where(filter).periodOn("c.signed_off_at", false)
            .and("c.signed_off_at is not null").and(MEETING + " is not null");
        return jdbc.queryForObject("select percentile_cont(0.5) within group (order by"
                + " (extract(epoch from c.signed_off_at) - extract(epoch from " + MEETING + ")) / 86400.0),"
                + " count(*) from conversation c" + where, where.params,
            (rs, i) -> {
                double days = rs.getDouble(1);
                return new Median(rs.wasNull() ? null : round(days), rs.getLong(2));
            });
    }

    private Share currentDevelopmentPlan(KpiFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        // the people who have career conversations: everyone with a manager to hold them with
        StringBuilder where = new StringBuilder(" where e.active = true and e.manager_id is not null");
        filter.managerId().ifPresent(id -> {
            where.append(" and e.manager_id = :managerId");
            params.addValue("managerId", id);
        });
        filter.hrPartnerId().ifPresent(id -> {
            where.append(" and e.hr_partner_id = :hrPartnerId");
            params.addValue("hrPartnerId", id);
        });
        return jdbc.queryForObject("select count(case when exists (select 1 from conversation c"
                + " where c.employee_id = e.id and c.status = 'AGREED' and c.follow_up_ended_at is null"
                + " and exists (select 1 from development_action d"
                + " where d.conversation_id = c.id and d.plan_version = c.plan_version)) then 1 end),"
                + " count(*) from employee e" + where, params,
            (rs, i) -> Share.of(rs.getLong(1), rs.getLong(2)));
    }

    private Share developmentActionsDone(KpiFilter filter) {
        Where where = new Where(filter).periodOn("c.opened_at", false).and("d.plan_version = c.plan_version");
        return jdbc.queryForObject("select count(case when d.status = 'done' then 1 end), count(*)"
                + " from development_action d join conversation c on c.id = d.conversation_id" + where,
            where.params, (rs, i) -> Share.of(rs.getLong(1), rs.getLong(2)));
    }

    private List<MonthAverage> jobSatisfactionTrend(KpiFilter filter) {
        Where where = new Where(filter).periodOn(MEETING, false)
            .and("c.job_satisfaction is not null").and(MEETING + " is not null");
        // the month of the meeting in the organisation's time zone, as the period's days are (not the database
        // session's zone); grouped outside, because PostgreSQL does not see two :zone parameters as one expression
        where.params.addValue("zone", zone.getId());
        return jdbc.query("select y, m, avg(satisfaction), count(*) from (select"
                + " extract(year from " + MEETING + " at time zone :zone) y,"
                + " extract(month from " + MEETING + " at time zone :zone) m,"
                + " cast(c.job_satisfaction as double precision) satisfaction from conversation c" + where
                + ") meetings group by y, m order by y, m", where.params,
            (rs, i) -> new MonthAverage(String.format("%04d-%02d", rs.getInt(1), rs.getInt(2)),
                round(rs.getDouble(3)), rs.getLong(4)));
    }

    private long count(String select, KpiFilter filter, String periodColumn) {
        Where where = new Where(filter).periodOn(periodColumn, false);
        Long count = jdbc.queryForObject(select + where, where.params, Long.class);
        return count == null ? 0 : count;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The where clause of the conversation filters, with its parameters; {@code c} is the conversation. */
    private final class Where {
        private final KpiFilter filter;
        private final List<String> conditions = new ArrayList<>();
        private final MapSqlParameterSource params = new MapSqlParameterSource();

        Where(KpiFilter filter) {
            this.filter = filter;
            filter.managerId().ifPresent(id -> and("c.manager_id = :managerId").params.addValue("managerId", id));
            filter.hrPartnerId().ifPresent(id -> and("c.hr_partner_id = :hrPartnerId")
                .params.addValue("hrPartnerId", id));
        }

        /**
         * The period's days, from the start of {@code from} to the end of {@code to}, in the organisation's
         * time zone; engine columns are timestamps without a zone, written in the JVM's.
         */
        Where periodOn(String column, boolean engineColumn) {
            filter.from().ifPresent(day -> and(column + " >= :periodStart")
                .params.addValue("periodStart", bound(day, engineColumn)));
            filter.to().ifPresent(day -> and(column + " < :periodEnd")
                .params.addValue("periodEnd", bound(day.plusDays(1), engineColumn)));
            return this;
        }

        private Object bound(LocalDate day, boolean engineColumn) {
            OffsetDateTime start = day.atStartOfDay(zone).toOffsetDateTime();
            return engineColumn ? Timestamp.from(start.toInstant()) : start;
        }

        Where and(String condition) {
            conditions.add(condition);
            return this;
        }

        @Override
        public String toString() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}
