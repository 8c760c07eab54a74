package org.careerconversations;

import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.careerconversations.conversation.Submissions;
import org.careerconversations.process.ProcessVariables.ActionRow;
import org.careerconversations.process.ProcessVariables.GoalRow;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives CareerConversation through the Java API as the people whose step it is (authenticated, so the
 * engine checks their authorizations and writes its operation log as it does for Tasklist), with texts that
 * carry a secret of the employee's, so that a test can look for it wherever it must not be.
 */
public class Conversations {

    private final ProcessEngine engine;

    public Conversations(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Starts a conversation for the employee as the given user (HR or the manager); answers the instance id. */
    public String start(String asUser, String employeeId) {
        return as(asUser, () -> engine.getRuntimeService().startProcessInstanceByKey(CAREER_CONVERSATION,
            Map.of(EMPLOYEE_ID, employeeId)).getId());
    }

    /** Starts and schedules: both preparations are open. */
    public String preparing(String hr, String employeeId, String managerId) {
        String pi = start(hr, employeeId);
        complete(managerId, pi, TASK_SCHEDULE_CONVERSATION,
            Submissions.scheduleConversation(ClockUtil.getCurrentTime().toInstant().plus(10, ChronoUnit.DAYS)));
        return pi;
    }

    /** A whole cycle to the signed agreement, through ReviewCadence; the texts carry the secret. */
    public String agreed(String hr, String employeeId, String managerId, String secret) {
        String pi = preparing(hr, employeeId, managerId);
        agree(pi, employeeId, managerId, secret);
        return pi;
    }

    /** Takes a conversation whose preparations are open to the signed agreement, through ReviewCadence. */
    public void agree(String pi, String employeeId, String managerId, String secret) {
        complete(employeeId, pi, TASK_PREPARE_EMPLOYEE, prepareEmployee(secret));
        complete(managerId, pi, TASK_PREPARE_MANAGER, prepareManager(secret));
        complete(managerId, pi, TASK_HOLD_CONVERSATION, Submissions.holdConversation("held", null));
        complete(managerId, pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements(secret));
        complete(employeeId, pi, TASK_SIGN_OFF, Submissions.agree());
    }

    public static Map<String, Object> prepareEmployee(String secret) {
        Map<String, Object> values = new LinkedHashMap<>(Submissions.prepareEmployee());
        values.put(WENT_WELL, secret + " went well");
        values.put(SUPPORT_WANTED, secret + " needs support");
        return values;
    }

    public static Map<String, Object> prepareManager(String secret) {
        Map<String, Object> values = new LinkedHashMap<>(Submissions.prepareManager());
        values.put(STRENGTHS_OBSERVED, secret + " is strong");
        values.put(AREAS_TO_GROW, secret + " can grow");
        return values;
    }

    public static Map<String, Object> documentAgreements(String secret) {
        Map<String, Object> values = new LinkedHashMap<>(Submissions.documentAgreements());
        values.put(GOALS, List.of(Map.of(GoalRow.GOAL, secret + " goal", GoalRow.MEASURE, "Done",
            GoalRow.TARGET_DATE, LocalDate.now().plusMonths(6).toString())));
        values.put(DEVELOPMENT_ACTIONS, List.of(Map.of(ActionRow.ACTION, secret + " course", ActionRow.KIND, "training",
            ActionRow.DUE_DATE, LocalDate.now().plusMonths(3).toString(), ActionRow.SUPPORT, "")));
        values.put(FEEDBACK_SUMMARY, secret + " feedback");
        return values;
    }

    public void complete(String asUser, String processInstanceId, String taskKey, Map<String, Object> values) {
        String taskId = taskId(processInstanceId, taskKey);
        as(asUser, () -> {
            engine.getTaskService().complete(taskId, Submissions.forJavaApi(values));
            return null;
        });
    }

    /** Starts a conversation for the employee with no one logged in, as the engine's own API allows. */
    public ProcessInstance start(String employeeId) {
        return engine.getRuntimeService().startProcessInstanceByKey(CAREER_CONVERSATION,
            Submissions.forJavaApi(Submissions.start(employeeId)));
    }

    /** Completes the open task of the step with no one logged in: the process's paths, not who may take them. */
    public void complete(String processInstanceId, String taskKey, Map<String, Object> values) {
        engine.getTaskService().complete(taskId(processInstanceId, taskKey), Submissions.forJavaApi(values));
    }

    /** The open task of the step, or null. */
    public Task task(String processInstanceId, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
            .taskDefinitionKey(taskKey).singleResult();
    }

    public String taskId(String processInstanceId, String taskKey) {
        Task task = task(processInstanceId, taskKey);
        if (task == null) {
            throw new IllegalStateException("No open " + taskKey + " in " + processInstanceId);
        }
        return task.getId();
    }

    /** Runs the action authenticated as the user with their groups, as the REST API and Tasklist do. */
    public <T> T as(String userId, Supplier<T> action) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId).toList();
        engine.getIdentityService().setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Adds a person to the organisation and to Camunda (password "demo"), as the org import will. */
    public static void hire(JdbcTemplate jdbc, ProcessEngine engine, String id, String name, String managerId,
                            String hrPartnerId, String group) {
        jdbc.update("insert into employee (id, name, email, manager_id, hr_partner_id, hire_date, employment_type, "
            + "job_title, active) values (?, ?, ?, ?, ?, ?, 'permanent', 'Engineer', true)", id, name,
            id + "@example.org", managerId, hrPartnerId, LocalDate.of(2020, 1, 1));
        var identity = engine.getIdentityService();
        var user = identity.newUser(id);
        user.setFirstName(name.substring(0, name.indexOf(' ')));
        user.setLastName(name.substring(name.indexOf(' ') + 1));
        user.setEmail(id + "@example.org");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    /** Removes people a test hired, with whatever is left of them (their conversations, user, grants). */
    public static void fire(JdbcTemplate jdbc, ProcessEngine engine, String... ids) {
        for (String id : ids) {
            jdbc.update("update employee set manager_id = null where manager_id = ?", id);
            jdbc.update("update employee set hr_partner_id = null where hr_partner_id = ?", id);
        }
        for (String id : ids) {
            List<Long> conversations = jdbc.queryForList("select id from conversation where employee_id = ? or "
                + "manager_id = ? or hr_partner_id = ?", Long.class, id, id, id);
            for (Long conversation : conversations) {
                jdbc.update("delete from goal where conversation_id = ?", conversation);
                jdbc.update("delete from development_action where conversation_id = ?", conversation);
                jdbc.update("delete from conversation where id = ?", conversation);
            }
            jdbc.update("delete from employee where id = ?", id);
            if (engine.getIdentityService().createUserQuery().userId(id).count() > 0) {
                engine.getIdentityService().deleteUser(id);
            }
            jdbc.update("delete from ACT_RU_AUTHORIZATION where USER_ID_ = ?", id);
        }
    }
}
