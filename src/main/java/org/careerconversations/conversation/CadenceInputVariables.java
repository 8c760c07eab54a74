package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Puts ReviewCadence's inputs, taken from the record, into the variables the decision reads. */
@Component
class CadenceInputVariables {

    private final ConversationService conversations;

    CadenceInputVariables(ConversationService conversations) {
        this.conversations = conversations;
    }

    void set(DelegateExecution execution, long conversationId) {
        ConversationService.CadenceInputs inputs = conversations.cadenceInputs(conversationId);
        execution.setVariable(EMPLOYMENT_TYPE, inputs.employmentType());
        execution.setVariable(TENURE_MONTHS, inputs.tenureMonths());
        execution.setVariable(PERFORMANCE_SIGNAL, inputs.performanceSignal());
        execution.setVariable(RETENTION_RISK, inputs.retentionRisk());
        execution.setVariable(EARLIER_TALK_WISHED, inputs.earlierTalkWished());
    }
}
