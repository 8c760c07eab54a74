package org.careerconversations.reminder;

import static org.careerconversations.process.ProcessVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.organisation.Employee;
import org.careerconversations.organisation.EmployeeRepository;
import org.springframework.stereotype.Component;

/**
 * Task_FindHelpers: the task is overdue; names who is asked to help it move (the assignee's manager, later
 * their HR partner) and what the escalation tasks and their form show.
 */
@Component("findHelpers")
class FindHelpers implements JavaDelegate {

    private final EmployeeRepository employees;

    FindHelpers(EmployeeRepository employees) {
        this.employees = employees;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WatchedTask task = WatchedTask.of(execution);
        String assigneeId = task.assignee() != null ? task.assignee() : (String) execution.getVariable(TaskWatch.ASSIGNEE);
        Optional<Employee> assignee = employees.findById(assigneeId);
        execution.setVariable(OVERDUE_TASK_NAME, task.name());
        execution.setVariable(OVERDUE_ASSIGNEE, assigneeId);
        execution.setVariable(OVERDUE_ASSIGNEE_NAME, assignee.map(Employee::getName).orElse(assigneeId));
        execution.setVariable(OVERDUE_DUE_DATE, task.dueDate() == null ? null : task.dueDate().toInstant().toString());
        execution.setVariable(OVERDUE_MANAGER_ID, assignee.flatMap(Employee::getManagerId).orElse(null));
        execution.setVariable(OVERDUE_HR_PARTNER_ID, assignee.flatMap(Employee::getHrPartnerId)
            .filter(hr -> !hr.equals(assigneeId)).orElse(null));
    }
}
