package org.careerconversations.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.careerconversations.operations.WebappSessions;
import org.careerconversations.process.ProcessIds;
import org.careerconversations.process.ProcessPrivileges;
import org.careerconversations.security.Groups;
import org.careerconversations.security.Handover;
import org.careerconversations.security.Lockout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an organisation from CSV: creates or updates employees and the matching Camunda users and group
 * memberships (employees, managers, hr), and — in a full import — deactivates whoever the file no longer
 * lists, ending their open conversations with reason "left" and their sessions (they are logged out; with
 * single sign-on their next sign-in is refused). A file with any bad line imports nothing.
 */
@Service
public class OrganisationImport {

    private static final Logger LOG = LoggerFactory.getLogger(OrganisationImport.class);

    private final EmployeeRepository employees;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final Handover handover;
    private final Lockout lockout;
    private final WebappSessions sessions;

    OrganisationImport(EmployeeRepository employees, IdentityService identity, RuntimeService runtime,
                       JdbcTemplate jdbc, Handover handover, Lockout lockout, WebappSessions sessions) {
        this.employees = employees;
        this.identity = identity;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.handover = handover;
        this.lockout = lockout;
        this.sessions = sessions;
    }

    public enum Mode {
        /** The file is the whole organisation: whoever it does not list has left. */
        FULL,
        /** The file adds or changes people; nobody is deactivated. */
        PARTIAL
    }

    public record Problem(int line, String field, String message) {
    }

    public record Report(boolean imported, int rows, int created, int updated, int unchanged, int deactivated,
                         List<Problem> problems) {
    }

    /** Checks the whole file, and imports it only when every line is right. */
    @Transactional
    public Report importCsv(String csv, Mode mode) {
        Map<String, Employee> existing = employees.findAll().stream()
            .collect(Collectors.toMap(Employee::getId, Function.identity()));
        OrgCsv.Parsed parsed = OrgCsv.parse(csv, mode == Mode.PARTIAL ? existing.keySet() : Set.of());
        if (!parsed.isValid()) {
            List<Problem> problems = parsed.problems().stream()
                .map(p -> new Problem(p.line(), p.field(), p.message())).toList();
            return new Report(false, parsed.rows().size(), 0, 0, 0, 0, problems);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        // managers before their reports: the employee table refers to the manager's row; an HR partner may
        // come later in that order (and report to the person they partner), so new rows get theirs after
        List<OrgCsv.Row> newcomers = new ArrayList<>();
        List<String[]> managerChanges = new ArrayList<>();
        List<String[]> hrPartnerChanges = new ArrayList<>();
        for (OrgCsv.Row row : managersFirst(parsed.rows())) {
            Employee employee = existing.get(row.id());
            if (employee == null) {
                employee = new Employee(row.id(), row.name(), row.email(), row.managerId(), null,
                    row.hireDate(), row.employmentType(), row.jobTitle());
                employees.save(employee);
                existing.put(row.id(), employee);
                newcomers.add(row);
                created++;
            } else {
                String oldManager = employee.getManagerId().orElse(null);
                String oldHrPartner = employee.getHrPartnerId().orElse(null);
                if (!employee.update(row.name(), row.email(), row.managerId(), row.hrPartnerId(), row.hireDate(),
                    row.employmentType(), row.jobTitle())) {
                    unchanged++;
                    continue;
                }
                updated++;
                if (!java.util.Objects.equals(oldManager, row.managerId())) {
                    managerChanges.add(new String[] {row.id(), oldManager, row.managerId()});
                }
                if (!java.util.Objects.equals(oldHrPartner, row.hrPartnerId())) {
                    hrPartnerChanges.add(new String[] {row.id(), oldHrPartner, row.hrPartnerId()});
                }
            }
        }
        employees.flush();
        for (OrgCsv.Row row : newcomers) {
            existing.get(row.id()).update(row.name(), row.email(), row.managerId(), row.hrPartnerId(),
                row.hireDate(), row.employmentType(), row.jobTitle());
        }
        employees.flush();
        Set<String> listed = parsed.rows().stream().map(OrgCsv.Row::id).collect(Collectors.toSet());
        List<String> leavers = new ArrayList<>();
        if (mode == Mode.FULL) {
            for (Employee employee : existing.values()) {
                if (!listed.contains(employee.getId()) && employee.isActive()) {
                    employee.deactivate();
                    leavers.add(employee.getId());
                }
            }
            employees.flush();
        }
        syncCamundaIdentities(parsed.rows(), leavers);
        // open conversations, their tasks and who may read them follow the new reporting lines
        managerChanges.forEach(c -> handover.managerChanged(c[0], c[1], c[2]));
        hrPartnerChanges.forEach(c -> handover.hrPartnerChanged(c[0], c[1], c[2]));
        endConversationsOf(leavers);
        leavers.forEach(lockout::lockOut);
        leavers.forEach(sessions::end);
        LOG.info("Organisation import ({}): {} rows, {} created, {} updated, {} unchanged, {} deactivated", mode,
            parsed.rows().size(), created, updated, unchanged, leavers.size());
        return new Report(true, parsed.rows().size(), created, updated, unchanged, leavers.size(), List.of());
    }

    private static List<OrgCsv.Row> managersFirst(List<OrgCsv.Row> rows) {
        Map<String, OrgCsv.Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        Map<String, Integer> depth = new HashMap<>();
        for (OrgCsv.Row row : rows) {
            depth(row.id(), byId, depth);
        }
        return rows.stream().sorted(Comparator.comparingInt((OrgCsv.Row r) -> depth.get(r.id()))).toList();
    }

    private static int depth(String id, Map<String, OrgCsv.Row> byId, Map<String, Integer> depth) {
        Integer known = depth.get(id);
        if (known != null) {
            return known;
        }
        // iterative walk up: org charts can be deep, and the file has no cycles (checked)
        List<String> chain = new ArrayList<>();
        String current = id;
        int base = 0;
        while (current != null && byId.containsKey(current)) {
            Integer d = depth.get(current);
            if (d != null) {
                base = d + 1;
                break;
            }
            chain.add(current);
            current = byId.get(current).managerId();
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            depth.put(chain.get(i), base++);
        }
        return depth.get(id);
    }

    private void syncCamundaIdentities(List<OrgCsv.Row> rows, List<String> leavers) {
        Set<String> users = new HashSet<>(jdbc.queryForList("select ID_ from ACT_ID_USER", String.class));
        Set<String> memberships = new HashSet<>(jdbc.queryForList(
            "select USER_ID_ || '/' || GROUP_ID_ from ACT_ID_MEMBERSHIP", String.class));
        Set<String> managers = rows.stream().map(OrgCsv.Row::managerId).filter(m -> m != null)
            .collect(Collectors.toSet());
        Set<String> hrPartners = rows.stream().map(OrgCsv.Row::hrPartnerId).filter(h -> h != null)
            .collect(Collectors.toSet());
        for (OrgCsv.Row row : rows) {
            int space = row.name().lastIndexOf(' ');
            String first = space < 0 ? row.name() : row.name().substring(0, space);
            String last = space < 0 ? "" : row.name().substring(space + 1);
            if (!users.contains(row.id())) {
                // no password: people sign in once an administrator sets one (or through single sign-on)
                User user = identity.newUser(row.id());
                user.setFirstName(first);
                user.setLastName(last);
                user.setEmail(row.email());
                identity.saveUser(user);
            } else {
                User user = identity.createUserQuery().userId(row.id()).singleResult();
                if (!row.email().equals(user.getEmail()) || !first.equals(user.getFirstName())
                    || !last.equals(user.getLastName())) {
                    user.setFirstName(first);
                    user.setLastName(last);
                    user.setEmail(row.email());
                    identity.saveUser(user);
                }
            }
            member(memberships, row.id(), Groups.EMPLOYEES, true);
            member(memberships, row.id(), Groups.MANAGERS, managers.contains(row.id()));
            member(memberships, row.id(), Groups.HR, hrPartners.contains(row.id()));
        }
        for (String leaver : leavers) {
            for (String group : List.of(Groups.EMPLOYEES, Groups.MANAGERS, Groups.HR)) {
                member(memberships, leaver, group, false);
            }
        }
    }

    private void member(Set<String> memberships, String userId, String groupId, boolean wanted) {
        boolean is = memberships.contains(userId + "/" + groupId);
        if (wanted && !is) {
            identity.createMembership(userId, groupId);
        } else if (!wanted && is) {
            identity.deleteMembership(userId, groupId);
        }
    }

    /** A leaver's conversations end: open ones with reason "left", follow-ups too. */
    private void endConversationsOf(List<String> leavers) {
        for (String leaver : leavers) {
            List<String> instances = jdbc.queryForList("select process_instance_id from conversation where "
                + "employee_id = ? and follow_up_ended_at is null and status <> 'CANCELLED'", String.class, leaver);
            for (String instance : instances) {
                ProcessPrivileges.asTheProcess(identity, () -> runtime
                    .createMessageCorrelation(ProcessIds.MESSAGE_EMPLOYEE_LEFT).processInstanceId(instance)
                    .correlateAllWithResult());
            }
        }
    }
}
