package org.careerconversations.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.process.ProcessVariables.ActionRow;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole cycle through the engine REST API, each step as the demo user whose step it is: hanna starts
 * for eva, maria schedules, both prepare, maria holds and documents, eva asks for a change once, maria
 * revises, eva agrees. Used against H2 and against PostgreSQL.
 */
class CycleWalk {

    private final EngineRest rest;
    private final JdbcTemplate jdbc;
    private final ProcessEngine engine;

    CycleWalk(EngineRest rest, JdbcTemplate jdbc, ProcessEngine engine) {
        this.rest = rest;
        this.jdbc = jdbc;
        this.engine = engine;
    }

    void walkAndCheck() {
        Answer started = rest.as("hanna").post("/engine-rest/process-definition/key/CareerConversation/start",
            variables(EMPLOYEE_ID, "eva"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().path("businessKey").asText()).isEqualTo("eva-1");

        complete("maria", TASK_SCHEDULE_CONVERSATION,
            Submissions.scheduleConversation(Instant.now().plus(7, ChronoUnit.DAYS)));
        complete("eva", TASK_PREPARE_EMPLOYEE, Submissions.prepareEmployee());
        complete("maria", TASK_PREPARE_MANAGER, Submissions.prepareManager());
        complete("maria", TASK_HOLD_CONVERSATION, Submissions.holdConversation("held", null));

        // documenting, maria sees what eva prepared
        String documentTask = taskId("maria", TASK_DOCUMENT_AGREEMENTS);
        JsonNode formVariables = rest.as("maria").get("/engine-rest/task/" + documentTask + "/form-variables").json();
        assertThat(formVariables.path(WENT_WELL).path("value").asText()).isEqualTo("Shipped the search page");
        complete("maria", TASK_DOCUMENT_AGREEMENTS, Submissions.documentAgreements());

        // signing off, eva sees the documentation, and asks for one change
        String signOffTask = taskId("eva", TASK_SIGN_OFF);
        JsonNode evasView = rest.as("eva").get("/engine-rest/task/" + signOffTask
            + "/form-variables?deserializeValues=false").json();
        assertThat(evasView.path(GOALS).path("value").asText()).contains("Lead the sprint demo");
        assertThat(evasView.path(FEEDBACK_SUMMARY).path("value").asText()).isEqualTo("Strong start; grow visibility");
        complete("eva", TASK_SIGN_OFF, Submissions.requestChanges("Please add the conference budget"));

        // maria sees the request and revises
        String revisionTask = taskId("maria", TASK_DOCUMENT_AGREEMENTS);
        JsonNode mariasView = rest.as("maria").get("/engine-rest/task/" + revisionTask + "/form-variables").json();
        assertThat(mariasView.path(CHANGE_REQUEST).path("value").asText())
            .isEqualTo("Please add the conference budget");
        Map<String, Object> revised = Submissions.documentAgreements();
        revised.put(DEVELOPMENT_ACTIONS, List.of(
            Map.of(ActionRow.ACTION, "Presentation skills course", ActionRow.KIND, "training", ActionRow.DUE_DATE,
                "2027-02-28"),
            Map.of(ActionRow.ACTION, "Speak at a conference", ActionRow.KIND, "stretch-assignment",
                ActionRow.DUE_DATE, "2027-09-30",
                ActionRow.SUPPORT, "Conference budget 1,500 EUR")));
        complete("maria", TASK_DOCUMENT_AGREEMENTS, revised);
        complete("eva", TASK_SIGN_OFF, Submissions.agree());

        // agreed: the conversation goes on in its follow-up (its mails wait in SendNotification instances)
        assertThat(rest.as("hanna").get("/engine-rest/process-instance?businessKey=eva-1"
            + "&processDefinitionKey=CareerConversation&activityIdIn=Gateway_FollowUpWait&maxResults=50").json()).hasSize(1);
        Map<String, Object> record = jdbc.queryForMap("select * from conversation where business_key = 'eva-1'");
        assertThat(record.get("status")).isEqualTo("AGREED");
        assertThat(record.get("signed_off_at")).isNotNull();
        assertThat(record.get("rejection_count")).isEqualTo(1);
        assertThat(record.get("change_request")).isEqualTo("Please add the conference budget");
        assertThat(record.get("went_well")).isEqualTo("Shipped the search page");
        assertThat(record.get("performance_signal")).isEqualTo("meets");
        assertThat(jdbc.queryForList("select g.goal from goal g join conversation c on c.id = g.conversation_id "
            + "where c.business_key = 'eva-1' order by g.position", String.class))
            .containsExactly("Lead the sprint demo", "Pair with a customer team");
        assertThat(jdbc.queryForList("select a.action || '/' || a.kind from development_action a join conversation c "
            + "on c.id = a.conversation_id where c.business_key = 'eva-1' order by a.position", String.class))
            .containsExactly("Presentation skills course/training", "Speak at a conference/stretch-assignment");
        // eva is on probation: three months, HR joins, and the reason says so
        assertThat(((Number) record.get("months_to_next")).intValue()).isEqualTo(3);
        assertThat(record.get("hr_joins")).isEqualTo(true);
        assertThat((String) record.get("cadence_reason")).containsIgnoringCase("probation");
        LocalDate expectedDue = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusMonths(3);
        assertThat(record.get("next_conversation_due").toString()).isEqualTo(expectedDue.toString());
        assertThat(jdbc.queryForObject("select next_conversation_due from employee where id = 'eva'", String.class))
            .startsWith(expectedDue.toString());
        // eva reads the decision's answer, with its reason, in her own history
        JsonNode cadence = rest.as("eva").get("/engine-rest/history/variable-instance?variableName=cadence"
            + "&maxResults=50").json();
        assertThat(cadence).hasSize(1);
        assertThat(cadence.get(0).path("value").path("reason").asText()).isEqualTo(record.get("cadence_reason"));

        try {
            checkInAndRevise();
        } finally {
            ClockUtil.reset();
        }
    }

    /** Four weeks later both check in; then eva asks to revise the plan, maria revises, eva agrees. */
    private void checkInAndRevise() {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey("eva-1").processDefinitionKey(CAREER_CONVERSATION).singleResult();
        Date checkInAt = (Date) engine.getRuntimeService().getVariable(instance.getId(), NEXT_CHECK_IN_AT);
        ClockUtil.setCurrentTime(Date.from(checkInAt.toInstant().plusSeconds(60)));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
            .activityId(TIMER_CHECK_IN_DUE).singleResult();
        engine.getManagementService().executeJob(timer.getId());

        complete("eva", TASK_CHECK_IN_EMPLOYEE, Map.of(EMPLOYEE_PROGRESS,
            progress("eva", TASK_CHECK_IN_EMPLOYEE, EMPLOYEE_PROGRESS, "done"),
            EMPLOYEE_OBSTACLES, "The course was full until March", EMPLOYEE_PLAN_NEEDS_REVISING, false));
        complete("maria", TASK_CHECK_IN_MANAGER, Map.of(MANAGER_PROGRESS,
            progress("maria", TASK_CHECK_IN_MANAGER, MANAGER_PROGRESS, "done"), MANAGER_PLAN_NEEDS_REVISING, false));
        assertThat(jdbc.queryForObject("select count(*) from check_in c join conversation v on v.id = c.conversation_id"
            + " where v.business_key = 'eva-1'", Integer.class)).isEqualTo(2);

        Answer request = rest.as("eva").post("/api/conversations/eva-1/revision-requests",
            Map.of("reason", "I join the platform team in January"));
        assertThat(request.status()).as(request.body()).isEqualTo(202);
        String reviseTask = taskId("maria", TASK_REVISE_PLAN);
        JsonNode plan = rest.as("maria").get("/engine-rest/task/" + reviseTask
            + "/form-variables?deserializeValues=false").json();
        assertThat(plan.path(REVISION_REASON).path("value").asText()).isEqualTo("I join the platform team in January");
        List<Map<String, Object>> actions = rows(plan.path(DEVELOPMENT_ACTIONS).path("value").asText());
        actions.add(Map.of(ActionRow.ACTION, "Shadow the platform on-call", ActionRow.KIND, "stretch-assignment"));
        complete("maria", TASK_REVISE_PLAN, Map.of(GOALS, rows(plan.path(GOALS).path("value").asText()),
            DEVELOPMENT_ACTIONS, actions));
        complete("eva", TASK_AGREE_REVISED_PLAN, Map.of(REVISION_DECISION, "agree"));

        assertThat(jdbc.queryForObject("select plan_version from conversation where business_key = 'eva-1'",
            Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("select a.action || '/' || a.status from development_action a join conversation c"
            + " on c.id = a.conversation_id where c.business_key = 'eva-1' and a.plan_version = 2 order by a.position",
            String.class)).containsExactly("Presentation skills course/done", "Speak at a conference/done",
            "Shadow the platform on-call/not-started");
        assertThat(jdbc.queryForObject("select reason from plan_revision", String.class))
            .isEqualTo("I join the platform team in January");
    }

    private List<Map<String, Object>> progress(String user, String taskKey, String variable, String status) {
        JsonNode values = rest.as(user).get("/engine-rest/task/" + taskId(user, taskKey)
            + "/form-variables?deserializeValues=false").json();
        List<Map<String, Object>> rows = rows(values.path(variable).path("value").asText());
        rows.forEach(row -> row.put("status", status));
        return rows;
    }

    private static List<Map<String, Object>> rows(String json) {
        try {
            return new ObjectMapper().readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("Not a list: " + json, e);
        }
    }

    private String taskId(String user, String taskKey) {
        JsonNode tasks = rest.as(user).get("/engine-rest/task?processInstanceBusinessKey=eva-1&maxResults=50"
            + "&taskDefinitionKey="
            + taskKey).json();
        assertThat(tasks).as("%s's %s", user, taskKey).hasSize(1);
        return tasks.get(0).path("id").asText();
    }

    private void complete(String user, String taskKey, Map<String, Object> values) {
        String id = taskId(user, taskKey);
        Answer answer = rest.as(user).post("/engine-rest/task/" + id + "/complete", variables(values));
        assertThat(answer.status()).as("%s completes %s: %s", user, taskKey, answer.body()).isEqualTo(204);
    }
}
