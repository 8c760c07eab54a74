package org.careerconversations.followup;

import java.util.List;
import java.util.Map;
import org.careerconversations.privacy.PersonalDataStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Check-ins and plan revisions take part in export, erasure and retention with their conversation. */
@Component
class FollowUpRecords implements PersonalDataStore {

    static final String ERASED = "(erased)";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    FollowUpRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public String name() {
        return "followUp";
    }

    @Override
    public Object export(String employeeId, List<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of("checkIns", List.of(), "planRevisions", List.of());
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", conversationIds);
        return Map.of(
            "checkIns", named.queryForList("select c.conversation_id, c.number, c.author_role, c.obstacles, "
                + "c.plan_needs_revising, c.recorded_at, p.development_action_id, p.status, p.note from check_in c "
                + "left join check_in_progress p on p.check_in_id = c.id where c.conversation_id in (:ids) "
                + "order by c.conversation_id, c.number", ids),
            "planRevisions", named.queryForList("select conversation_id, version, reason, requested_by, agreed_at "
                + "from plan_revision where conversation_id in (:ids) order by conversation_id, version", ids));
    }

    @Override
    public int forgetConversations(List<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", conversationIds);
        return named.update("delete from check_in_progress where check_in_id in "
                + "(select id from check_in where conversation_id in (:ids))", ids)
            + named.update("delete from check_in where conversation_id in (:ids)", ids)
            + named.update("delete from plan_revision where conversation_id in (:ids)", ids);
    }

    /** What they said at check-ins of their reports' conversations stays, without their id and name. */
    @Override
    public int erase(String employeeId, Subject subject) {
        int changed = jdbc.update("update check_in set author_id = ? where author_id = ?", ERASED, employeeId)
            + jdbc.update("update plan_revision set requested_by = ? where requested_by = ?", ERASED, employeeId);
        for (String text : new String[] {subject.name(), subject.email()}) {
            if (text != null && !text.isBlank()) {
                changed += jdbc.update("update check_in set obstacles = replace(obstacles, ?, ?) where obstacles "
                    + "like ?", text, ERASED, "%" + text + "%");
                changed += jdbc.update("update check_in_progress set note = replace(note, ?, ?) where note like ?",
                    text, ERASED, "%" + text + "%");
                changed += jdbc.update("update plan_revision set reason = replace(reason, ?, ?) where reason like ?",
                    text, ERASED, "%" + text + "%");
            }
        }
        return changed;
    }
}
