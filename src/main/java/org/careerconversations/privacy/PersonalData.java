package org.careerconversations.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.careerconversations.privacy.PersonalDataStore.Subject;
import org.careerconversations.process.ProcessPrivileges;
import org.careerconversations.security.CurrentUser;
import org.careerconversations.security.CurrentUser.Caller;
import org.careerconversations.security.Groups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A data-subject request in one call each: the export of everything stored about an employee,
 * and the erasure of a departed employee. Who may ask is decided here, by the app's rules; the work itself
 * then runs as the app, because no person holds every permission it takes.
 */
@Service
public class PersonalData {

    private final AppRecords app;
    private final EngineExport engineExport;
    private final EngineErasure engineErasure;
    private final ObjectProvider<PersonalDataStore> stores;
    private final CurrentUser currentUser;
    private final IdentityService identity;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;

    PersonalData(AppRecords app, EngineExport engineExport, EngineErasure engineErasure,
                 ObjectProvider<PersonalDataStore> stores, CurrentUser currentUser, IdentityService identity,
                 TaskService tasks, JdbcTemplate jdbc) {
        this.app = app;
        this.engineExport = engineExport;
        this.engineErasure = engineErasure;
        this.stores = stores;
        this.currentUser = currentUser;
        this.identity = identity;
        this.tasks = tasks;
        this.jdbc = jdbc;
    }

    /** What an erasure removed, as the audit keeps it: nothing that identifies the person erased. */
    public record Erasure(String erasureId, Instant erasedAt, String erasedBy, int conversations,
                          int processInstances, int appRecords, int engineRecords) {
    }

    /**
     * Everything stored about the employee, for the employee themself, their HR partner or an administrator:
     * their row and conversations (with goals and development actions), their Camunda user and groups, and
     * the engine's history of each of their conversations (tasks, variables and their updates, comments,
     * attachments, decisions, incidents, operations). Other people's conversations are not part of it.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> export(String employeeId) {
        Caller caller = caller();
        Optional<Map<String, Object>> employee = app.employee(employeeId);
        boolean self = caller.userId().equals(employeeId);
        if (!self && !isHrPartnerOrAdmin(caller, employee)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the employee themself, their HR partner "
                + "or an administrator may export the personal data of '" + employeeId + "'");
        }
        if (employee.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "'" + employeeId + "' is not an employee");
        }
        return ProcessPrivileges.asTheProcess(identity, () -> {
            List<Long> conversationIds = app.conversationIdsOf(employeeId);
            Map<String, Object> export = new LinkedHashMap<>();
            export.put("employeeId", employeeId);
            export.put("exportedAt", now());
            export.put("exportedBy", caller.userId());
            export.put("careerConversations", app.export(employeeId));
            export.put("processEngine", engineExport.export(employeeId,
                engineExport.processInstancesOf(employeeId, app.processInstancesOf(employeeId))));
            stores.orderedStream()
                .forEach(store -> export.put(store.name(), store.export(employeeId, conversationIds)));
            return export;
        });
    }

    /**
     * Erases a departed employee: their open conversations end, their conversations are deleted with the
     * engine's runtime and history, they are removed from other people's records (as former manager or HR
     * partner, by id, name and e-mail address), their Camunda user, memberships and authorizations go, and an
     * audit entry records who erased how many records — not whom. Only their HR partner or an administrator
     * may, and only once the employee has left and nobody still reports to them.
     */
    @Transactional
    public Erasure erase(String employeeId) {
        Caller caller = caller();
        Optional<Map<String, Object>> employee = app.employee(employeeId);
        if (!isHrPartnerOrAdmin(caller, employee)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the HR partner of '" + employeeId
                + "' or an administrator may erase their personal data");
        }
        Map<String, Object> row = employee.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "'" + employeeId + "' is not an employee"));
        if (Boolean.TRUE.equals(row.get("active"))) {
            throw conflict(employeeId + " is an active employee: personal data is erased only after someone has "
                + "left (rule: the employee must be inactive)");
        }
        List<String> reports = app.activeReportsOf(employeeId);
        if (!reports.isEmpty()) {
            throw conflict(employeeId + " is still the manager or HR partner of " + String.join(", ", reports)
                + ": give them their new manager or HR partner first (rule: nobody active reports to the person "
                + "erased)");
        }
        Subject subject = new Subject(employeeId, (String) row.get("name"), (String) row.get("email"));
        return ProcessPrivileges.asTheProcess(identity, () -> {
            List<String> own = engineExport.processInstancesOf(employeeId, app.processInstancesOf(employeeId));
            long othersTasks = tasks.createTaskQuery().taskAssignee(employeeId).list().stream()
                .map(Task::getProcessInstanceId).filter(id -> !own.contains(id)).count();
            if (othersTasks > 0) {
                throw conflict(employeeId + " still has " + othersTasks + " open task(s) in other people's "
                    + "conversations: hand them over first (rule: no open task is assigned to the person erased)");
            }
            List<Long> conversationIds = app.conversationIdsOf(employeeId);
            int appRecords = 0;
            // the stores first: they find their records through the conversations' instances (e.g. a reminder
            // watch through the id of the task it watches), which the engine's deletion removes
            for (PersonalDataStore store : stores.orderedStream().toList()) {
                appRecords += store.forgetConversations(conversationIds);
            }
            int engineRecords = engineErasure.deleteInstances(own);
            appRecords += app.deleteConversations(conversationIds);
            for (PersonalDataStore store : stores.orderedStream().toList()) {
                appRecords += store.erase(employeeId, subject);
            }
            appRecords += app.erase(subject);
            engineRecords += engineErasure.eraseTraces(subject);
            Erasure erasure = new Erasure(UUID.randomUUID().toString(), now(), caller.userId(),
                conversationIds.size(), own.size(), appRecords, engineRecords);
            jdbc.update("insert into erasure_audit (id, erased_at, erased_by, conversations, process_instances, "
                    + "app_records, engine_records) values (?, ?, ?, ?, ?, ?, ?)", erasure.erasureId(),
                OffsetDateTime.ofInstant(erasure.erasedAt(), ZoneOffset.UTC), erasure.erasedBy(),
                erasure.conversations(), erasure.processInstances(), erasure.appRecords(), erasure.engineRecords());
            return erasure;
        });
    }

    private Caller caller() {
        return currentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "Authentication required"));
    }

    private static boolean isHrPartnerOrAdmin(Caller caller, Optional<Map<String, Object>> employee) {
        if (caller.isIn(Groups.ADMINS)) {
            return true;
        }
        return caller.isIn(Groups.HR) && employee
            .map(row -> Objects.equals(row.get("hr_partner_id"), caller.userId())).orElse(false);
    }

    private static ResponseStatusException conflict(String message) {
        return new ResponseStatusException(HttpStatus.CONFLICT, message);
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
