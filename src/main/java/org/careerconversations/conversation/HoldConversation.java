package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.MEETING_HELD_AT;
import static org.careerconversations.process.ProcessVariables.MEETING_OUTCOME;
import static org.careerconversations.process.ProcessVariables.OUTCOME_NOTE;
import static org.careerconversations.process.ProcessVariables.RESCHEDULE_COUNT;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.step.FormStep;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_HoldConversation (end): held (with the time it actually took place, which cannot be in the future),
 * rescheduled (with a reason) or cancelled (with a reason).
 */
@Component("holdConversation")
class HoldConversation extends FormStep {

    static final String HELD = "held";
    static final String RESCHEDULED = "rescheduled";
    static final String CANCELLED = "cancelled";

    private final ConversationService conversations;

    HoldConversation(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    protected Runnable check(SubmittedForm form, DelegateExecution execution) {
        long id = conversationId(execution);
        String outcome = form.requiredChoice(MEETING_OUTCOME, List.of(HELD, RESCHEDULED, CANCELLED));
        String note = form.optionalText(OUTCOME_NOTE, SubmittedForm.LONG_TEXT);
        Instant heldAt = HELD.equals(outcome)
            ? form.requiredPastInstant(MEETING_HELD_AT, conversations.openedAt(id), conversations.now(),
                conversations.zone())
            : null;
        if (note == null && (RESCHEDULED.equals(outcome) || CANCELLED.equals(outcome))) {
            form.reject(OUTCOME_NOTE, "is required when the conversation moves or does not take place: say why");
        }
        if (HELD.equals(outcome)) {
            return () -> conversations.held(id, heldAt);
        }
        if (RESCHEDULED.equals(outcome)) {
            return () -> execution.setVariable(RESCHEDULE_COUNT, conversations.rescheduled(id, note));
        }
        // a cancellation is recorded by Task_CancelConversation, which HR's cancellation shares
        return NOTHING_TO_RECORD;
    }
}
