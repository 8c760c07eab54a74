package org.careerconversations.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A known data set for the KPIs, and the numbers it must give: conversation rows written directly, and engine
 * tasks of a small fixture process (with the step ids of the real one) whose instances the conversation rows
 * point at, completed at set times. Every number below can be counted by hand from {@link #load()}. Used
 * against H2 ({@link KpiReportTest}) and PostgreSQL ({@link PostgresKpiTest}).
 */
class KpiDataSet {

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final EngineRest rest;
    private String deploymentId;
    private String evaInstance;

    KpiDataSet(ProcessEngine engine, JdbcTemplate jdbc, EngineRest rest) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.rest = rest;
    }

    void load() {
        BpmnModelInstance fixture = Bpmn.createExecutableProcess("KpiFixture").camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask(TASK_SCHEDULE_CONVERSATION).camundaDueDate("${scheduleDue}")
            .userTask(TASK_HOLD_CONVERSATION).camundaDueDate("${holdDue}")
            .endEvent().done();
        deploymentId = engine.getRepositoryService().createDeployment().name("kpi-fixture")
            .addModelInstance("kpi-fixture.bpmn", fixture).deploy().getId();

        // eva-1: waiting to be scheduled since before its due date: overdue now
        evaInstance = fixture(at(2026, 3, 5), at(2099, 1, 1));
        conversation("eva-1", "eva", "maria", "SCHEDULING", at(2026, 3, 2), null, null, null, 2, null, evaInstance);
        // erik-1: scheduled on time (8 March, due 10 March), held late (2 April, due 12 March)
        String erik = fixture(at(2026, 3, 10), at(2026, 3, 12));
        complete(erik, at(2026, 3, 8));
        complete(erik, at(2026, 4, 2));
        conversation("erik-1", "erik", "maria", "PREPARING", at(2026, 3, 3), at(2026, 3, 10), null, 4, 0, null, erik);
        // emma-1: scheduled late (11 March, due 10 March); agreed, revised plan (version 2), mediated
        String emma = fixture(at(2026, 3, 10), at(2099, 1, 1));
        complete(emma, at(2026, 3, 11));
        long emma1 = conversation("emma-1", "emma", "maria", "AGREED", at(2026, 3, 1), at(2026, 3, 5),
            at(2026, 3, 8), 2, 0, "Closed as documented", emma);
        jdbc.update("update conversation set plan_version = 2 where id = ?", emma1);
        // planned for 5 March, it took place on 6 March: two days before the sign-off, not three
        jdbc.update("update conversation set held_at = ? where id = ?", at(2026, 3, 6), emma1);
        action(emma1, 1, "done");          // superseded by version 2: does not count
        action(emma1, 2, "done");
        action(emma1, 2, "on-track");
        // emil-1: agreed in February, plan being followed up
        long emil1 = conversation("emil-1", "emil", "mark", "AGREED", at(2026, 2, 1), at(2026, 2, 10),
            at(2026, 2, 20), 5, 0, null, null);
        action(emil1, 1, "not-started");
        // elin-1: agreed last year, follow-up over: no current plan
        long elin1 = conversation("elin-1", "elin", "mark", "AGREED", at(2025, 1, 10), at(2025, 1, 20),
            at(2025, 1, 21), 3, 0, null, null);
        jdbc.update("update conversation set follow_up_ended_at = ? where id = ?", at(2025, 6, 1), elin1);
        action(elin1, 1, "done");
        // maria-1: cancelled after one reschedule
        conversation("maria-1", "maria", "dora", "CANCELLED", at(2026, 3, 4), null, null, null, 1, null, null);
        // mark-1: met at half past midnight on 1 April in Amsterdam (still 31 March in UTC), then cancelled
        conversation("mark-1", "mark", "dora", "CANCELLED", at(2026, 3, 20),
            OffsetDateTime.of(2026, 3, 31, 22, 30, 0, 0, ZoneOffset.UTC), null, 4, 0, null, null);
    }

    void remove() {
        ClockUtil.reset();
        engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
        jdbc.update("delete from development_action");
        jdbc.update("delete from conversation");
    }

    void checkEverythingWithoutFilters() {
        JsonNode kpis = kpis("hanna", "");

        // emma-1 and emil-1 are agreed and followed up; elin-1's follow-up is over
        assertThat(kpis.path("openByPhase").toString()).isEqualTo("{\"SCHEDULING\":1,\"PREPARING\":1,"
            + "\"DOCUMENTING\":0,\"SIGNING_OFF\":0,\"MEDIATION\":0,\"FOLLOW_UP\":2}");
        JsonNode overdue = kpis.path("overdueTasksByStep");
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).path("step").asText()).isEqualTo(TASK_SCHEDULE_CONVERSATION);
        assertThat(overdue.get(0).path("name").asText()).isEqualTo("Schedule the conversation (manager)");
        assertThat(overdue.get(0).path("count").asLong()).isEqualTo(1);
        assertThat(overdue.get(0).path("oldest").get(0).path("processInstanceId").asText()).isEqualTo(evaInstance);
        assertThat(overdue.get(0).path("oldest").get(0).path("businessKey").asText()).isEqualTo("eva-1");
        assertThat(kpis.path("onTimeRateByStep").toString()).isEqualTo("["
            + "{\"step\":\"Task_HoldConversation\",\"name\":\"Hold the conversation (manager)\",\"completed\":1,"
            + "\"onTime\":0,\"rate\":0.0},"
            + "{\"step\":\"Task_ScheduleConversation\",\"name\":\"Schedule the conversation (manager)\","
            + "\"completed\":2,\"onTime\":1,\"rate\":0.5}]");
        // from the time each conversation took place: 1 (elin), 2 (emma, held a day after planned), 10 (emil)
        assertThat(kpis.path("daysFromMeetingToSignOff").toString()).isEqualTo("{\"days\":2.0,\"conversations\":3}");
        // over the people who have conversations (with a manager), not HR, designers or the director
        long withAManager = jdbc.queryForObject("select count(*) from employee where active = true"
            + " and manager_id is not null", Long.class);
        long active = jdbc.queryForObject("select count(*) from employee where active = true", Long.class);
        assertThat(withAManager).isLessThan(active);
        assertThat(kpis.path("currentDevelopmentPlan").path("count").asLong()).isEqualTo(2);
        assertThat(kpis.path("currentDevelopmentPlan").path("total").asLong()).isEqualTo(withAManager);
        assertThat(kpis.path("developmentActionsDone").toString())
            .isEqualTo("{\"count\":2,\"total\":4,\"rate\":0.5}");
        assertThat(kpis.path("jobSatisfactionTrend").toString()).isEqualTo("["
            + "{\"month\":\"2025-01\",\"average\":3.0,\"answers\":1},"
            + "{\"month\":\"2026-02\",\"average\":5.0,\"answers\":1},"
            + "{\"month\":\"2026-03\",\"average\":3.0,\"answers\":2},"
            // months are the organisation's (careers.time-zone), as the period's days are
            + "{\"month\":\"2026-04\",\"average\":4.0,\"answers\":1}]");
        assertThat(kpis.path("reschedules").asLong()).isEqualTo(3);
        assertThat(kpis.path("mediations").asLong()).isEqualTo(1);
        assertThat(kpis.path("processDefinitionId").asText()).startsWith("CareerConversation:");
    }

    void checkOnePeriod() {
        JsonNode kpis = kpis("hanna", "from=2026-03-01&to=2026-03-31");

        assertThat(kpis.path("period").toString()).isEqualTo("{\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"}");
        assertThat(kpis.path("openByPhase").path("SCHEDULING").asLong()).isEqualTo(1);
        assertThat(kpis.path("openByPhase").path("PREPARING").asLong()).isEqualTo(1);
        assertThat(kpis.path("overdueTasksByStep")).hasSize(1);
        // erik's late meeting was held in April
        assertThat(kpis.path("openByPhase").path("FOLLOW_UP").asLong()).isEqualTo(1);
        assertThat(kpis.path("onTimeRateByStep").toString()).isEqualTo("[{\"step\":\"Task_ScheduleConversation\","
            + "\"name\":\"Schedule the conversation (manager)\",\"completed\":2,\"onTime\":1,\"rate\":0.5}]");
        assertThat(kpis.path("daysFromMeetingToSignOff").toString()).isEqualTo("{\"days\":2.0,\"conversations\":1}");
        assertThat(kpis.path("developmentActionsDone").toString())
            .isEqualTo("{\"count\":1,\"total\":2,\"rate\":0.5}");
        assertThat(kpis.path("jobSatisfactionTrend").toString())
            .isEqualTo("[{\"month\":\"2026-03\",\"average\":3.0,\"answers\":2}]");
        assertThat(kpis("hanna", "from=2026-04-01&to=2026-04-30").path("jobSatisfactionTrend").toString())
            .isEqualTo("[{\"month\":\"2026-04\",\"average\":4.0,\"answers\":1}]");
        assertThat(kpis.path("reschedules").asLong()).isEqualTo(3);
        assertThat(kpis.path("mediations").asLong()).isEqualTo(1);
    }

    void checkEmptyPeriod() {
        JsonNode kpis = kpis("hanna", "from=2020-01-01&to=2020-12-31");

        assertThat(kpis.path("openByPhase").toString()).isEqualTo("{\"SCHEDULING\":0,\"PREPARING\":0,"
            + "\"DOCUMENTING\":0,\"SIGNING_OFF\":0,\"MEDIATION\":0,\"FOLLOW_UP\":0}");
        assertThat(kpis.path("overdueTasksByStep")).isEmpty();
        assertThat(kpis.path("onTimeRateByStep")).isEmpty();
        assertThat(kpis.path("daysFromMeetingToSignOff").toString())
            .isEqualTo("{\"days\":null,\"conversations\":0}");
        assertThat(kpis.path("developmentActionsDone").toString())
            .isEqualTo("{\"count\":0,\"total\":0,\"rate\":null}");
        assertThat(kpis.path("jobSatisfactionTrend")).isEmpty();
        assertThat(kpis.path("reschedules").asLong()).isZero();
        assertThat(kpis.path("mediations").asLong()).isZero();
        // who has a current plan is a snapshot of today, whatever the period
        assertThat(kpis.path("currentDevelopmentPlan").path("count").asLong()).isEqualTo(2);
    }

    void checkOneManagersTeam() {
        JsonNode kpis = kpis("hanna", "managerId=mark");

        assertThat(kpis.path("openByPhase").path("SCHEDULING").asLong()).isZero();
        assertThat(kpis.path("openByPhase").path("FOLLOW_UP").asLong()).isOne();
        assertThat(kpis.path("overdueTasksByStep")).isEmpty();
        assertThat(kpis.path("daysFromMeetingToSignOff").toString()).isEqualTo("{\"days\":5.5,\"conversations\":2}");
        assertThat(kpis.path("currentDevelopmentPlan").toString()).isEqualTo("{\"count\":1,\"total\":2,\"rate\":0.5}");
        assertThat(kpis.path("developmentActionsDone").toString())
            .isEqualTo("{\"count\":1,\"total\":2,\"rate\":0.5}");
        assertThat(kpis.path("reschedules").asLong()).isZero();

        JsonNode maria = kpis("hanna", "managerId=maria&hrPartnerId=hanna");
        assertThat(maria.path("currentDevelopmentPlan").toString())
            .isEqualTo("{\"count\":1,\"total\":3,\"rate\":0.3333333333333333}");
        assertThat(maria.path("reschedules").asLong()).isEqualTo(2);
        assertThat(kpis("hanna", "hrPartnerId=nobody").path("reschedules").asLong()).isZero();
    }

    private JsonNode kpis(String user, String query) {
        Answer answer = rest.as(user).get("/api/reports/kpis?" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private String fixture(OffsetDateTime scheduleDue, OffsetDateTime holdDue) {
        return engine.getRuntimeService().startProcessInstanceByKey("KpiFixture", Map.of(
            "scheduleDue", Date.from(scheduleDue.toInstant()), "holdDue", Date.from(holdDue.toInstant()))).getId();
    }

    private void complete(String instance, OffsetDateTime when) {
        ClockUtil.setCurrentTime(Date.from(when.toInstant()));
        TaskService tasks = engine.getTaskService();
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
        ClockUtil.reset();
    }

    private long conversation(String key, String employee, String manager, String status, OffsetDateTime opened,
                              OffsetDateTime meeting, OffsetDateTime signedOff, Integer satisfaction,
                              int reschedules, String mediationNote, String processInstanceId) {
        jdbc.update("insert into conversation (business_key, process_instance_id, employee_id, manager_id,"
                + " hr_partner_id, cycle, status, opened_at, scheduled_at, signed_off_at, job_satisfaction,"
                + " reschedule_count, mediation_note) values (?, ?, ?, ?, 'hanna', 1, ?, ?, ?, ?, ?, ?, ?)",
            key, processInstanceId, employee, manager, status, opened, meeting, signedOff, satisfaction, reschedules,
            mediationNote);
        return jdbc.queryForObject("select id from conversation where business_key = ?", Long.class, key);
    }

    private void action(long conversationId, int planVersion, String status) {
        jdbc.update("insert into development_action (conversation_id, position, action, kind, status, plan_version)"
            + " values (?, 1, 'Learn', 'training', ?, ?)", conversationId, status, planVersion);
    }

    private static OffsetDateTime at(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 9, 0, 0, 0, ZoneOffset.UTC);
    }
}
