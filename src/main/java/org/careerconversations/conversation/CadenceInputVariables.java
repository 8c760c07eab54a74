package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.step.StepVariables;
import org.springframework.stereotype.Component;

/**
 * Puts ReviewCadence's inputs, taken from the record, into the variables the decision reads. Those the forms
 * already set to the same value are left as they are.
 */
@Component
class CadenceInputVariables {

    private final ConversationService conversations;

    CadenceInputVariables(ConversationService conversations) {
        this.conversations = conversations;
    }

    void set(DelegateExecution execution, long conversationId) {
        ConversationService.CadenceInputs inputs = conversations.cadenceInputs(conversationId);
        StepVariables.setIfChanged(execution, EMPLOYMENT_TYPE, inputs.employmentType());
        StepVariables.setIfChanged(execution, TENURE_MONTHS, inputs.tenureMonths());
        StepVariables.setIfChanged(execution, PERFORMANCE_SIGNAL, inputs.performanceSignal());
        StepVariables.setIfChanged(execution, RETENTION_RISK, inputs.retentionRisk());
        StepVariables.setIfChanged(execution, EARLIER_TALK_WISHED, inputs.earlierTalkWished());
    }
}
