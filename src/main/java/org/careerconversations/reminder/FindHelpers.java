package org.careerconversations.reminder;

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
        execution.setVariable("overdueTaskName", task.name());
        execution.setVariable("overdueAssignee", assigneeId);
        execution.setVariable("overdueAssigneeName", assignee.map(Employee::getName).orElse(assigneeId));
        execution.setVariable("overdueDueDate", task.dueDate() == null ? null : task.dueDate().toInstant().toString());
        execution.setVariable("overdueManagerId", assignee.flatMap(Employee::getManagerId).orElse(null));
        execution.setVariable("overdueHrPartnerId", assignee.flatMap(Employee::getHrPartnerId)
            .filter(hr -> !hr.equals(assigneeId)).orElse(null));
    }
}
