package org.careerconversations.conversation;

import static org.careerconversations.process.ProcessVariables.*;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.careerconversations.conversation.Preparations.ActionInput;
import org.careerconversations.conversation.Preparations.Documentation;
import org.careerconversations.conversation.Preparations.GoalInput;
import org.springframework.stereotype.Component;

/** Task_DocumentAgreements (end): goals, development actions, balanced feedback and the cadence signals. */
@Component("documentAgreements")
class DocumentAgreements implements ExecutionListener {

    static final Set<String> ACTION_KINDS = Set.of("training", "mentoring", "stretch-assignment", "other");
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
        List<GoalInput> goals = form.list(GOALS, 1, row -> new GoalInput(
            row.requiredText("goal", SubmittedForm.LIST_TEXT),
            row.optionalText("measure", SubmittedForm.LIST_TEXT),
            row.optionalDate("targetDate")));
        List<ActionInput> actions = form.list(DEVELOPMENT_ACTIONS, 0, row -> new ActionInput(
            row.requiredText("action", SubmittedForm.LIST_TEXT),
            row.requiredChoice("kind", ACTION_KINDS),
            row.optionalDate("dueDate"),
            row.optionalText("support", SubmittedForm.LIST_TEXT)));
        Documentation documentation = new Documentation(goals, actions,
            form.requiredText(FEEDBACK_SUMMARY, SubmittedForm.LONG_TEXT),
            form.optionalText(CAREER_ASPIRATIONS, SubmittedForm.LONG_TEXT),
            form.requiredChoice(PERFORMANCE_SIGNAL, PERFORMANCE_SIGNALS),
            form.requiredChoice(RETENTION_RISK, RETENTION_RISKS));
        form.throwIfInvalid();
        conversations.document(StepVariables.conversationId(execution), documentation);
    }
}
