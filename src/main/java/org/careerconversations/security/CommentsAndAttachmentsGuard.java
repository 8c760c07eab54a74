package org.careerconversations.security;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Attachment;
import org.careerconversations.process.ProcessPrivileges;
import org.springframework.stereotype.Component;

/**
 * The engine reads and deletes comments and attachments without an authorization check, and the REST API
 * checks only some of its paths: {@code GET /task/{id}/comment/{commentId}}, {@code GET
 * /task/{id}/attachment/{attachmentId}} (and its {@code /data}) and {@code DELETE} of an attachment answer
 * anyone who names the ids — and the engine's ids are time-based, so guessable from one's own. (Found by
 * ProbeSuiteTest.) For an authenticated user this closes the gap in the engine, for every API at once: a
 * comment or attachment is read only by who may read the variables of its task or process instance, and
 * added or (an attachment) deleted only by who works on its task. (The engine adds comments and attachments
 * for anyone who can see that a task exists — process owners could write into every conversation.)
 */
@Component
class CommentsAndAttachmentsGuard extends EngineGuard {

    private static final Map<Class<?>, String> READ_BY_TASK = Map.of(
        GetTaskCommentCmd.class, "taskId", GetTaskCommentsCmd.class, "taskId",
        GetTaskAttachmentCmd.class, "taskId", GetTaskAttachmentContentCmd.class, "taskId",
        GetTaskAttachmentsCmd.class, "taskId");
    private static final Map<Class<?>, String> READ_BY_PROCESS_INSTANCE = Map.of(
        GetProcessInstanceCommentsCmd.class, "processInstanceId",
        GetProcessInstanceAttachmentsCmd.class, "processInstanceId");
    private static final Map<Class<?>, String> BY_ATTACHMENT = Map.of(
        GetAttachmentCmd.class, "attachmentId", GetAttachmentContentCmd.class, "attachmentId",
        DeleteAttachmentCmd.class, "attachmentId");

    @Override
    protected <T> T guard(Command<T> command, Supplier<T> proceed) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (configuration.isAuthorizationEnabled() && user != null && user.getUserId() != null) {
            check(command, user);
        }
        return proceed.get();
    }

    private void check(Command<?> command, Authentication user) {
        Class<?> type = command.getClass();
        if (READ_BY_TASK.containsKey(type)) {
            String taskId = field(command, READ_BY_TASK.get(type));
            if (taskId != null && !maySeeTask(taskId)) {
                throw denied(user, "READ", "Task", taskId);
            }
        } else if (READ_BY_PROCESS_INSTANCE.containsKey(type)) {
            String processInstanceId = field(command, READ_BY_PROCESS_INSTANCE.get(type));
            if (processInstanceId != null && !maySeeProcessInstance(processInstanceId)) {
                throw denied(user, "READ", "ProcessInstance", processInstanceId);
            }
        } else if (BY_ATTACHMENT.containsKey(type)) {
            checkAttachment(command, user, type == DeleteAttachmentCmd.class);
        } else if (type == AddCommentCmd.class || type == CreateAttachmentCmd.class) {
            checkNew(command, user);
        }
    }

    /** A comment or attachment is added by who works on the task, or may change the process instance. */
    private void checkNew(Command<?> command, Authentication user) {
        String taskId = field(command, "taskId");
        String processInstanceId = field(command, "processInstanceId");
        boolean allowed = taskId != null ? mayWorkOn(user, taskId)
            : processInstanceId == null || configuration.getAuthorizationService().isUserAuthorized(user.getUserId(),
                groups(user), Permissions.UPDATE, Resources.PROCESS_INSTANCE, processInstanceId);
        if (!allowed) {
            throw denied(user, "UPDATE", taskId != null ? "Task" : "ProcessInstance",
                taskId != null ? taskId : processInstanceId);
        }
    }

    private void checkAttachment(Command<?> command, Authentication user, boolean delete) {
        String attachmentId = field(command, "attachmentId");
        String taskId = delete ? field(command, "taskId") : null;
        Attachment attachment = asApp(() -> configuration.getTaskService().getAttachment(attachmentId));
        if (attachment == null) {
            return;   // the command itself reports that there is none
        }
        String attachmentTask = attachment.getTaskId();
        if (taskId != null && !taskId.equals(attachmentTask)) {
            throw denied(user, "DELETE", "Attachment", attachmentId);
        }
        boolean allowed;
        if (delete) {
            allowed = attachmentTask != null
                ? mayWorkOn(user, attachmentTask)
                : configuration.getAuthorizationService().isUserAuthorized(user.getUserId(), groups(user),
                    Permissions.UPDATE, Resources.PROCESS_INSTANCE, attachment.getProcessInstanceId());
        } else {
            allowed = attachmentTask != null ? maySeeTask(attachmentTask)
                : attachment.getProcessInstanceId() != null && maySeeProcessInstance(
                    attachment.getProcessInstanceId());
        }
        if (!allowed) {
            throw denied(user, delete ? "DELETE" : "READ", "Attachment", attachmentId);
        }
    }

    /**
     * Comments and attachments are what people wrote: read by whoever may read the variables of the task
     * (its assignee) or of its conversation (the conversation's readers), not by everyone who may see that the
     * task exists (process owners).
     */
    private boolean maySeeTask(String taskId) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (authorized(user, TaskPermissions.READ_VARIABLE, Resources.TASK, taskId)
            || authorized(user, HistoricTaskPermissions.READ_VARIABLE, Resources.HISTORIC_TASK, taskId)) {
            return true;
        }
        HistoricTaskInstance task = asApp(() -> configuration.getHistoryService().createHistoricTaskInstanceQuery()
            .taskId(taskId).singleResult());
        return task != null && task.getProcessInstanceId() != null && maySeeProcessInstance(task.getProcessInstanceId());
    }

    private boolean maySeeProcessInstance(String processInstanceId) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        HistoricProcessInstance instance = asApp(() -> configuration.getHistoryService()
            .createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult());
        return instance != null && (authorized(user, HistoricProcessInstancePermissions.READ,
            Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId)
            || authorized(user, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, Resources.PROCESS_DEFINITION,
            instance.getProcessDefinitionKey()));
    }

    private boolean authorized(Authentication user, Permission permission, Resource resource, String resourceId) {
        return configuration.getAuthorizationService().isUserAuthorized(user.getUserId(), groups(user), permission,
            resource, resourceId);
    }

    private boolean mayWorkOn(Authentication user, String taskId) {
        var authorizations = configuration.getAuthorizationService();
        return authorizations.isUserAuthorized(user.getUserId(), groups(user), TaskPermissions.TASK_WORK,
            Resources.TASK, taskId)
            || authorizations.isUserAuthorized(user.getUserId(), groups(user), Permissions.UPDATE, Resources.TASK,
            taskId);
    }

    private <T> T asApp(java.util.function.Supplier<T> action) {
        return ProcessPrivileges.asTheProcess(configuration.getIdentityService(), action);
    }

    private static List<String> groups(Authentication user) {
        return user.getGroupIds() == null ? List.of() : user.getGroupIds();
    }

    private static AuthorizationException denied(Authentication user, String permission, String resource,
                                                 String id) {
        return new AuthorizationException(user.getUserId(), permission, resource, id);
    }

    private static String field(Object command, String name) {
        try {
            Field field = command.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return (String) field.get(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The engine's " + command.getClass().getSimpleName()
                + " has no field " + name + " any more: check CommentsAndAttachmentsGuard against this version",
                e);
        }
    }
}
