package org.careerconversations.followup;

import static org.careerconversations.process.ProcessVariables.CHECK_IN_NUMBER;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.careerconversations.followup.FollowUpService.ProgressInput;
import org.careerconversations.process.ProcessVariables;
import org.careerconversations.process.ProcessVariables.ProgressRow;
import org.careerconversations.step.FormStep;
import org.careerconversations.step.SubmittedForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Task_CheckInEmployee and Task_CheckInManager (end): progress per development action, obstacles, and
 * whether the plan needs revising — the same rules for both sides, each with its own field names.
 */
class CheckInStep extends FormStep {

    private final FollowUpService followUp;
    private final String role;
    private final String progressField;
    private final String obstaclesField;
    private final String reviseField;
    private final String authorVariable;

    CheckInStep(FollowUpService followUp, String role, String progressField, String obstaclesField,
                String reviseField, String authorVariable) {
        this.followUp = followUp;
        this.role = role;
        this.progressField = progressField;
        this.obstaclesField = obstaclesField;
        this.reviseField = reviseField;
        this.authorVariable = authorVariable;
    }

    @Override
    protected Runnable check(SubmittedForm form, DelegateExecution execution) {
        long id = conversationId(execution);
        List<Long> actionIds = followUp.currentActionIds(id);
        List<ProgressInput> progress = form.list(progressField, 0, row -> {
            Long actionId = row.optionalId(ProgressRow.ACTION_ID);
            String status = row.requiredChoice(ProgressRow.STATUS, Set.copyOf(FollowUpService.PROGRESS));
            String note = row.optionalText(ProgressRow.NOTE, SubmittedForm.SHORT_TEXT);
            if (actionId == null || !actionIds.contains(actionId)) {
                row.reject(null, "this step is not in the current plan; open the task again to see the plan as it "
                    + "is now");
                return null;
            }
            return new ProgressInput(actionId, status, note);
        });
        String obstacles = form.optionalText(obstaclesField, SubmittedForm.LONG_TEXT);
        boolean revise = form.flag(reviseField);
        return () -> followUp.recordCheckIn(id, ((Number) execution.getVariable(CHECK_IN_NUMBER)).intValue(), role,
            (String) execution.getVariable(authorVariable), progress, obstacles, revise);
    }

    @Configuration(proxyBeanMethods = false)
    static class Steps {

        @Bean
        CheckInStep checkInEmployee(FollowUpService followUp) {
            return new CheckInStep(followUp, FollowUpService.EMPLOYEE, ProcessVariables.EMPLOYEE_PROGRESS,
                ProcessVariables.EMPLOYEE_OBSTACLES, ProcessVariables.EMPLOYEE_PLAN_NEEDS_REVISING,
                ProcessVariables.EMPLOYEE_ID);
        }

        @Bean
        CheckInStep checkInManager(FollowUpService followUp) {
            return new CheckInStep(followUp, FollowUpService.MANAGER, ProcessVariables.MANAGER_PROGRESS,
                ProcessVariables.MANAGER_OBSTACLES, ProcessVariables.MANAGER_PLAN_NEEDS_REVISING,
                ProcessVariables.MANAGER_ID);
        }
    }
}
