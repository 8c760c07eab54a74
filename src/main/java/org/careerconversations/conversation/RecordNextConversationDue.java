package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.process.ProcessVariables.CadenceOutput;
import org.careerconversations.step.StepVariables;
import org.springframework.stereotype.Component;

/** Task_RecordNextConversationDue: stores ReviewCadence's answer and the employee's next due date. */
@Component("recordNextConversationDue")
class RecordNextConversationDue implements JavaDelegate {

    private final ConversationService conversations;

    RecordNextConversationDue(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> cadence = (Map<String, Object>) execution.getVariable(CADENCE);
        int monthsToNext = ((Number) cadence.get(CadenceOutput.MONTHS_TO_NEXT)).intValue();
        int checkInWeeks = ((Number) cadence.get(CadenceOutput.CHECK_IN_WEEKS)).intValue();
        boolean hrJoins = Boolean.TRUE.equals(cadence.get(CadenceOutput.HR_JOINS));
        String reason = (String) cadence.get(CadenceOutput.REASON);
        // the record keeps them, and the employee's next date; the steps after read them from there
        conversations.recordCadence(StepVariables.conversationId(execution), monthsToNext, checkInWeeks, hrJoins,
            reason);
    }
}
