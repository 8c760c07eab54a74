package org.careerconversations.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.careerconversations.pages.PageViews.Choice;
import org.careerconversations.pages.PageViews.Filters;
import org.careerconversations.pages.PageViews.OpenStep;
import org.careerconversations.pages.PageViews.TeamPage;
import org.careerconversations.pages.PageViews.TeamRow;
import org.careerconversations.security.ConversationAccess;
import org.careerconversations.security.CurrentUser;
import org.careerconversations.security.CurrentUser.Caller;
import org.careerconversations.security.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * My team (a manager's reports, and everyone below them when managers see indirect reports) and People (an
 * HR partner's population): one line per person with where their conversation stands, whom it waits for, its
 * due date, the last agreement, the next due date and the plan's progress.
 */
@Service
@Transactional(readOnly = true)
class TeamOverview {

    static final int PAGE_SIZE = 50;
    private static final int CHUNK = 500;
    private static final String EMPLOYEE_COLUMNS = "select e.id, e.name, e.job_title, e.manager_id, "
        + "e.next_conversation_due from employee e where e.active = true and ";

    private final ConversationAccess access;
    private final CurrentUser currentUser;
    private final Standing standing;
    private final NamedParameterJdbcTemplate jdbc;

    TeamOverview(ConversationAccess access, CurrentUser currentUser, Standing standing,
                 NamedParameterJdbcTemplate jdbc) {
        this.access = access;
        this.currentUser = currentUser;
        this.standing = standing;
        this.jdbc = jdbc;
    }

    /** The caller's reports; empty for someone nobody reports to. */
    TeamPage myTeam(int page) {
        Caller caller = caller();
        List<String> reports = access.reportsOf(caller.userId());
        List<Person> people = new ArrayList<>();
        chunked(reports, chunk -> people.addAll(jdbc.query(EMPLOYEE_COLUMNS + "e.id in (:ids)",
            new MapSqlParameterSource("ids", chunk), (rs, i) -> person(rs))));
        List<TeamRow> rows = rows(people, caller, person -> caller.userId().equals(person.managerId()));
        return page(rows, new Filters(null, null, false), page, List.of());
    }

    /** The people the caller is HR partner of, filtered by manager, phase and overdue steps. */
    TeamPage people(Filters filters, int page) {
        Caller caller = caller();
        if (!caller.isIn(Groups.HR)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                "The People page is for HR partners: it lists the people they are HR partner of.");
        }
        if (filters.phase() != null && !Standing.PHASES.containsKey(filters.phase())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Phase must be one of: "
                + String.join(", ", Standing.PHASES.keySet()) + ".");
        }
        List<Person> people = jdbc.query(EMPLOYEE_COLUMNS + "e.hr_partner_id = :hr",
            new MapSqlParameterSource("hr", caller.userId()), (rs, i) -> person(rs));
        List<TeamRow> all = rows(people, caller, person -> person.managerId() != null);
        List<Choice> managers = all.stream().filter(row -> row.managerId() != null)
            .collect(Collectors.toMap(TeamRow::managerId, TeamRow::managerName, (a, b) -> a)).entrySet().stream()
            .map(e -> new Choice(e.getKey(), e.getValue())).sorted(Comparator.comparing(Choice::label)).toList();
        List<TeamRow> rows = all.stream()
            .filter(row -> filters.manager() == null || filters.manager().equals(row.managerId()))
            .filter(row -> filters.phase() == null || filters.phase().equals(row.phaseKey()))
            .filter(row -> !filters.overdue() || row.overdue())
            .toList();
        return page(rows, filters, page, managers);
    }

    private Caller caller() {
        return currentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "Please log in to Tasklist first."));
    }

    private static TeamPage page(List<TeamRow> rows, Filters filters, int page, List<Choice> managers) {
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        List<TeamRow> slice = rows.subList((current - 1) * PAGE_SIZE, Math.min(rows.size(), current * PAGE_SIZE));
        List<Choice> phases = Standing.PHASES.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue()))
            .toList();
        return new TeamPage(slice, rows.size(), current, pages, filters, managers, phases);
    }

    private record Person(String id, String name, String jobTitle, String managerId, LocalDate nextDue) {
    }

    private static Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Person(rs.getString("id"), rs.getString("name"), rs.getString("job_title"),
            rs.getString("manager_id"), rs.getObject("next_conversation_due", LocalDate.class));
    }

    private record Latest(String status, String processInstanceId, Instant signedOffAt, Instant closedAt,
                          Instant followUpEndedAt) {
    }

    private record Plan(Instant agreedAt, int steps, int done) {
    }

    private List<TeamRow> rows(List<Person> people, Caller caller, java.util.function.Predicate<Person> mayStart) {
        List<String> ids = people.stream().map(Person::id).toList();
        Map<String, Latest> latest = new HashMap<>();
        Map<String, Plan> plans = new HashMap<>();
        chunked(ids, chunk -> {
            MapSqlParameterSource params = new MapSqlParameterSource("ids", chunk);
            jdbc.query("select c.employee_id, c.status, c.process_instance_id, c.signed_off_at, c.closed_at, "
                + "c.follow_up_ended_at from conversation c where c.employee_id in (:ids) and c.cycle = "
                + "(select max(l.cycle) from conversation l where l.employee_id = c.employee_id)", params, rs -> {
                    latest.put(rs.getString("employee_id"), new Latest(rs.getString("status"),
                        rs.getString("process_instance_id"), instant(rs, "signed_off_at"), instant(rs, "closed_at"),
                        instant(rs, "follow_up_ended_at")));
                });
            // the plan in force: the current version of the latest agreed conversation
            jdbc.query("select c.employee_id, c.signed_off_at, count(a.id) as steps, "
                + "coalesce(sum(case when a.status = 'done' then 1 else 0 end), 0) as done from conversation c "
                + "left join development_action a on a.conversation_id = c.id and a.plan_version = c.plan_version "
                + "where c.employee_id in (:ids) and c.status = 'AGREED' and c.cycle = (select max(l.cycle) from "
                + "conversation l where l.employee_id = c.employee_id and l.status = 'AGREED') "
                + "group by c.employee_id, c.signed_off_at", params, rs -> {
                    plans.put(rs.getString("employee_id"), new Plan(instant(rs, "signed_off_at"), rs.getInt("steps"),
                        rs.getInt("done")));
                });
        });
        Map<String, List<OpenStep>> steps = standing.openSteps(
            latest.values().stream().map(Latest::processInstanceId).toList(), caller.userId());
        Map<String, String> managerNames = standing.names(people.stream().map(Person::managerId).toList());

        List<TeamRow> rows = new ArrayList<>();
        for (Person person : people) {
            Latest last = latest.get(person.id());
            Plan plan = plans.get(person.id());
            List<OpenStep> open = last == null ? List.of() : steps.getOrDefault(last.processInstanceId(), List.of());
            String phaseKey = last == null ? Standing.NONE : Standing.phaseKey(last.status(), last.followUpEndedAt());
            String sentence = last == null ? standing.sentence(phaseKey, open, null, null, null)
                : standing.sentence(phaseKey, open, last.signedOffAt(), last.closedAt(), last.followUpEndedAt());
            String waitingFor = open.stream().map(s -> s.you() ? "you" : s.assigneeName()).distinct()
                .collect(Collectors.joining(" and "));
            Instant due = open.stream().map(OpenStep::due).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
            boolean conversationOpen = last != null && !List.of("AGREED", "CANCELLED").contains(last.status());
            rows.add(new TeamRow(person.id(), person.name(), person.jobTitle(), person.managerId(),
                managerNames.get(person.managerId()), Standing.PHASES.get(phaseKey), phaseKey, sentence,
                waitingFor.isEmpty() ? null : waitingFor, due, open.stream().anyMatch(OpenStep::overdue),
                plan == null ? null : plan.agreedAt(), person.nextDue(), plan == null ? null : plan.done(),
                plan == null ? null : plan.steps(), plan == null ? null
                    : plan.done() + " of " + plan.steps() + (plan.steps() == 1 ? " step" : " steps") + " done",
                !conversationOpen && open.isEmpty() && mayStart.test(person)));
        }
        rows.sort(Comparator.comparing(TeamRow::name));
        return rows;
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void chunked(List<String> ids, Consumer<List<String>> action) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            action.accept(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
    }
}
