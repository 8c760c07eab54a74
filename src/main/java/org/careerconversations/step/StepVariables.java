package org.careerconversations.step;

import static org.careerconversations.process.ProcessVariables.CONVERSATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads the app's own routing variables, which the delegates set and therefore trust. */
public final class StepVariables {

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
