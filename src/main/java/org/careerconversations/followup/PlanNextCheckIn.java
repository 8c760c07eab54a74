package org.careerconversations.followup;

import static org.careerconversations.process.ProcessVariables.*;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.careerconversations.conversation.ReadablePlan;
import org.careerconversations.step.StepVariables;
import org.springframework.stereotype.Component;

/**
 * Task_PlanNextCheckIn: the next check-in comes the weeks ReviewCadence gave (as the record keeps them) after
 * the last one, or after the agreement; a revision in between does not move it. Prefills the check-in forms
 * with the plan in force.
 */
@Component("planNextCheckIn")
class PlanNextCheckIn implements JavaDelegate {

    private final FollowUpForms forms;

    PlanNextCheckIn(FollowUpForms forms) {
        this.forms = forms;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = StepVariables.conversationId(execution);
        FollowUpForms.Agreement agreement = forms.agreement(id);
        Date lastCheckIn = (Date) execution.getVariable(LAST_CHECK_IN_AT);
        // the first check-in counts from the agreement (the forms show no "last check-in" until there was one)
        Date base = lastCheckIn != null ? lastCheckIn : agreement.agreedAt();
        int weeks = agreement.checkInWeeks();
        Object lastNumber = execution.getVariable(CHECK_IN_NUMBER);
        int number = lastCheckIn == null ? 1 : ((Number) lastNumber).intValue() + 1;
        execution.setVariable(CHECK_IN_NUMBER, number);
        execution.setVariable(NEXT_CHECK_IN_AT, Date.from(base.toInstant().plus(Duration.ofDays(7L * weeks))));
        // unchanged since the agreement or the last revision, it stays as it is
        StepVariables.setIfChanged(execution, PLAN_ON_RECORD, ReadablePlan.json(forms.readablePlan(id)));
        String rows = forms.progressRows(id);
        StepVariables.setIfChanged(execution, EMPLOYEE_PROGRESS, SpinValues.jsonValue(rows).create());
        StepVariables.setIfChanged(execution, MANAGER_PROGRESS, SpinValues.jsonValue(rows).create());
        // Tasklist fills a form from every variable: last time's answers must not come back as this time's
        for (String answer : new String[] {EMPLOYEE_OBSTACLES, MANAGER_OBSTACLES, EMPLOYEE_PLAN_NEEDS_REVISING,
            MANAGER_PLAN_NEEDS_REVISING}) {
            execution.removeVariable(answer);
        }
    }
}
