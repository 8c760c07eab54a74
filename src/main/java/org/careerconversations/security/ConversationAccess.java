package org.careerconversations.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.careerconversations.process.ProcessPrivileges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read one conversation, granted per process instance: the employee, their manager and
 * their HR partner — and, with {@code careers.access.managers-see-indirect-reports=true}, the managers above
 * the manager. Nobody reads a conversation through a group grant except process owners, who monitor every
 * instance in Cockpit (see {@link AccessSetup}). Tasks are granted by the engine to their assignee.
 * <p>
 * Access follows the current organisation: when a manager or HR partner changes, the org import hands the open
 * conversations over ({@link Handover}) and the grants of all the employee's conversations — open and finished —
 * are brought in line: a former manager no longer reads any of them, the new one reads all of them (including
 * the previous plan, which they follow up). Someone who leaves is locked out ({@link Lockout}).
 */
@Component
public class ConversationAccess {

    private static final int MAX_MANAGEMENT_LEVELS = 50;

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final JdbcTemplate jdbc;
    private final boolean managersSeeIndirectReports;

    ConversationAccess(AuthorizationService authorizations, IdentityService identity, RuntimeService runtime,
                       HistoryService history, JdbcTemplate jdbc,
                       @Value("${careers.access.managers-see-indirect-reports:false}")
                       boolean managersSeeIndirectReports) {
        this.authorizations = authorizations;
        this.identity = identity;
        this.runtime = runtime;
        this.history = history;
        this.jdbc = jdbc;
        this.managersSeeIndirectReports = managersSeeIndirectReports;
    }

    /**
     * Lets the readers of a conversation that has just been opened read its process instance and history:
     * the employee, the manager, the employee's HR partner (and the managers above, if so configured).
     * Runs inside the engine's command that opens the record. The instance is new, so nobody holds a grant on
     * it yet: each grant is written without looking for one first.
     */
    public void grantConversation(String processInstanceId, String employeeId, String managerId,
                                  String hrPartnerId) {
        asTheProcess(() -> {
            for (String reader : readers(employeeId, managerId, hrPartnerId)) {
                authorizations.saveAuthorization(newGrant(reader, Resources.PROCESS_INSTANCE, processInstanceId,
                    Permissions.READ));
                expireWithTheHistory(authorizations.saveAuthorization(newGrant(reader,
                    Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ)),
                    processInstanceId);
            }
        });
    }

    private Authorization newGrant(String userId, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setUserId(userId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        return authorization;
    }

    /**
     * A grant on history is deleted by the history cleanup together with the history it grants, by its
     * removal time. The engine takes that from the stored historic process instance, which does not exist
     * yet while the instance is being started: take it from the one the engine holds in memory.
     */
    private static void expireWithTheHistory(Authorization authorization, String processInstanceId) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null || !(authorization instanceof AuthorizationEntity entity)
            || entity.getRemovalTime() != null) {
            return;
        }
        HistoricProcessInstanceEventEntity instance = commandContext.getDbEntityManager()
            .getCachedEntity(HistoricProcessInstanceEventEntity.class, processInstanceId);
        if (instance != null) {
            entity.setRootProcessInstanceId(instance.getRootProcessInstanceId());
            entity.setRemovalTime(instance.getRemovalTime());
        }
    }

    /**
     * Brings the grants of all the employee's conversations in line with the organisation as the employee
     * table states it now. Idempotent; use it after a bulk change of the organisation.
     */
    @Transactional
    public void reconcile(String employeeId) {
        asSystem(() -> reconcile(employeeId, managerOf(employeeId).orElse(null),
            hrPartnerOf(employeeId).orElse(null)));
    }

    /**
     * {@link #reconcile(String)} for the employee and, with {@code careers.access.managers-see-indirect-reports},
     * everyone below them: their new manager reads the conversations of all of them.
     */
    @Transactional
    public void reconcileWithEveryoneBelow(String employeeId) {
        reconcile(employeeId);
        if (managersSeeIndirectReports) {
            for (String report : everyoneBelow(employeeId)) {
                reconcile(report);
            }
        }
    }

    /**
     * Whether the user reads the employee's conversations: the readers each of them is granted to (the
     * employee, their manager — and the managers above, if so configured — and their HR partner), as the
     * organisation states it now, which is what {@link #reconcile} keeps the grants in line with.
     */
    public boolean mayRead(String userId, String employeeId) {
        return userId != null && readers(employeeId, managerOf(employeeId).orElse(null),
            hrPartnerOf(employeeId).orElse(null)).contains(userId);
    }

    /**
     * The people whose conversations a manager reads because they report to them: their direct reports, and
     * with {@code careers.access.managers-see-indirect-reports=true} everyone below them.
     */
    public List<String> reportsOf(String managerId) {
        return managersSeeIndirectReports ? everyoneBelow(managerId)
            : jdbc.queryForList("select id from employee where manager_id = ?", String.class, managerId);
    }

    private void reconcile(String employeeId, String managerId, String hrPartnerId) {
        Set<String> readers = readers(employeeId, managerId, hrPartnerId);
        List<String> instances = jdbc.queryForList("select process_instance_id from conversation where "
            + "employee_id = ? and process_instance_id is not null", String.class, employeeId);
        for (String processInstanceId : instances) {
            boolean running = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
            boolean inHistory = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .count() > 0;
            keepOnly(readers, Resources.PROCESS_INSTANCE, processInstanceId, null);
            keepOnly(readers, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, null);
            for (String reader : readers) {
                if (running) {
                    grant(reader, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
                }
                if (inHistory) {
                    grant(reader, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
                        HistoricProcessInstancePermissions.READ);
                }
            }
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
                // the engine granted every assignee the task; a former manager keeps none of it
                keepOnly(readers, Resources.HISTORIC_TASK, task.getId(), null);
                keepOnly(readers, Resources.TASK, task.getId(), task.getEndTime() == null ? task.getAssignee() : null);
            }
        }
    }

    private void keepOnly(Set<String> readers, Resource resource, String resourceId, String alsoKeep) {
        for (Authorization authorization : authorizations.createAuthorizationQuery().resourceType(resource)
            .resourceId(resourceId).list()) {
            String userId = authorization.getUserId();
            if (userId != null && !readers.contains(userId) && !userId.equals(alsoKeep)
                && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT) {
                authorizations.deleteAuthorization(authorization.getId());
            }
        }
    }

    private Set<String> readers(String employeeId, String managerId, String hrPartnerId) {
        Set<String> readers = new LinkedHashSet<>();
        readers.add(employeeId);
        if (managerId != null) {
            readers.add(managerId);
            if (managersSeeIndirectReports) {
                String above = managerOf(managerId).orElse(null);
                for (int level = 0; above != null && level < MAX_MANAGEMENT_LEVELS && readers.add(above); level++) {
                    above = managerOf(above).orElse(null);
                }
            }
        }
        if (hrPartnerId != null) {
            readers.add(hrPartnerId);
        }
        readers.remove(null);
        return readers;
    }

    private List<String> everyoneBelow(String managerId) {
        List<String> below = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(List.of(managerId));
        List<String> level = List.of(managerId);
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String id : level) {
                for (String report : jdbc.queryForList("select id from employee where manager_id = ?", String.class,
                    id)) {
                    if (seen.add(report)) {
                        next.add(report);
                    }
                }
            }
            below.addAll(next);
            level = next;
        }
        return below;
    }

    private Optional<String> managerOf(String employeeId) {
        return column("manager_id", employeeId);
    }

    private Optional<String> hrPartnerOf(String employeeId) {
        return column("hr_partner_id", employeeId);
    }

    private Optional<String> column(String column, String employeeId) {
        List<String> values = jdbc.queryForList("select " + column + " from employee where id = ?", String.class,
            employeeId);
        return values.stream().filter(Objects::nonNull).findFirst();
    }

    private Authorization grant(String userId, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizations.createAuthorizationQuery().userIdIn(userId)
            .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
            .singleResult();
        if (authorization == null) {
            return authorizations.saveAuthorization(newGrant(userId, resource, resourceId, permission));
        } else if (authorization.isPermissionGranted(permission)) {
            return authorization;
        }
        authorization.addPermission(permission);
        return authorizations.saveAuthorization(authorization);
    }

    /**
     * The org import may run as an administrator or without a user; either way the grants are the app's
     * doing: no authorization check, and no user operation log entry naming the people concerned (an entry about
     * an authorization belongs to no process instance, so the history cleanup would never remove it with the
     * conversation).
     */
    private void asSystem(Runnable action) {
        ProcessPrivileges.runAsTheProcess(identity, action);
    }

    /**
     * The delegates run in the command of whoever completed the step, and that person may not manage
     * authorizations; the grants are the process's doing, not theirs, so they are not logged as that
     * person's operations either.
     */
    private static void asTheProcess(Runnable action) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            action.run();
            return;
        }
        boolean checkWasEnabled = commandContext.isAuthorizationCheckEnabled();
        boolean logWasEnabled = commandContext.isUserOperationLogEnabled();
        commandContext.disableAuthorizationCheck();
        commandContext.disableUserOperationLog();
        try {
            action.run();
        } finally {
            if (checkWasEnabled) {
                commandContext.enableAuthorizationCheck();
            }
            if (logWasEnabled) {
                commandContext.enableUserOperationLog();
            }
        }
    }
}
