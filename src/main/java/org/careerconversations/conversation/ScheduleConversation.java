package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.MEETING_AT;
import static org.careerconversations.process.ProcessVariables.MEETING_HELD_AT;
import static org.careerconversations.process.ProcessVariables.MEETING_OUTCOME;
import static org.careerconversations.process.ProcessVariables.MEETING_PLACE;
import static org.careerconversations.process.ProcessVariables.MEETING_STARTS_AT;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.step.FormStep;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_ScheduleConversation (end): a meeting time that is not in the past, and a place. The hold form's "when
 * did it take place" starts from the planned time, written as the form's date-time field writes it.
 */
@Component("scheduleConversation")
class ScheduleConversation extends FormStep {

    private final ConversationService conversations;

    ScheduleConversation(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    protected Runnable check(SubmittedForm form, DelegateExecution execution) {
        Instant meetingAt = form.requiredFutureInstant(MEETING_AT, conversations.now(), conversations.zone());
        String place = form.requiredText(MEETING_PLACE, SubmittedForm.SHORT_TEXT);
        return () -> {
            conversations.schedule(conversationId(execution), meetingAt, place);
            execution.setVariable(MEETING_STARTS_AT, Date.from(meetingAt));
            execution.setVariable(MEETING_HELD_AT, meetingAt.atZone(conversations.zone()).toOffsetDateTime()
                .truncatedTo(ChronoUnit.MINUTES).toString());
            // Tasklist fills a form from the variables: holding the new meeting starts without the last outcome
            execution.removeVariable(MEETING_OUTCOME);
        };
    }
}
