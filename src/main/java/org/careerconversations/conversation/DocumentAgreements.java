package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.conversation.Preparations.ActionInput;
import org.careerconversations.conversation.Preparations.Documentation;
import org.careerconversations.conversation.Preparations.GoalInput;
import org.careerconversations.step.FormStep;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Task_DocumentAgreements (end): goals, development actions, balanced feedback and the cadence signals. The
 * sign-off shows the employee what was recorded, as {@code planOnRecord}.
 */
@Component("documentAgreements")
class DocumentAgreements extends FormStep {

    static final List<String> PERFORMANCE_SIGNALS = List.of("exceeds", "meets", "below", "unrated");
    static final List<String> RETENTION_RISKS = List.of("low", "medium", "high");

    private final ConversationService conversations;

    DocumentAgreements(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    protected Runnable check(SubmittedForm form, DelegateExecution execution) {
        Documentation documentation = new Documentation(PlanLists.goals(form), PlanLists.actions(form),
            form.requiredText(FEEDBACK_SUMMARY, SubmittedForm.LONG_TEXT),
            form.optionalText(CAREER_ASPIRATIONS, SubmittedForm.LONG_TEXT),
            form.requiredChoice(PERFORMANCE_SIGNAL, PERFORMANCE_SIGNALS),
            form.requiredChoice(RETENTION_RISK, RETENTION_RISKS));
        return () -> {
            execution.setVariable(PLAN_ON_RECORD,
                ReadablePlan.json(conversations.document(conversationId(execution), documentation)));
            // Tasklist fills a form from the variables: the next sign-off starts without the last decision chosen
            execution.removeVariable(SIGN_OFF_DECISION);
        };
    }
}
