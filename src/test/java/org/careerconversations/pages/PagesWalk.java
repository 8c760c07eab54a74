package org.careerconversations.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.conversation.Submissions;
import org.careerconversations.process.ProcessVariables.ActionRow;
import org.careerconversations.process.ProcessVariables.GoalRow;
import org.careerconversations.security.WebappSession;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data endpoints of the people's pages through a whole cycle, as the demo users read them: eva (My
 * conversations), maria (My team) and hanna (People). maria starts eva's conversation from the team's API; the
 * steps go through the engine as the people whose step it is; eva asks to revise her plan with the Tasklist
 * login, as the page does. Used against H2 and against PostgreSQL.
 */
public class PagesWalk {

    private final EngineRest rest;
    private final String baseUrl;
    private final JdbcTemplate jdbc;
    private final ProcessEngine engine;
    private final Conversations conversations;

    public PagesWalk(String baseUrl, JdbcTemplate jdbc, ProcessEngine engine) {
        this.rest = new EngineRest(baseUrl);
        this.baseUrl = baseUrl;
        this.jdbc = jdbc;
        this.engine = engine;
        this.conversations = new Conversations(engine);
    }

    public void walkAndCheck() {
        try {
            beforeAnyConversation();
            String pi = startedByMaria();
            whileItRuns(pi);
            agreed(pi);
            checkedIn(pi);
            revisedAtEvasRequest(pi);
            hannaFilters();
        } finally {
            ClockUtil.reset();
        }
    }

    private void beforeAnyConversation() {
        JsonNode eva = get("eva", "/api/my-conversations");
        assertThat(eva.path("person").path("name").asText()).isEqualTo("Eva Evers");
        assertThat(eva.path("person").path("managerName").asText()).isEqualTo("Maria Mendes");
        assertThat(eva.path("conversations")).isEmpty();
        assertThat(eva.path("actions").path("downloadUrl").asText()).isEqualTo("/api/employees/eva/export");

        JsonNode team = get("maria", "/api/my-team");
        assertThat(names(team)).containsExactly("Emma Engel", "Erik Eriksen", "Eva Evers");
        JsonNode evaRow = row(team, "eva");
        assertThat(evaRow.path("phase").asText()).isEqualTo("No conversation yet");
        assertThat(evaRow.path("planProgress").isNull()).isTrue();
        assertThat(evaRow.path("startConversation").asBoolean()).isTrue();
    }

    private String startedByMaria() {
        Answer started = rest.as("maria").post("/api/people/eva/conversations", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().path("businessKey").asText()).isEqualTo("eva-1");
        Answer again = rest.as("maria").post("/api/people/eva/conversations", Map.of());
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.message()).contains("Eva Evers already has a career conversation in progress");
        assertThat(jdbc.queryForObject("select count(*) from conversation where employee_id = 'eva'", Integer.class))
            .isEqualTo(1);
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("eva-1")
            .processDefinitionKey(CAREER_CONVERSATION).singleResult().getId();
    }

    private void whileItRuns(String pi) {
        // eva reads whom it waits for; maria reads that it is her step, with the way to it in Tasklist
        JsonNode eva = current(get("eva", "/api/my-conversations"));
        assertThat(eva.path("phase").asText()).isEqualTo("Scheduling");
        assertThat(eva.path("standing").asText()).startsWith("Waiting for Maria to schedule the conversation — due ")
            .matches(".* due (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{1,2} [A-Z][a-z]+ \\d{4}");
        assertThat(eva.path("waitingFor").get(0).path("taskUrl").isNull()).as("not eva's task to open").isTrue();
        JsonNode maria = current(get("maria", "/api/people/eva"));
        assertThat(maria.path("standing").asText()).startsWith("Waiting for you to schedule the conversation");
        assertThat(maria.path("waitingFor").get(0).path("taskUrl").asText())
            .isEqualTo("/camunda/app/tasklist/default/#/?task=" + conversations.taskId(pi, TASK_SCHEDULE_CONVERSATION));
        assertThat(row(get("maria", "/api/my-team"), "eva").path("startConversation").asBoolean()).isFalse();

        conversations.complete("maria", pi, TASK_SCHEDULE_CONVERSATION,
            Submissions.scheduleConversation(Instant.now().plus(7, ChronoUnit.DAYS)));
        JsonNode preparing = current(get("eva", "/api/my-conversations"));
        assertThat(preparing.path("standing").asText()).startsWith("Waiting for you to prepare — due ")
            .contains(", and for Maria to prepare — due ");
        assertThat(preparing.path("meetingPlace").asText()).isEqualTo("Room Tulip, 3rd floor");

        conversations.complete("eva", pi, TASK_PREPARE_EMPLOYEE, Submissions.prepareEmployee());
        conversations.complete("maria", pi, TASK_PREPARE_MANAGER, Submissions.prepareManager());
        conversations.complete("maria", pi, TASK_HOLD_CONVERSATION, Submissions.holdConversation("held", null));
        JsonNode documenting = row(get("maria", "/api/my-team"), "eva");
        assertThat(documenting.path("phase").asText()).isEqualTo("Documenting the agreements");
        assertThat(documenting.path("waitingFor").asText()).isEqualTo("you");
        assertThat(current(get("eva", "/api/my-conversations")).path("standing").asText())
            .startsWith("Waiting for Maria to document the agreements — due ");
        conversations.complete("maria", pi, TASK_DOCUMENT_AGREEMENTS, Submissions.documentAgreements());
        assertThat(row(get("maria", "/api/my-team"), "eva").path("phase").asText()).isEqualTo("Signing off");
        conversations.complete("eva", pi, TASK_SIGN_OFF, Submissions.agree());
    }

    private void agreed(String pi) {
        JsonNode record = get("eva", "/api/my-conversations");
        JsonNode c = current(record);
        assertThat(c.path("phase").asText()).isEqualTo("Agreed, following up the plan");
        assertThat(c.path("standing").asText()).startsWith("Agreed on ");
        // the record in full, as entered
        JsonNode agreement = c.path("agreement");
        assertThat(agreement.path("goals").findValuesAsText("goal"))
            .containsExactly("Lead the sprint demo", "Pair with a customer team");
        assertThat(agreement.path("goals").get(0).path("measure").asText()).isEqualTo("Two demos given");
        assertThat(agreement.path("goals").get(0).path("targetDate").asText()).isEqualTo("2027-03-31");
        assertThat(agreement.path("steps").findValuesAsText("action"))
            .containsExactly("Presentation skills course", "Monthly sessions with Erik");
        assertThat(agreement.path("steps").get(0).path("kind").asText()).isEqualTo("Training or course");
        assertThat(agreement.path("steps").get(0).path("support").asText()).isEqualTo("Budget approved by Maria");
        assertThat(agreement.path("steps").get(0).path("progress").asText()).isEqualTo("Not started yet");
        assertThat(agreement.path("feedbackSummary").asText()).isEqualTo("Strong start; grow visibility");
        assertThat(agreement.path("careerAspirations").asText()).isEqualTo("Tech lead in two years");
        assertThat(agreement.path("performance").asText()).isEqualTo("Meets expectations");
        // what both prepared, the manager's feedback included: the employee reads every field about her
        assertThat(c.path("employeePreparation").path("wentWell").asText()).isEqualTo("Shipped the search page");
        assertThat(c.path("managerPreparation").path("areasToGrow").asText())
            .isEqualTo("Speak up in planning meetings");
        // the next date and ReviewCadence's reason, as stored with the record
        Map<String, Object> stored = jdbc.queryForMap("select next_conversation_due, cadence_reason from conversation"
            + " where business_key = 'eva-1'");
        assertThat(c.path("cadence").path("nextConversationDue").asText())
            .isEqualTo(stored.get("next_conversation_due").toString());
        assertThat(c.path("cadence").path("reason").asText()).isEqualTo(stored.get("cadence_reason"))
            .containsIgnoringCase("probation");
        assertThat(record.path("person").path("nextConversationDue").asText())
            .isEqualTo(stored.get("next_conversation_due").toString());
        assertThat(c.path("planVersions")).hasSize(1);
        assertThat(c.path("revisable").asBoolean()).isTrue();

        JsonNode row = row(get("maria", "/api/my-team"), "eva");
        assertThat(row.path("phase").asText()).isEqualTo("Agreed, following up the plan");
        assertThat(row.path("planProgress").asText()).isEqualTo("0 of 2 steps done");
        assertThat(row.path("lastAgreed").isNull()).isFalse();
        assertThat(row.path("nextConversationDue").asText()).isEqualTo(stored.get("next_conversation_due").toString());
        assertThat(row.path("waitingFor").isNull()).isTrue();
    }

    private void checkedIn(String pi) {
        Date checkInAt = (Date) engine.getRuntimeService().getVariable(pi, NEXT_CHECK_IN_AT);
        ClockUtil.setCurrentTime(Date.from(checkInAt.toInstant().plusSeconds(60)));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi).timers()
            .activityId(TIMER_CHECK_IN_DUE).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        assertThat(current(get("eva", "/api/my-conversations")).path("standing").asText())
            .contains("you to check in on the plan").contains("Maria to check in on the plan");

        conversations.complete("eva", pi, TASK_CHECK_IN_EMPLOYEE, Map.of(
            "employeeProgress", progress("done", "Finished in January"),
            "employeeObstacles", "The course was full until March", "employeePlanNeedsRevising", false));
        conversations.complete("maria", pi, TASK_CHECK_IN_MANAGER, Map.of(
            "managerProgress", progress("done", null), "managerPlanNeedsRevising", false));

        JsonNode c = current(get("eva", "/api/my-conversations"));
        JsonNode course = c.path("agreement").path("steps").get(0);
        assertThat(course.path("progress").asText()).isEqualTo("Done");
        assertThat(course.path("notes").findValuesAsText("by")).containsExactly("you", "Maria Mendes");
        assertThat(course.path("notes").get(0).path("note").asText()).isEqualTo("Finished in January");
        assertThat(c.path("agreement").path("stepsDone").asInt()).isEqualTo(2);
        assertThat(c.path("checkIns").findValuesAsText("obstacles")).contains("The course was full until March");
        assertThat(row(get("maria", "/api/my-team"), "eva").path("planProgress").asText())
            .isEqualTo("2 of 2 steps done");
    }

    private void revisedAtEvasRequest(String pi) {
        // as the page asks: the Tasklist login, a JSON body and the webapps' CSRF token
        WebappSession eva = WebappSession.login(baseUrl, "tasklist", "eva", "demo");
        Answer asked = eva.send("POST", "/api/conversations/eva-1/revision-requests",
            Map.of("reason", "I join the platform team in January"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.message()).contains("Maria Mendes revises it");
        assertThat(conversations.as("maria", () -> engine.getTaskService().createTaskQuery()
            .taskAssignee("maria").taskDefinitionKey(TASK_REVISE_PLAN).count())).isEqualTo(1);
        JsonNode waiting = current(get("eva", "/api/my-conversations"));
        assertThat(waiting.path("standing").asText()).startsWith("Waiting for Maria to revise the plan — due ");
        assertThat(waiting.path("revisable").asBoolean()).isFalse();

        List<Map<String, Object>> goals = List.of(
            Map.of(GoalRow.GOAL, "Lead the sprint demo", GoalRow.MEASURE, "Two demos given", GoalRow.TARGET_DATE,
                "2027-03-31"),
            Map.of(GoalRow.GOAL, "Pair with a customer team", GoalRow.MEASURE, "One visit", GoalRow.TARGET_DATE,
                "2027-05-31"));
        List<Map<String, Object>> actions = new ArrayList<>();
        for (Map<String, Object> action : currentActions()) {
            actions.add(Map.of("actionId", action.get("id"), ActionRow.ACTION, action.get("action"), ActionRow.KIND,
                action.get("kind"), ActionRow.DUE_DATE, action.get("due_date").toString(), ActionRow.SUPPORT,
                    action.get("support"),
                "status", action.get("status")));
        }
        actions.add(Map.of(ActionRow.ACTION, "Shadow the platform on-call", ActionRow.KIND, "stretch-assignment"));
        conversations.complete("maria", pi, TASK_REVISE_PLAN, Map.of(GOALS, goals, DEVELOPMENT_ACTIONS, actions));
        conversations.complete("eva", pi, TASK_AGREE_REVISED_PLAN, Map.of(REVISION_DECISION, "agree"));

        JsonNode c = current(get("eva", "/api/my-conversations"));
        assertThat(c.path("agreement").path("planVersion").asInt()).isEqualTo(2);
        assertThat(c.path("agreement").path("steps").findValuesAsText("action")).containsExactly(
            "Presentation skills course", "Monthly sessions with Erik", "Shadow the platform on-call");
        JsonNode version2 = c.path("planVersions").get(1);
        assertThat(version2.path("reason").asText()).isEqualTo("I join the platform team in January");
        assertThat(version2.path("requestedBy").asText()).isEqualTo("asked for by you");
        assertThat(version2.path("added").get(0).asText()).isEqualTo("Stretch assignment: Shadow the platform on-call");
        assertThat(version2.path("removed")).isEmpty();
        assertThat(current(get("maria", "/api/people/eva")).path("planVersions").get(1).path("requestedBy").asText())
            .isEqualTo("asked for by Eva Evers");
        assertThat(row(get("maria", "/api/my-team"), "eva").path("planProgress").asText())
            .isEqualTo("2 of 3 steps done");
    }

    private void hannaFilters() {
        assertThat(names(get("hanna", "/api/people?manager=maria"))).containsExactly("Emma Engel", "Erik Eriksen",
            "Eva Evers");
        assertThat(names(get("hanna", "/api/people?manager=mark"))).containsExactly("Elin Ek", "Emil Eder");
        assertThat(names(get("hanna", "/api/people?phase=following-up"))).containsExactly("Eva Evers");
        assertThat(names(get("hanna", "/api/people?overdue=true"))).isEmpty();
        JsonNode everyone = get("hanna", "/api/people");
        assertThat(everyone.path("total").asInt()).isEqualTo(names(everyone).size()).isGreaterThanOrEqualTo(9);

        // hanna starts erik's conversation; once maria lets its scheduling run past its due date, it is overdue
        Answer started = rest.as("hanna").post("/api/people/erik/conversations", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(8, ChronoUnit.DAYS)));
        JsonNode overdue = get("hanna", "/api/people?overdue=true&manager=maria");
        assertThat(names(overdue)).containsExactly("Erik Eriksen");
        assertThat(overdue.path("rows").get(0).path("standing").asText())
            .startsWith("Waiting for Maria to schedule the conversation — overdue since ");
        assertThat(names(get("hanna", "/api/people?phase=scheduling"))).containsExactly("Erik Eriksen");
    }

    // --- helpers ---

    private List<Map<String, Object>> currentActions() {
        return jdbc.queryForList("select a.id, a.action, a.kind, a.due_date, coalesce(a.support, '') as support, "
            + "a.status from development_action a join "
            + "conversation c on c.id = a.conversation_id and a.plan_version = c.plan_version "
            + "where c.business_key = 'eva-1' order by a.position");
    }

    /** Progress rows for every step of the plan in force, as a check-in form submits them. */
    private List<Map<String, Object>> progress(String status, String note) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> action : currentActions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("actionId", ((Number) action.get("id")).longValue());
            row.put(ActionRow.ACTION, action.get("action"));
            row.put("status", status);
            row.put("note", note == null ? "" : note);
            rows.add(row);
        }
        return rows;
    }

    private JsonNode get(String user, String path) {
        Answer answer = rest.as(user).get(path);
        assertThat(answer.status()).as("%s GET %s: %s", user, path, answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode current(JsonNode record) {
        JsonNode first = record.path("conversations").get(0);
        assertThat(first.path("current").asBoolean()).isTrue();
        return first;
    }

    private static JsonNode row(JsonNode page, String id) {
        for (JsonNode row : page.path("rows")) {
            if (row.path("id").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + id + " in " + page);
    }

    private static List<String> names(JsonNode page) {
        return page.path("rows").findValuesAsText("name");
    }
}
