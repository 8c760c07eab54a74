package org.careerconversations.security;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careerconversations.process.ProcessPrivileges;
import org.careerconversations.process.ProcessVariables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An employee's open conversations go over to their new manager or HR partner (the record, the process
 * variables, the open tasks — renamed where a name mentions the one before), and who reads all their
 * conversations follows ({@link ConversationAccess#reconcileWithEveryoneBelow}). The org import calls it after
 * the employee table names the new person; it runs as the app, whoever runs the import.
 */
@Component
public class Handover {

    private static final String OPEN_CONVERSATIONS_OF = "select id, process_instance_id from conversation "
        + "where employee_id = ? and status not in ('AGREED', 'CANCELLED') and process_instance_id is not null";

    private final ConversationAccess access;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;

    Handover(ConversationAccess access, IdentityService identity, RuntimeService runtime, TaskService tasks,
             JdbcTemplate jdbc) {
        this.access = access;
        this.identity = identity;
        this.runtime = runtime;
        this.tasks = tasks;
        this.jdbc = jdbc;
    }

    /**
     * The employee has a new manager: every conversation of the employee becomes readable by the new manager
     * and no longer by the old one; with indirect reports configured, the conversations of everyone below the
     * employee follow too.
     */
    @Transactional
    public void managerChanged(String employeeId, String oldManagerId, String newManagerId) {
        ProcessPrivileges.runAsTheProcess(identity, () -> {
            for (OpenConversation conversation : openConversationsOf(employeeId)) {
                jdbc.update("update conversation set manager_id = ?, version = version + 1 where id = ?",
                    newManagerId, conversation.id());
                handOver(conversation.processInstanceId(), oldManagerId, newManagerId, ProcessVariables.MANAGER_ID,
                    ProcessVariables.MANAGER_NAME);
            }
            access.reconcileWithEveryoneBelow(employeeId);
        });
    }

    /** The employee has a new HR partner, who reads all the employee's conversations; the old one no longer. */
    @Transactional
    public void hrPartnerChanged(String employeeId, String oldHrPartnerId, String newHrPartnerId) {
        ProcessPrivileges.runAsTheProcess(identity, () -> {
            for (OpenConversation conversation : openConversationsOf(employeeId)) {
                jdbc.update("update conversation set hr_partner_id = ?, version = version + 1 where id = ?",
                    newHrPartnerId, conversation.id());
                handOver(conversation.processInstanceId(), oldHrPartnerId, newHrPartnerId,
                    ProcessVariables.HR_PARTNER_ID, ProcessVariables.HR_PARTNER_NAME);
            }
            access.reconcile(employeeId);
        });
    }

    private void handOver(String processInstanceId, String oldUserId, String newUserId, String idVariable,
                          String nameVariable) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return;
        }
        String newName = nameOf(newUserId).orElse(null);
        runtime.setVariable(processInstanceId, idVariable, newUserId);
        runtime.setVariable(processInstanceId, nameVariable, newName);
        if (oldUserId == null) {
            return;
        }
        Optional<String> oldName = nameOf(oldUserId);
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            if (oldUserId.equals(task.getAssignee())) {
                tasks.setAssignee(task.getId(), newUserId);
            }
            // "Prepare your career conversation with <manager>": the employee's open task names the new one
            if (oldName.isPresent() && newName != null && task.getName() != null
                && task.getName().contains(oldName.get())) {
                Task renamed = tasks.createTaskQuery().taskId(task.getId()).singleResult();
                renamed.setName(task.getName().replace(oldName.get(), newName));
                tasks.saveTask(renamed);
            }
        }
    }

    private record OpenConversation(long id, String processInstanceId) {
    }

    private List<OpenConversation> openConversationsOf(String employeeId) {
        return jdbc.query(OPEN_CONVERSATIONS_OF,
            (rs, i) -> new OpenConversation(rs.getLong("id"), rs.getString("process_instance_id")), employeeId);
    }

    private Optional<String> nameOf(String employeeId) {
        if (employeeId == null) {
            return Optional.empty();
        }
        List<String> names = jdbc.queryForList("select name from employee where id = ?", String.class, employeeId);
        return names.stream().filter(Objects::nonNull).findFirst();
    }
}
