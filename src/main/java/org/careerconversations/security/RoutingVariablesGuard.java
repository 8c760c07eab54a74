package org.careerconversations.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.careerconversations.process.ProcessVariables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The delegates trust the routing variables they set themselves ({@code conversationId}, {@code employeeId},
 * {@code managerId}, {@code hrPartnerId}). Completing a task sets whatever variables the caller sends, so
 * without this check eva could complete her preparation with {@code conversationId} of erik's conversation
 * and write into — and later read from — his record. At the end of every completed user task the routing
 * variables must still name the conversation the record links to this process instance; a submission that
 * changed one is refused and nothing is stored: a {@code FormFieldValidationException} from an end listener is
 * the one refusal the engine REST API answers with 400 rather than 500.
 */
@Component
class RoutingVariablesGuard extends AbstractProcessEnginePlugin {

    private final JdbcTemplate jdbc;

    RoutingVariablesGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener check = this::check;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                // first, before the step's own listener reads the variables
                activity.addListener(ExecutionListener.EVENTNAME_END, check, 0);
            }
        });
    }

    private void check(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        List<Map<String, Object>> records = jdbc.queryForList("select id, employee_id, manager_id, hr_partner_id "
            + "from conversation where process_instance_id = ?", execution.getProcessInstanceId());
        if (records.isEmpty()) {
            return;
        }
        Map<String, Object> record = records.get(0);
        List<String> changed = new ArrayList<>();
        if (!sameNumber(execution.getVariable(ProcessVariables.CONVERSATION_ID), record.get("id"))) {
            changed.add(ProcessVariables.CONVERSATION_ID);
        }
        compare(execution, ProcessVariables.EMPLOYEE_ID, record.get("employee_id"), changed);
        compare(execution, ProcessVariables.MANAGER_ID, record.get("manager_id"), changed);
        compare(execution, ProcessVariables.HR_PARTNER_ID, record.get("hr_partner_id"), changed);
        if (!changed.isEmpty()) {
            throw new FormFieldValidationException(changed.get(0), String.join(", ", changed)
                + " is set by the process and cannot be changed by a submission");
        }
    }

    private static void compare(DelegateExecution execution, String variable, Object expected, List<String> changed) {
        if (!execution.hasVariable(variable)) {
            return;
        }
        Object value = execution.getVariable(variable);
        if (!Objects.equals(value == null ? null : value.toString(), expected == null ? null : expected.toString())) {
            changed.add(variable);
        }
    }

    private static boolean sameNumber(Object value, Object expected) {
        return value instanceof Number number && expected instanceof Number id && number.longValue() == id.longValue();
    }
}
