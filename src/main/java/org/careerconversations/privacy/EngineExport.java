package org.careerconversations.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.careerconversations.process.ProcessPrivileges;
import org.careerconversations.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * What the engine keeps about an employee, for their export: their Camunda user and groups, and the whole
 * history of each of their conversations (activities, tasks, variables, comments, attachments, decisions,
 * incidents, the operation log). Callers run this as the app ({@link ProcessPrivileges}).
 */
@Component
class EngineExport {

    private final HistoryService history;
    private final TaskService tasks;
    private final IdentityService identity;

    EngineExport(HistoryService history, TaskService tasks, IdentityService identity) {
        this.history = history;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** The employee's conversations as the engine knows them: the record's instances and any started for them. */
    List<String> processInstancesOf(String employeeId, Collection<String> fromRecord) {
        Set<String> ids = new LinkedHashSet<>(fromRecord);
        history.createHistoricProcessInstanceQuery().variableValueEquals(ProcessVariables.EMPLOYEE_ID, employeeId)
            .list().forEach(instance -> ids.add(instance.getId()));
        return new ArrayList<>(ids);
    }


    Map<String, Object> export(String employeeId, List<String> processInstanceIds) {
        Map<String, Object> export = new LinkedHashMap<>();
        User user = identity.createUserQuery().userId(employeeId).singleResult();
        if (user != null) {
            export.put("user", map("id", user.getId(), "firstName", user.getFirstName(), "lastName",
                user.getLastName(), "email", user.getEmail()));
            export.put("groups", identity.createGroupQuery().groupMember(employeeId).list().stream()
                .map(Group::getId).toList());
        }
        List<Map<String, Object>> instances = new ArrayList<>();
        if (!processInstanceIds.isEmpty()) {
            for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processInstanceIds(Set.copyOf(processInstanceIds)).orderByProcessInstanceStartTime().asc().list()) {
                instances.add(exportInstance(instance));
            }
        }
        export.put("processInstances", instances);
        return export;
    }

    private Map<String, Object> exportInstance(HistoricProcessInstance instance) {
        String id = instance.getId();
        Map<String, Object> result = map("id", id, "businessKey", instance.getBusinessKey(),
            "processDefinitionKey", instance.getProcessDefinitionKey(), "state", instance.getState(),
            "startTime", instance.getStartTime(), "endTime", instance.getEndTime(),
            "startUserId", instance.getStartUserId(), "deleteReason", instance.getDeleteReason(),
            "removalTime", instance.getRemovalTime());
        result.put("activities", history.createHistoricActivityInstanceQuery().processInstanceId(id)
            .orderPartiallyByOccurrence().asc().list().stream().map(EngineExport::activity).toList());
        List<Map<String, Object>> taskList = new ArrayList<>();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(id)
            .orderByHistoricActivityInstanceStartTime().asc().list()) {
            Map<String, Object> t = map("id", task.getId(), "name", task.getName(), "taskDefinitionKey",
                task.getTaskDefinitionKey(), "assignee", task.getAssignee(), "owner", task.getOwner(),
                "startTime", task.getStartTime(), "endTime", task.getEndTime(), "dueDate", task.getDueDate(),
                "deleteReason", task.getDeleteReason());
            t.put("identityLinks", history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list().stream()
                .map(EngineExport::identityLink).toList());
            taskList.add(t);
        }
        result.put("tasks", taskList);
        result.put("variables", history.createHistoricVariableInstanceQuery().processInstanceId(id)
            .disableCustomObjectDeserialization().list().stream().map(EngineExport::variable).toList());
        result.put("variableUpdatesAndFormFields", history.createHistoricDetailQuery().processInstanceId(id)
            .disableCustomObjectDeserialization().orderByTime().asc().list().stream().map(EngineExport::detail)
            .toList());
        result.put("comments", tasks.getProcessInstanceComments(id).stream().map(EngineExport::comment).toList());
        result.put("attachments", tasks.getProcessInstanceAttachments(id).stream().map(this::attachment).toList());
        result.put("decisions", history.createHistoricDecisionInstanceQuery().processInstanceId(id).includeInputs()
            .includeOutputs().disableCustomObjectDeserialization().list().stream().map(EngineExport::decision)
            .toList());
        result.put("incidents", history.createHistoricIncidentQuery().processInstanceId(id).list().stream()
            .map(EngineExport::incident).toList());
        result.put("userOperations", history.createUserOperationLogQuery().processInstanceId(id).list().stream()
            .map(EngineExport::operation).toList());
        return result;
    }

    private static Map<String, Object> activity(HistoricActivityInstance a) {
        return map("activityId", a.getActivityId(), "activityName", a.getActivityName(), "activityType",
            a.getActivityType(), "assignee", a.getAssignee(), "startTime", a.getStartTime(), "endTime",
            a.getEndTime());
    }

    private static Map<String, Object> identityLink(HistoricIdentityLinkLog l) {
        return map("time", l.getTime(), "type", l.getType(), "userId", l.getUserId(), "groupId", l.getGroupId(),
            "operationType", l.getOperationType(), "assignerId", l.getAssignerId());
    }

    private static Map<String, Object> variable(HistoricVariableInstance v) {
        return map("name", v.getName(), "type", v.getTypeName(), "value", plain(v.getTypedValue()), "taskId",
            v.getTaskId(), "createTime", v.getCreateTime(), "errorMessage", v.getErrorMessage());
    }

    private static Map<String, Object> detail(HistoricDetail d) {
        Map<String, Object> result = map("time", d.getTime(), "taskId", d.getTaskId());
        if (d instanceof HistoricVariableUpdate update) {
            result.put("variable", update.getVariableName());
            result.put("value", plain(update.getTypedValue()));
        } else if (d instanceof HistoricFormField field) {
            result.put("formField", field.getFieldId());
            result.put("value", field.getFieldValue());
        }
        return result;
    }

    private static Map<String, Object> comment(Comment c) {
        return map("time", c.getTime(), "userId", c.getUserId(), "taskId", c.getTaskId(), "message",
            c.getFullMessage());
    }

    private Map<String, Object> attachment(Attachment a) {
        Map<String, Object> result = map("name", a.getName(), "description", a.getDescription(), "type", a.getType(),
            "url", a.getUrl(), "createTime", a.getCreateTime(), "taskId", a.getTaskId());
        try (InputStream content = tasks.getAttachmentContent(a.getId())) {
            if (content != null) {
                result.put("content", content.readAllBytes());   // base64 in JSON
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static Map<String, Object> decision(HistoricDecisionInstance d) {
        Map<String, Object> result = map("decisionKey", d.getDecisionDefinitionKey(), "decisionName",
            d.getDecisionDefinitionName(), "evaluationTime", d.getEvaluationTime(), "activityId", d.getActivityId());
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (HistoricDecisionInputInstance input : d.getInputs()) {
            inputs.add(map("input", input.getClauseName(), "value", plain(input.getTypedValue())));
        }
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (HistoricDecisionOutputInstance output : d.getOutputs()) {
            outputs.add(map("output", output.getClauseName(), "variable", output.getVariableName(), "value",
                plain(output.getTypedValue())));
        }
        result.put("inputs", inputs);
        result.put("outputs", outputs);
        return result;
    }

    private static Map<String, Object> incident(HistoricIncident i) {
        return map("type", i.getIncidentType(), "message", i.getIncidentMessage(), "activityId", i.getActivityId(),
            "createTime", i.getCreateTime(), "endTime", i.getEndTime());
    }

    private static Map<String, Object> operation(UserOperationLogEntry o) {
        return map("timestamp", o.getTimestamp(), "userId", o.getUserId(), "operationType", o.getOperationType(),
            "entityType", o.getEntityType(), "property", o.getProperty(), "orgValue", o.getOrgValue(), "newValue",
            o.getNewValue(), "taskId", o.getTaskId());
    }

    /** A variable's value as JSON shows it: serialized objects and Json as their text, files by name. */
    private static Object plain(TypedValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof FileValue file) {
            return file.getFilename();
        }
        if (value instanceof SerializableValue serializable && !(value instanceof PrimitiveValue)) {
            return serializable.getValueSerialized();
        }
        return value.getValue();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

}
