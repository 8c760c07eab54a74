package org.careerconversations.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.careerconversations.process.ProcessIds.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The group-level access model, created at every start in every profile and idempotent: the groups, which
 * webapp each group may open, what each group may do with the models, and the Tasklist filters. What one
 * person may see of one conversation is granted per instance by {@link ConversationAccess}.
 */
@Component
public class AccessSetup {

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;

    AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                TaskService tasks, JdbcTemplate jdbc) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void setUp() {
        group(Groups.EMPLOYEES, "Employees");
        group(Groups.MANAGERS, "Managers");
        group(Groups.HR, "HR partners");
        group(Groups.PROCESS_OWNERS, "Process owners");
        group(Groups.PROCESS_DESIGNERS, "Process designers");

        for (String g : List.of(Groups.EMPLOYEES, Groups.MANAGERS, Groups.HR, Groups.PROCESS_OWNERS,
            Groups.PROCESS_DESIGNERS)) {
            grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        // Cockpit for those who watch the process (process owners) and read its figures (HR); designers work in
        // the Modeler and read models through the REST API: Cockpit's own API would show them how many
        // conversations run
        for (String g : List.of(Groups.HR, Groups.PROCESS_OWNERS)) {
            grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        }
        grant(Groups.PROCESS_DESIGNERS, Resources.APPLICATION, "cockpit");

        // everyone who works on a task sees which process it belongs to; only managers and HR start one.
        // Nobody reads conversations through a group grant but process owners (Cockpit monitoring): the
        // employee, their manager and their HR partner read each conversation through per-instance grants
        // (ConversationAccess). An HR partner thus sees their own population only.
        grant(Groups.EMPLOYEES, Resources.PROCESS_DEFINITION, CAREER_CONVERSATION, ProcessDefinitionPermissions.READ);
        grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, CAREER_CONVERSATION, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        grant(Groups.HR, Resources.PROCESS_DEFINITION, CAREER_CONVERSATION, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(Groups.HR, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // process owners monitor every process in Cockpit: instances, their state, incidents, timings and
        // counts — not what people wrote: with enforceSpecificVariablePermission, variables need
        // READ_INSTANCE_VARIABLE / READ_HISTORY_VARIABLE / READ_TASK_VARIABLE, which nobody gets through a group
        grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
        grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, CAREER_CONVERSATION);
        // decision history shows every employee's inputs (performance, retention risk) and has no per-instance
        // permission: nobody but administrators reads it; employees read their cadence reason from their own
        // conversation
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(Groups.HR, Resources.DECISION_DEFINITION, REVIEW_CADENCE, Permissions.READ);
        // process designers deploy new versions and read the models, never the instances
        grant(Groups.PROCESS_DESIGNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
        // HR launches review rounds from Tasklist (CycleScheduler's start form)
        grant(Groups.HR, Resources.PROCESS_DEFINITION, CYCLE_SCHEDULER, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(Groups.PROCESS_DESIGNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(Groups.PROCESS_DESIGNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(Groups.PROCESS_DESIGNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        // the Admin webapp belongs to camunda-admin alone (the engine grants that group everything)
        for (String g : List.of(Groups.EMPLOYEES, Groups.MANAGERS, Groups.HR, Groups.PROCESS_OWNERS,
            Groups.PROCESS_DESIGNERS)) {
            grant(g, Resources.APPLICATION, "admin");
        }

        taskGrantsReadVariables();

        TaskQuery mine = tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}");
        filter("My tasks", "Everything waiting for you, the most urgent first", -10,
            mine, List.of(Groups.EMPLOYEES, Groups.MANAGERS, Groups.HR, Groups.PROCESS_DESIGNERS,
                Groups.PROCESS_OWNERS));
        filter("Overdue", "Your tasks that are past their due date", -5,
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").dueBeforeExpression("${now()}"),
            List.of(Groups.EMPLOYEES, Groups.MANAGERS, Groups.HR));
        filter("My team's conversations", "Scheduling, preparing, holding and documenting your team's talks", 0,
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                .taskDefinitionKeyIn(TASK_SCHEDULE_CONVERSATION, TASK_PREPARE_MANAGER, TASK_HOLD_CONVERSATION,
                    TASK_DOCUMENT_AGREEMENTS),
            List.of(Groups.MANAGERS));
        filter("HR decisions", "Mediations and repeated rescheduling that need an HR decision", 0,
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                .taskDefinitionKeyIn(TASK_MEDIATE_SIGN_OFF, TASK_RESOLVE_RESCHEDULING),
            List.of(Groups.HR));
        // TaskReminders escalates an overdue task to the assignee's manager, then to HR
        filter("Escalations", "Overdue tasks of other people that were escalated to you", 5,
            tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").processDefinitionKey(TASK_REMINDERS)
                .taskDefinitionKeyIn(TASK_FOLLOW_UP_OVERDUE_MANAGER, TASK_FOLLOW_UP_OVERDUE_HR),
            List.of(Groups.MANAGERS, Groups.HR));
    }

    /**
     * Whoever may read a task reads its variables: the engine grants that (READ_VARIABLE) to assignees only since
     * variables have permissions of their own, so tasks created before get it here, once, in one statement.
     */
    private void taskGrantsReadVariables() {
        jdbc.update("update ACT_RU_AUTHORIZATION set PERMS_ = PERMS_ + ? where TYPE_ = ? and RESOURCE_TYPE_ in (?, ?) "
                + "and mod(PERMS_ / ?, 2) = 1 and mod(PERMS_ / ?, 2) = 0", TaskPermissions.READ_VARIABLE.getValue(),
            Authorization.AUTH_TYPE_GRANT, Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType(),
            Permissions.READ.getValue(), TaskPermissions.READ_VARIABLE.getValue());
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /**
     * The group has exactly these permissions on the resource: the code is the truth for the group grants,
     * so a permission removed here (HR's former definition-wide READ_INSTANCE, READ_HISTORY and READ_TASK)
     * is removed from an existing database at the next start too. No permissions: no grant at all.
     */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(groupId)
            .resourceType(resource).resourceId(resourceId).singleResult();
        if (permissions.length == 0) {
            if (authorization != null) {
                authorizations.deleteAuthorization(authorization.getId());
            }
            return;
        }
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        authorization.setPermissions(permissions);
        authorizations.saveAuthorization(authorization);
    }

    private void filter(String name, String description, int priority, TaskQuery query, List<String> groups) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            // no variables shown in the list: the task names say whose conversation it is, and a conversation's
            // variables are read through one's own tasks, not the list
            filter = filters.newTaskFilter(name).setProperties(properties)
                .setQuery(((org.camunda.bpm.engine.impl.TaskQueryImpl) query).orderByDueDate().asc());
            filters.saveFilter(filter);
        }
        for (String group : groups) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
