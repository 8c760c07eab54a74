package org.careerconversations.privacy;

import static org.careerconversations.privacy.AppRecords.REPLACEMENT_EMAIL;
import static org.careerconversations.privacy.AppRecords.REPLACEMENT_NAME;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.persistence.entity.TaskMeterLogEntity;
import org.careerconversations.privacy.PersonalDataStore.Subject;
import org.careerconversations.process.ProcessPrivileges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases what the engine keeps about an employee: the runtime and history of their conversations, their Camunda
 * user, and traces in other people's conversations (as manager or HR partner: task assignments, task names,
 * variables, identity links, comments, the operation log, authorizations). The engine has APIs to delete
 * instances with their history, decisions, operation log entries and users; for the traces inside other
 * people's history it has none, so those are cleared with SQL on the engine's tables (same on H2 and
 * PostgreSQL). Callers run this as the app ({@link ProcessPrivileges}).
 */
@Component
class EngineErasure {

    private static final String ERASED = "personal data erased";

    private final HistoryService history;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final FilterService filters;
    private final JdbcTemplate jdbc;

    EngineErasure(HistoryService history, RuntimeService runtime, TaskService tasks, IdentityService identity,
                  FilterService filters, JdbcTemplate jdbc) {
        this.history = history;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.filters = filters;
        this.jdbc = jdbc;
    }

    /**
     * Ends the running instances among these and deletes all of them with their whole history, decisions
     * and operation log entries.
     *
     * @return the number of engine records deleted
     */
    int deleteInstances(List<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return 0;
        }
        int records = countRecords(processInstanceIds);
        for (String id : processInstanceIds) {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtime.deleteProcessInstance(id, ERASED, true, true);
            }
        }
        for (String id : processInstanceIds) {
            for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery().processInstanceId(id)
                .list()) {
                history.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
            }
            for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(id).list()) {
                history.deleteUserOperationLogEntry(entry.getId());
            }
        }
        history.deleteHistoricProcessInstancesIfExists(processInstanceIds);
        return records;
    }

    private int countRecords(List<String> ids) {
        long count = 0;
        for (String id : ids) {
            count += 1
                + history.createHistoricActivityInstanceQuery().processInstanceId(id).count()
                + history.createHistoricTaskInstanceQuery().processInstanceId(id).count()
                + history.createHistoricVariableInstanceQuery().processInstanceId(id).count()
                + history.createHistoricDetailQuery().processInstanceId(id).count()
                + history.createHistoricDecisionInstanceQuery().processInstanceId(id).count()
                + history.createHistoricIncidentQuery().processInstanceId(id).count()
                + history.createUserOperationLogQuery().processInstanceId(id).count()
                + tasks.getProcessInstanceComments(id).size()
                + tasks.getProcessInstanceAttachments(id).size();
        }
        return Math.toIntExact(count);
    }

    /**
     * Removes the person from what is left: their Camunda user, memberships, authorizations and filters, and
     * every trace of them in other people's conversations — as assignee, owner, starter, in identity links,
     * the operation log and comments, in variables that hold their id, and their name or e-mail address in
     * task names, variables, comments and stored values.
     *
     * @return the number of engine records deleted or changed
     */
    int eraseTraces(Subject subject) {
        String id = subject.id();
        int changed = 0;
        for (Filter filter : filters.createFilterQuery().filterOwner(id).list()) {
            filters.deleteFilter(filter.getId());
            changed++;
        }
        if (!identity.isReadOnly() && identity.createUserQuery().userId(id).count() > 0) {
            identity.deleteUser(id);
            changed++;
        }
        changed += sql("delete from ACT_ID_INFO where USER_ID_ = ?", id);
        changed += sql("delete from ACT_ID_MEMBERSHIP where USER_ID_ = ?", id);
        changed += sql("delete from ACT_ID_TENANT_MEMBER where USER_ID_ = ?", id);
        changed += sql("delete from ACT_RU_AUTHORIZATION where USER_ID_ = ? "
            + "or (RESOURCE_TYPE_ = 1 and RESOURCE_ID_ = ?)", id, id);
        changed += sql("delete from ACT_RU_IDENTITYLINK where USER_ID_ = ?", id);
        changed += sql("delete from ACT_HI_IDENTITYLINK where USER_ID_ = ?", id);
        changed += sql("update ACT_HI_IDENTITYLINK set ASSIGNER_ID_ = null where ASSIGNER_ID_ = ?", id);
        changed += sql("delete from ACT_HI_OP_LOG where USER_ID_ = ? or ORG_VALUE_ = ? or NEW_VALUE_ = ?", id, id, id);
        changed += sql("delete from ACT_HI_COMMENT where USER_ID_ = ?", id);
        changed += sql("delete from ACT_RU_TASK_METER_LOG where ASSIGNEE_HASH_ = ?",
            new TaskMeterLogEntity(id, new Date()).getAssigneeHash());
        for (String[] column : new String[][] {
            {"ACT_RU_TASK", "ASSIGNEE_"}, {"ACT_RU_TASK", "OWNER_"}, {"ACT_HI_TASKINST", "ASSIGNEE_"},
            {"ACT_HI_TASKINST", "OWNER_"}, {"ACT_HI_ACTINST", "ASSIGNEE_"}, {"ACT_HI_PROCINST", "START_USER_ID_"},
            {"ACT_HI_ATTACHMENT", "USER_ID_"}, {"ACT_HI_DECINST", "USER_ID_"}, {"ACT_HI_BATCH", "CREATE_USER_ID_"},
            {"ACT_RU_BATCH", "CREATE_USER_ID_"}, {"ACT_HI_CASEINST", "CREATE_USER_ID_"},
            // variables holding the id: managerId, hrPartnerId of other people's conversations
            {"ACT_RU_VARIABLE", "TEXT_"}, {"ACT_HI_VARINST", "TEXT_"}, {"ACT_HI_DETAIL", "TEXT_"}}) {
            changed += sql("update " + column[0] + " set " + column[1] + " = null where " + column[1] + " = ?", id);
        }
        for (String[] column : new String[][] {
            {"ACT_RU_TASK", "NAME_"}, {"ACT_RU_TASK", "DESCRIPTION_"}, {"ACT_HI_TASKINST", "NAME_"},
            {"ACT_HI_TASKINST", "DESCRIPTION_"}, {"ACT_HI_ACTINST", "ACT_NAME_"}, {"ACT_RU_VARIABLE", "TEXT_"},
            {"ACT_RU_VARIABLE", "TEXT2_"}, {"ACT_HI_VARINST", "TEXT_"}, {"ACT_HI_VARINST", "TEXT2_"},
            {"ACT_HI_DETAIL", "TEXT_"}, {"ACT_HI_DETAIL", "TEXT2_"}, {"ACT_HI_COMMENT", "MESSAGE_"},
            {"ACT_HI_OP_LOG", "ORG_VALUE_"}, {"ACT_HI_OP_LOG", "NEW_VALUE_"}, {"ACT_HI_PROCINST", "DELETE_REASON_"},
            {"ACT_HI_ATTACHMENT", "NAME_"}, {"ACT_HI_ATTACHMENT", "DESCRIPTION_"},
            {"ACT_RU_INCIDENT", "INCIDENT_MSG_"}, {"ACT_HI_INCIDENT", "INCIDENT_MSG_"},
            {"ACT_HI_DEC_IN", "TEXT_"}, {"ACT_HI_DEC_IN", "TEXT2_"}, {"ACT_HI_DEC_OUT", "TEXT_"},
            {"ACT_HI_DEC_OUT", "TEXT2_"}}) {
            changed += replace(column[0], column[1], subject.name(), REPLACEMENT_NAME);
            changed += replace(column[0], column[1], subject.email(), REPLACEMENT_EMAIL);
        }
        changed += replaceInBytes("select ID_, BYTES_ from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ is null",
            "update ACT_GE_BYTEARRAY set BYTES_ = ? where ID_ = ?", subject);
        changed += replaceInBytes("select ID_, FULL_MSG_ from ACT_HI_COMMENT",
            "update ACT_HI_COMMENT set FULL_MSG_ = ? where ID_ = ?", subject);
        return changed;
    }

    private int sql(String statement, Object... args) {
        return jdbc.update(statement, args);
    }

    private int replace(String table, String column, String text, String replacement) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return jdbc.update("update " + table + " set " + column + " = replace(" + column + ", ?, ?) where " + column
            + " like ?", text, replacement, "%" + text + "%");
    }

    /** Stored values and comment texts are bytes; the few that mention the person are rewritten in Java. */
    private int replaceInBytes(String select, String update, Subject subject) {
        List<Object[]> rewritten = new ArrayList<>();
        jdbc.query(select, rs -> {
            byte[] bytes = rs.getBytes(2);
            if (bytes == null) {
                return;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            String cleaned = text;
            if (subject.name() != null && !subject.name().isBlank()) {
                cleaned = cleaned.replace(subject.name(), REPLACEMENT_NAME);
            }
            if (subject.email() != null && !subject.email().isBlank()) {
                cleaned = cleaned.replace(subject.email(), REPLACEMENT_EMAIL);
            }
            if (!cleaned.equals(text)) {
                rewritten.add(new Object[] {cleaned.getBytes(StandardCharsets.UTF_8), rs.getString(1)});
            }
        });
        for (Object[] row : rewritten) {
            jdbc.update(update, row);
        }
        return rewritten.size();
    }
}
