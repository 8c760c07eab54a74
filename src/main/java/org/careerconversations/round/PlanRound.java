package org.careerconversations.round;

import static org.careerconversations.process.ProcessVariables.HORIZON;
import static org.careerconversations.process.ProcessVariables.LEAD_DAYS;
import static org.careerconversations.process.ProcessVariables.TEAM_OF_MANAGER_ID;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.organisation.EmployeeRepository;
import org.careerconversations.process.OrganisationClock;
import org.careerconversations.step.SubmittedForm;
import org.springframework.stereotype.Component;

/** Task_PlanRound: the round's horizon (today + lead time) and, if HR chose one, the team. */
@Component("planRound")
class PlanRound implements JavaDelegate {

    private final RoundSchedule schedule;
    private final EmployeeRepository employees;
    private final OrganisationClock clock;

    PlanRound(RoundSchedule schedule, EmployeeRepository employees, OrganisationClock clock) {
        this.schedule = schedule;
        this.employees = employees;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SubmittedForm form = new SubmittedForm(execution);
        String team = form.optionalText(TEAM_OF_MANAGER_ID, 64);
        if (team != null && !employees.existsById(team)) {
            form.reject(TEAM_OF_MANAGER_ID, "must be someone of the organisation (you sent \u201c" + team + "\u201d)");
        }
        Integer leadDays = execution.getVariable(LEAD_DAYS) == null ? null
            : form.requiredWholeNumber(LEAD_DAYS, 0, 365);
        form.throwIfInvalid();
        LocalDate today = clock.today();
        LocalDate horizon = leadDays == null ? today.plus(schedule.getLeadTime()) : today.plusDays(leadDays);
        execution.setVariable(TEAM_OF_MANAGER_ID, team);
        execution.setVariable(HORIZON, horizon.toString());
    }
}
