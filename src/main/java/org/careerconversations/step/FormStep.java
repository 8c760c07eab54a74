package org.careerconversations.step;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The end of a user task whose form the app checks on the server: a step reads the submission with
 * {@link SubmittedForm}, which collects every broken rule; when any rule is broken the task stays open with one
 * message naming each field, and nothing is recorded; otherwise what the step answered is recorded. A task that
 * ends without being completed (the preparation cut-off, a deleted conversation) carries no submission and records
 * nothing.
 */
public abstract class FormStep implements ExecutionListener {

    /** For a step whose form only has to be valid: the model reads its variables. */
    protected static final Runnable NOTHING_TO_RECORD = () -> { };

    @Override
    public final void notify(DelegateExecution execution) {
        if (EVENTNAME_START.equals(execution.getEventName())) {
            started(execution);
            return;
        }
        if (!StepVariables.taskWasCompleted(execution)) {
            return;
        }
        SubmittedForm form = new SubmittedForm(execution);
        Runnable record = check(form, execution);
        form.throwIfInvalid();
        record.run();
    }

    /** Reads and checks the submission; answers what to record once every rule holds. */
    protected abstract Runnable check(SubmittedForm form, DelegateExecution execution);

    /** What the step does when the model names it at the task's start as well; by default nothing. */
    protected void started(DelegateExecution execution) {
    }

    /** The conversation the step belongs to. */
    protected static long conversationId(DelegateExecution execution) {
        return StepVariables.conversationId(execution);
    }
}
