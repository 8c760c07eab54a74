package org.careerconversations.followup;

import static org.careerconversations.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careerconversations.step.StepVariables;
import org.springframework.stereotype.Component;

/** Task_RecordCheckIn: both sides have checked in; the plan's progress moves on, a revision may follow. */
@Component("recordCheckIn")
class RecordCheckIn implements JavaDelegate {

    private final FollowUpService followUp;

    RecordCheckIn(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int number = ((Number) execution.getVariable(CHECK_IN_NUMBER)).intValue();
        FollowUpService.CheckInOutcome outcome = followUp.applyCheckIn(StepVariables.conversationId(execution),
            number);
        execution.setVariable(LAST_CHECK_IN_SUMMARY, outcome.summary());
        execution.setVariable(LAST_CHECK_IN_AT, ClockUtil.getCurrentTime());
        execution.setVariable(PLAN_NEEDS_REVISING, outcome.planNeedsRevising());
        if (outcome.planNeedsRevising()) {
            execution.setVariable(REVISION_REASON, outcome.revisionReason());
            execution.setVariable(REVISION_REQUESTED_BY, "check-in " + number);
            execution.setVariable(REVISION_REQUESTED_BY_NAME, "Check-in " + number);
        }
    }
}
