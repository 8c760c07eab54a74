package org.careerconversations.followup;

import static org.careerconversations.process.ProcessVariables.PLAN_ON_RECORD;
import static org.careerconversations.process.ProcessVariables.REVISION_COMMENT;
import static org.careerconversations.process.ProcessVariables.REVISION_DECISION;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.careerconversations.conversation.ReadablePlan;
import org.careerconversations.step.StepVariables;
import org.springframework.stereotype.Component;

/**
 * Task_PrepareRevision: the revision form starts from the plan in force (its lists to edit, each action with its
 * id and progress), and shows that plan as people read it.
 */
@Component("prepareRevision")
class PrepareRevision implements JavaDelegate {

    private final FollowUpForms forms;

    PrepareRevision(FollowUpForms forms) {
        this.forms = forms;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = StepVariables.conversationId(execution);
        Map<String, String> lists = forms.planLists(id);
        lists.forEach((name, json) -> execution.setVariable(name, SpinValues.jsonValue(json).create()));
        execution.setVariable(PLAN_ON_RECORD, ReadablePlan.json(forms.readablePlan(id)));
        execution.setVariable(REVISION_DECISION, null);
        execution.setVariable(REVISION_COMMENT, null);
    }
}
