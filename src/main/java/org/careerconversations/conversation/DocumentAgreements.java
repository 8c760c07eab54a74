package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.careerconversations.conversation.Preparations.ActionInput;
import org.careerconversations.conversation.Preparations.Documentation;
import org.careerconversations.conversation.Preparations.GoalInput;
import org.springframework.stereotype.Component;

/**
 * Task_DocumentAgreements (end): goals, development actions, balanced feedback and the cadence signals. The
 * sign-off shows the employee what was recorded, as {@code planOnRecord}.
 */
@Component("documentAgreements")
class DocumentAgreements implements ExecutionListener {

    static final List<String> PERFORMANCE_SIGNALS = List.of("exceeds", "meets", "below", "unrated");
    static final List<String> RETENTION_RISKS = List.of("low", "medium", "high");

    private final ConversationService conversations;

    DocumentAgreements(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!StepVariables.taskWasCompleted(execution)) {
            return;
        }
        SubmittedForm form = new SubmittedForm(execution);
        List<GoalInput> goals = PlanLists.goals(form);
        List<ActionInput> actions = PlanLists.actions(form);
        Documentation documentation = new Documentation(goals, actions,
            form.requiredText(FEEDBACK_SUMMARY, SubmittedForm.LONG_TEXT),
            form.optionalText(CAREER_ASPIRATIONS, SubmittedForm.LONG_TEXT),
            form.requiredChoice(PERFORMANCE_SIGNAL, PERFORMANCE_SIGNALS),
            form.requiredChoice(RETENTION_RISK, RETENTION_RISKS));
        form.throwIfInvalid();
        execution.setVariable(PLAN_ON_RECORD,
            ReadablePlan.json(conversations.document(StepVariables.conversationId(execution), documentation)));
        // Tasklist fills a form from the variables: the next sign-off starts without the last decision chosen
        execution.removeVariable(SIGN_OFF_DECISION);
    }
}
