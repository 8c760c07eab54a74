package org.careerconversations.reminder;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.careerconversations.privacy.PersonalDataStore;
import org.careerconversations.process.ProcessIds;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The TaskReminders watches of a conversation's tasks name the people and the conversation (task names,
 * assignee, business key); they go with the conversation. The engine's erasure removes names elsewhere.
 */
@Component
class ReminderRecords implements PersonalDataStore {

    private final NamedParameterJdbcTemplate named;
    private final RuntimeService runtime;
    private final HistoryService history;

    ReminderRecords(JdbcTemplate jdbc, RuntimeService runtime, HistoryService history) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.runtime = runtime;
        this.history = history;
    }

    @Override
    public String name() {
        return "taskReminders";
    }

    @Override
    public Object export(String employeeId, List<Long> conversationIds) {
        // a watch holds nothing the conversation's own history does not: the task, its assignee, its due date
        return List.of();
    }

    @Override
    public int forgetConversations(List<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return 0;
        }
        List<String> instances = named.queryForList("select process_instance_id from conversation where id in (:ids) "
            + "and process_instance_id is not null", new MapSqlParameterSource("ids", conversationIds), String.class);
        int deleted = 0;
        for (String instance : instances) {
            // a watch's business key is the id of its task: the conversation's tasks name its watches
            String[] taskIds = history.createHistoricTaskInstanceQuery().processInstanceId(instance).list().stream()
                .map(HistoricTaskInstance::getId).toArray(String[]::new);
            if (taskIds.length == 0) {
                continue;
            }
            // one query for the conversation's watches; those still running end first, then their history goes
            List<HistoricProcessInstance> watches = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.TASK_REMINDERS).processInstanceBusinessKeyIn(taskIds).list();
            for (HistoricProcessInstance watch : watches) {
                if (watch.getEndTime() == null) {
                    runtime.deleteProcessInstance(watch.getId(), "erased", true, true);
                }
            }
            if (!watches.isEmpty()) {
                history.deleteHistoricProcessInstancesIfExists(
                    watches.stream().map(HistoricProcessInstance::getId).toList());
            }
            deleted += watches.size();
        }
        return deleted;
    }

    @Override
    public int erase(String employeeId, Subject subject) {
        return 0;
    }
}
