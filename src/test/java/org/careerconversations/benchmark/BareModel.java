package org.careerconversations.benchmark;

import java.io.InputStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;

/**
 * The bare baseline: the app's own CareerConversation model, read from the classpath and rewritten in code so
 * that it keeps its shape (every event, gateway, task, timer and the ReviewCadence decision) but does no app work:
 * every service task and execution listener calls {@link Noop}; user tasks keep an assignee (a user that is no
 * employee, so no mail is queued) but lose their due date (so TaskWatch starts no TaskReminders instance).
 */
final class BareModel {

    static final String KEY = "BareConversation";
    static final String NOOP_BEAN = "benchNoop";
    static final String BARE_ASSIGNEE = "benchBare";

    static BpmnModelInstance fromAppModel() {
        BpmnModelInstance model;
        try (InputStream in = BareModel.class.getResourceAsStream("/bpmn/career-conversation.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        process.setId(KEY);
        process.setName("Bare conversation (benchmark baseline)");
        String noop = "${" + NOOP_BEAN + "}";
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            task.setCamundaDelegateExpression(noop);
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            listener.setCamundaDelegateExpression(noop);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "dueDate");
            task.setCamundaAssignee(BARE_ASSIGNEE);
        }
        Bpmn.validateModel(model);
        return model;
    }

    /** Does nothing, as a service task and as an execution listener. */
    static final class Noop implements JavaDelegate, ExecutionListener {
        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }
    }

    private BareModel() {
    }
}
