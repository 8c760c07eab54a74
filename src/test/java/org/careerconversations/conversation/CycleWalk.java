package org.careerconversations.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole cycle through the engine REST API, each step as the demo user whose step it is: hanna starts
 * for eva, maria schedules, both prepare, maria holds and documents, eva asks for a change once, maria
 * revises, eva agrees. Used against H2 and against PostgreSQL.
 */
class CycleWalk {

    private final EngineRest rest;
    private final JdbcTemplate jdbc;

    CycleWalk(EngineRest rest, JdbcTemplate jdbc) {
        this.rest = rest;
        this.jdbc = jdbc;
    }

    void walkAndCheck() {
        Answer started = rest.as("hanna").post("/engine-rest/process-definition/key/CareerConversation/start",
            variables("employeeId", "eva"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().path("businessKey").asText()).isEqualTo("eva-1");

        complete("maria", "Task_ScheduleConversation",
            Submissions.schedule(Instant.now().plus(7, ChronoUnit.DAYS)));
        complete("eva", "Task_PrepareEmployee", Submissions.employeePreparation());
        complete("maria", "Task_PrepareManager", Submissions.managerPreparation());
        complete("maria", "Task_HoldConversation", Submissions.hold("held", null));

        // documenting, maria sees what eva prepared
        String documentTask = taskId("maria", "Task_DocumentAgreements");
        JsonNode formVariables = rest.as("maria").get("/engine-rest/task/" + documentTask + "/form-variables").json();
        assertThat(formVariables.path("wentWell").path("value").asText()).isEqualTo("Shipped the search page");
        complete("maria", "Task_DocumentAgreements", Submissions.documentation());

        // signing off, eva sees the documentation, and asks for one change
        String signOffTask = taskId("eva", "Task_SignOff");
        JsonNode evasView = rest.as("eva").get("/engine-rest/task/" + signOffTask
            + "/form-variables?deserializeValues=false").json();
        assertThat(evasView.path("goals").path("value").asText()).contains("Lead the sprint demo");
        assertThat(evasView.path("feedbackSummary").path("value").asText()).isEqualTo("Strong start; grow visibility");
        complete("eva", "Task_SignOff", Submissions.requestChanges("Please add the conference budget"));

        // maria sees the request and revises
        String revisionTask = taskId("maria", "Task_DocumentAgreements");
        JsonNode mariasView = rest.as("maria").get("/engine-rest/task/" + revisionTask + "/form-variables").json();
        assertThat(mariasView.path("changeRequest").path("value").asText())
            .isEqualTo("Please add the conference budget");
        Map<String, Object> revised = Submissions.documentation();
        revised.put("developmentActions", List.of(
            Map.of("action", "Presentation skills course", "kind", "training", "dueDate", "2027-02-28"),
            Map.of("action", "Speak at a conference", "kind", "stretch-assignment", "dueDate", "2027-09-30",
                "support", "Conference budget 1,500 EUR")));
        complete("maria", "Task_DocumentAgreements", revised);
        complete("eva", "Task_SignOff", Submissions.agree());

        assertThat(rest.as("hanna").get("/engine-rest/process-instance?businessKey=eva-1&maxResults=50").json())
            .isEmpty();
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
        // eva reads her reason in her own history
        JsonNode reason = rest.as("eva").get("/engine-rest/history/variable-instance?variableName=cadenceReason"
            + "&maxResults=50").json();
        assertThat(reason).hasSize(1);
        assertThat(reason.get(0).path("value").asText()).isEqualTo(record.get("cadence_reason"));
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
