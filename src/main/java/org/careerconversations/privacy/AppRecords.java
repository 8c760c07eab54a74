package org.careerconversations.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.careerconversations.privacy.PersonalDataStore.Subject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The app's own tables (V1: employee, conversation, goal, development_action) as export, erasure and
 * retention see them. Plain SQL over whole rows, so that a column added later is exported and deleted
 * without anyone remembering to add it here.
 */
@Component
class AppRecords {

    static final String REPLACEMENT_NAME = "a former employee";
    static final String REPLACEMENT_EMAIL = "(erased)";

    /** Free text in other people's records that may mention someone by name or e-mail address. */
    private static final Map<String, List<String>> FREE_TEXT = Map.of(
        "conversation", List.of("meeting_place", "outcome_note", "ambitions_short_term", "ambitions_long_term",
            "went_well", "strengths", "development_needs", "topics", "support_wanted", "previous_plan_progress",
            "strengths_observed", "areas_to_grow", "proposed_goals", "feedback_summary", "career_aspirations",
            "change_request", "mediation_note", "cadence_reason"),
        "goal", List.of("goal", "measure"),
        "development_action", List.of("action", "support"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    AppRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    Optional<Map<String, Object>> employee(String employeeId) {
        return jdbc.queryForList("select * from employee where id = ?", employeeId).stream().findFirst()
            .map(AppRecords::lowerCaseKeys);
    }

    List<Long> conversationIdsOf(String employeeId) {
        return jdbc.queryForList("select id from conversation where employee_id = ? order by cycle", Long.class,
            employeeId);
    }

    List<String> processInstancesOf(String employeeId) {
        return jdbc.queryForList("select process_instance_id from conversation where employee_id = ? "
            + "and process_instance_id is not null", String.class, employeeId);
    }

    List<String> openProcessInstancesOf(String employeeId) {
        return jdbc.queryForList("select process_instance_id from conversation where employee_id = ? "
            + "and status not in ('AGREED', 'CANCELLED') and process_instance_id is not null", String.class,
            employeeId);
    }

    /** Active employees whose manager or HR partner the person still is. */
    List<String> activeReportsOf(String personId) {
        return jdbc.queryForList("select id from employee where active = true and (manager_id = ? or "
            + "hr_partner_id = ?) order by id", String.class, personId, personId);
    }

    /** The employee's row and every conversation with its goals and development actions. */
    Map<String, Object> export(String employeeId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("employee", employee(employeeId).orElse(null));
        List<Map<String, Object>> conversations = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("select * from conversation where employee_id = ? "
            + "order by cycle", employeeId)) {
            Map<String, Object> conversation = lowerCaseKeys(row);
            Object id = conversation.get("id");
            conversation.put("goals", rows("select * from goal where conversation_id = ? order by position", id));
            conversation.put("developmentActions",
                rows("select * from development_action where conversation_id = ? order by position", id));
            conversations.add(conversation);
        }
        export.put("conversations", conversations);
        return export;
    }

    /** Deletes these conversations with their goals and development actions; idempotent. */
    int deleteConversations(List<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", conversationIds);
        return named.update("delete from goal where conversation_id in (:ids)", ids)
            + named.update("delete from development_action where conversation_id in (:ids)", ids)
            + named.update("delete from conversation where id in (:ids)", ids);
    }

    /**
     * Removes the person from the records of others (as their former manager or HR partner, or named in
     * their free text) and deletes the person's own row. Their own conversations are gone by now.
     */
    int erase(Subject subject) {
        String id = subject.id();
        int changed = jdbc.update("update conversation set manager_id = null where manager_id = ?", id)
            + jdbc.update("update conversation set hr_partner_id = null where hr_partner_id = ?", id)
            + jdbc.update("update employee set manager_id = null where manager_id = ?", id)
            + jdbc.update("update employee set hr_partner_id = null where hr_partner_id = ?", id);
        for (Map.Entry<String, List<String>> table : FREE_TEXT.entrySet()) {
            for (String column : table.getValue()) {
                changed += replaceIn(table.getKey(), column, subject.name(), REPLACEMENT_NAME);
                changed += replaceIn(table.getKey(), column, subject.email(), REPLACEMENT_EMAIL);
            }
        }
        return changed + jdbc.update("delete from employee where id = ?", id);
    }

    private int replaceIn(String table, String column, String text, String replacement) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return jdbc.update("update " + table + " set " + column + " = replace(" + column + ", ?, ?) where "
            + column + " like ?", text, replacement, "%" + text + "%");
    }

    private List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbc.queryForList(sql, args).stream().map(AppRecords::lowerCaseKeys).toList();
    }

    /** H2 answers column names in upper case, PostgreSQL in lower case: an export looks the same on both. */
    static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> result = new LinkedHashMap<>();
        row.forEach((key, value) -> result.put(key.toLowerCase(Locale.ROOT), value));
        return result;
    }
}
