package org.careerconversations.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.conversation.Submissions;
import org.careerconversations.security.Groups;
import org.careerconversations.security.Handover;
import org.careerconversations.security.Lockout;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two people leave and HR erases them, on H2 and on PostgreSQL alike. otto managed oskar: he held oskar's
 * first conversation, commented on it, and each mentions the other by name in what they wrote. otto leaves
 * first (oskar goes to maria), then oskar, whose second conversation is still open. After each erasure a
 * scan of every table finds neither the id, nor the name, nor the e-mail address of the person erased —
 * while eva's conversation, and oskar's until he is erased, come through intact.
 */
final class ErasureScenario {

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Handover handover;
    private final Lockout lockout;
    private final EngineRest rest;
    private final Conversations conversations;

    ErasureScenario(ProcessEngine engine, JdbcTemplate jdbc, DataSource dataSource, Handover handover,
                    Lockout lockout, EngineRest rest) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.handover = handover;
        this.lockout = lockout;
        this.rest = rest;
        this.conversations = new Conversations(engine);
    }

    void run() {
        Conversations.hire(jdbc, engine, "otto", "Otto Olbrich", "dora", "hanna", Groups.MANAGERS);
        Conversations.hire(jdbc, engine, "oskar", "Oskar Quist", "otto", "hanna", Groups.EMPLOYEES);
        try {
            walk();
        } finally {
            Conversations.fire(jdbc, engine, "oskar", "otto");
        }
    }

    private void walk() {
        assertThat(AllTables.tables(dataSource)).as("the scan reads the engine's tables and the app's")
            .hasSizeGreaterThan(40).anyMatch(t -> t.equalsIgnoreCase("ACT_HI_VARINST"))
            .anyMatch(t -> t.equalsIgnoreCase("conversation"));
        String evas = conversations.agreed("hanna", "eva", "maria", "SECRET-eva");
        String agreed = oskarsFirstConversationWithOtto();
        String open = conversations.preparing("hanna", "oskar", "otto");
        String task = conversations.taskId(open, TASK_PREPARE_EMPLOYEE);
        conversations.as("oskar", () -> {
            engine.getTaskService().createComment(task, open, "SECRET-oskar: ask Otto Olbrich about the budget");
            return engine.getTaskService().createAttachment("text/plain", task, open, "oskar-notes.txt",
                "Oskar Quist's notes", new ByteArrayInputStream("SECRET-oskar".getBytes(StandardCharsets.UTF_8)));
        });
        // before: in the task names, assignments, variables, comments, operation log and grants of oskar's
        // conversations, in oskar's record, and in the app's and Camunda's user tables
        assertThat(AllTables.find(dataSource, "otto", "Otto Olbrich", "otto@example.org"))
            .as("the scan finds otto before he is erased").hasSizeGreaterThan(20);

        // otto leaves; while oskar still reports to him, he cannot be erased
        jdbc.update("update employee set active = false where id = 'otto'");
        Answer refused = rest.as("hanna").delete("/api/employees/otto/personal-data");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.message()).contains("still the manager or HR partner of oskar");
        // the org import gives oskar a new manager and revokes otto
        jdbc.update("update employee set manager_id = 'maria' where id = 'oskar'");
        handover.managerChanged("oskar", "otto", "maria");
        lockout.lockOut("otto");

        assertThat(rest.as("maria").delete("/api/employees/otto/personal-data").status()).isEqualTo(403);
        Answer erasedOtto = rest.as("hanna").delete("/api/employees/otto/personal-data");
        assertThat(erasedOtto.status()).as(erasedOtto.body()).isEqualTo(200);
        assertThat(erasedOtto.json().path("erasedBy").asText()).isEqualTo("hanna");
        assertThat(erasedOtto.json().path("conversations").asInt()).isZero();
        assertThat(erasedOtto.json().path("engineRecords").asInt()).isPositive();
        assertThat(AllTables.find(dataSource, "otto", "Otto Olbrich", "otto@example.org")).isEmpty();

        // oskar's conversations are whole, without otto: the open one is maria's
        assertThat(jdbc.queryForObject("select count(*) from conversation where employee_id = 'oskar'", Integer.class))
            .isEqualTo(2);
        assertThat(jdbc.queryForObject("select manager_id from conversation where process_instance_id = ?",
            String.class, agreed)).isNull();
        assertThat(jdbc.queryForObject("select went_well from conversation where process_instance_id = ?",
            String.class, agreed)).isEqualTo("SECRET-oskar went well");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(agreed).count())
            .isEqualTo(6);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(open)
            .taskDefinitionKey(TASK_PREPARE_MANAGER).singleResult().getAssignee()).isEqualTo("maria");

        // eva has not left: refused, with the rule
        Answer active = rest.as("hanna").delete("/api/employees/eva/personal-data");
        assertThat(active.status()).isEqualTo(409);
        assertThat(active.message()).contains("active employee");

        // oskar leaves, his second conversation still open
        jdbc.update("update employee set active = false where id = 'oskar'");
        lockout.lockOut("oskar");
        Answer erasedOskar = rest.as("hanna").delete("/api/employees/oskar/personal-data");
        assertThat(erasedOskar.status()).as(erasedOskar.body()).isEqualTo(200);
        JsonNode counts = erasedOskar.json();
        assertThat(counts.path("conversations").asInt()).isEqualTo(2);
        assertThat(counts.path("processInstances").asInt()).isEqualTo(2);
        assertThat(counts.path("appRecords").asInt()).isPositive();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(open).count()).isZero();
        assertThat(AllTables.find(dataSource, "oskar", "Oskar Quist", "oskar@example.org")).isEmpty();

        // eva's conversation came through untouched
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(evas)
            .variableName(FEEDBACK_SUMMARY).singleResult().getValue()).isEqualTo("SECRET-eva feedback");
        assertThat(jdbc.queryForObject("select count(*) from conversation where employee_id = 'eva'", Integer.class))
            .isOne();

        // the audit keeps who erased how many records, and when: not whom
        for (Answer erased : List.of(erasedOtto, erasedOskar)) {
            Map<String, Object> entry = lowerCase(jdbc.queryForMap("select * from erasure_audit where id = ?",
                erased.json().path("erasureId").asText()));
            assertThat(entry.get("erased_by")).isEqualTo("hanna");
            assertThat(entry.get("erased_at")).isNotNull();
            assertThat(((Number) entry.get("engine_records")).intValue())
                .isEqualTo(erased.json().path("engineRecords").asInt());
        }
    }

    private String oskarsFirstConversationWithOtto() {
        String pi = conversations.preparing("hanna", "oskar", "otto");
        String managerTask = conversations.taskId(pi, TASK_PREPARE_MANAGER);
        conversations.as("otto", () -> engine.getTaskService().createComment(managerTask, pi,
            "Otto Olbrich: Oskar Quist asked for a mentor (otto@example.org)"));
        Map<String, Object> preparation = new LinkedHashMap<>(Conversations.prepareEmployee("SECRET-oskar"));
        preparation.put(TOPICS, "What Otto Olbrich (otto@example.org) said about the team");
        conversations.complete("oskar", pi, TASK_PREPARE_EMPLOYEE, preparation);
        conversations.complete("otto", pi, TASK_PREPARE_MANAGER, Conversations.prepareManager("SECRET-oskar"));
        conversations.complete("otto", pi, TASK_HOLD_CONVERSATION, Submissions.holdConversation("held", null));
        conversations.complete("otto", pi, TASK_DOCUMENT_AGREEMENTS, Conversations.documentAgreements("SECRET-oskar"));
        conversations.complete("oskar", pi, TASK_SIGN_OFF, Submissions.agree());
        return pi;
    }

    private static Map<String, Object> lowerCase(Map<String, Object> row) {
        Map<String, Object> result = new LinkedHashMap<>();
        row.forEach((k, v) -> result.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return result;
    }
}
