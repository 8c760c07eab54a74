package org.careerconversations.notification;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.careerconversations.privacy.PersonalDataStore;
import org.careerconversations.process.ProcessIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The mails kept in {@code notification} take part in export, erasure and retention: they name people and
 * quote what they wrote. The SendNotification instances that delivered them carry the conversation's
 * business key, so they go with the conversation.
 */
@Component
class NotificationRecords implements PersonalDataStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final RuntimeService runtime;
    private final HistoryService history;

    NotificationRecords(JdbcTemplate jdbc, RuntimeService runtime, HistoryService history) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.runtime = runtime;
        this.history = history;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public Object export(String employeeId, List<Long> conversationIds) {
        return jdbc.queryForList("select kind, recipient, cc, business_key, subject, body_text, state, created_at, "
            + "sent_at from notification where recipient_id = ? order by id", employeeId);
    }

    @Override
    public int forgetConversations(List<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return 0;
        }
        List<String> keys = named.queryForList("select business_key from conversation where id in (:ids)",
            new MapSqlParameterSource("ids", conversationIds), String.class);
        int deleted = 0;
        for (String key : keys) {
            for (ProcessInstance running : runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.SEND_NOTIFICATION).processInstanceBusinessKey(key).list()) {
                runtime.deleteProcessInstance(running.getId(), "erased", true, true);
            }
            List<String> finished = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.SEND_NOTIFICATION).processInstanceBusinessKey(key).list().stream()
                .map(HistoricProcessInstance::getId).toList();
            if (!finished.isEmpty()) {
                history.deleteHistoricProcessInstancesIfExists(finished);
            }
            deleted += finished.size() + jdbc.update("delete from notification where business_key = ?", key);
        }
        return deleted;
    }

    /** Mails to them, and every mail that names them (about a colleague's conversation), are deleted. */
    @Override
    public int erase(String employeeId, Subject subject) {
        int deleted = jdbc.update("delete from notification where recipient_id = ?", employeeId);
        for (String text : new String[] {subject.name(), subject.email()}) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String like = "%" + text + "%";
            deleted += jdbc.update("delete from notification where recipient like ? or cc like ? or subject like ? "
                + "or body_text like ? or body_html like ? or calendar like ?", like, like, like, like, like, like);
        }
        return deleted;
    }

}
