package org.careerconversations.round;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careerconversations.conversation.SubmittedForm;
import org.careerconversations.organisation.EmployeeRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Task_PlanRound: the round's horizon (today + lead time) and, if HR chose one, the team. */
@Component("planRound")
class PlanRound implements JavaDelegate {

    private final RoundSchedule schedule;
    private final EmployeeRepository employees;
    private final ZoneId zone;

    PlanRound(RoundSchedule schedule, EmployeeRepository employees,
              @Value("${careers.time-zone:Europe/Amsterdam}") ZoneId zone) {
        this.schedule = schedule;
        this.employees = employees;
        this.zone = zone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SubmittedForm form = new SubmittedForm(execution);
        String team = form.optionalText("teamOfManagerId", 64);
        if (team != null && !employees.existsById(team)) {
            form.reject("teamOfManagerId", "must be someone of the organisation (you sent \u201c" + team + "\u201d)");
        }
        Integer leadDays = execution.getVariable("leadDays") == null ? null
            : form.requiredWholeNumber("leadDays", 0, 365);
        form.throwIfInvalid();
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
        LocalDate horizon = leadDays == null ? today.plus(schedule.getLeadTime()) : today.plusDays(leadDays);
        execution.setVariable("teamOfManagerId", team);
        execution.setVariable("horizon", horizon.toString());
    }
}
