package org.careerconversations.step;

import static org.careerconversations.process.ProcessVariables.CONVERSATION_ID;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Reads the app's own routing variables, which the delegates set and therefore trust, and sets variables. */
public final class StepVariables {

    /**
     * Sets the variable unless it already holds this value: at history level full every setting is kept as a
     * row of the audit trail, and one that changes nothing would only repeat the row before it.
     */
    public static void setIfChanged(DelegateExecution execution, String name, Object value) {
        if (!execution.hasVariable(name) || !Objects.equals(execution.getVariable(name), value)) {
            execution.setVariable(name, value);
        }
    }

    /** The same for a serialized value (Json): compared as stored. */
    public static void setIfChanged(DelegateExecution execution, String name, TypedValue value) {
        TypedValue current = execution.getVariableTyped(name, false);
        if (current instanceof SerializableValue held && value instanceof SerializableValue next
            && held.getValueSerialized() != null && held.getValueSerialized().equals(next.getValueSerialized())) {
            return;
        }
        execution.setVariable(name, value);
    }

    public static long conversationId(DelegateExecution execution) {
        Object id = execution.getVariable(CONVERSATION_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
                + " has no " + CONVERSATION_ID + "; was it started without opening its record?");
        }
        return number.longValue();
    }

    /**
     * An end listener of a user task also runs when the task is interrupted (the preparation cut-off) or
     * the instance is deleted; only a completed task carries a submission to check and store.
     */
    public static boolean taskWasCompleted(DelegateExecution execution) {
        return !execution.isCanceled();
    }

    private StepVariables() {
    }
}
