package org.careerconversations.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.careerconversations.conversation.Conversation;
import org.careerconversations.conversation.ConversationRepository;
import org.careerconversations.conversation.DevelopmentAction;
import org.careerconversations.conversation.Goal;
import org.careerconversations.organisation.Employee;
import org.careerconversations.organisation.EmployeeRepository;
import org.careerconversations.pages.PageViews.Agreement;
import org.careerconversations.pages.PageViews.Cadence;
import org.careerconversations.pages.PageViews.CheckInView;
import org.careerconversations.pages.PageViews.ConversationView;
import org.careerconversations.pages.PageViews.EmployeeAnswers;
import org.careerconversations.pages.PageViews.GoalView;
import org.careerconversations.pages.PageViews.ManagerNotes;
import org.careerconversations.pages.PageViews.OpenStep;
import org.careerconversations.pages.PageViews.Person;
import org.careerconversations.pages.PageViews.PersonRecord;
import org.careerconversations.pages.PageViews.PlanVersion;
import org.careerconversations.pages.PageViews.ProgressNote;
import org.careerconversations.pages.PageViews.RecordActions;
import org.careerconversations.pages.PageViews.StepView;
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
 * One person's career conversations as a reader may see them (My conversations, and a report's record on My
 * team and People): every field recorded about the person, the plan in force with its progress and versions,
 * the next date with its reason. Who reads is the rule of {@link ConversationAccess#mayRead} — the person,
 * their manager (and the managers above, if so configured), their HR partner — and administrators.
 */
@Service
@Transactional(readOnly = true)
class PersonRecords {

    static final String EXPORT_PATH = "/api/employees/%s/export";

    private final EmployeeRepository employees;
    private final ConversationRepository conversations;
    private final ConversationAccess access;
    private final CurrentUser currentUser;
    private final Standing standing;
    private final NamedParameterJdbcTemplate jdbc;
    private final Words words;

    PersonRecords(EmployeeRepository employees, ConversationRepository conversations, ConversationAccess access,
                  CurrentUser currentUser, Standing standing, NamedParameterJdbcTemplate jdbc, Words words) {
        this.employees = employees;
        this.conversations = conversations;
        this.access = access;
        this.currentUser = currentUser;
        this.standing = standing;
        this.jdbc = jdbc;
        this.words = words;
    }

    /** The caller's own record; empty for someone who is not in the organisation (an administrator). */
    Optional<PersonRecord> mine() {
        Caller caller = caller();
        return employees.findById(caller.userId()).map(employee -> build(employee, caller));
    }

    /** Someone's record, if the caller reads it: 404 for nobody of that id, 403 for someone else's. */
    PersonRecord of(String employeeId) {
        Caller caller = caller();
        Employee employee = employees.findById(employeeId).orElseThrow(() -> new ResponseStatusException(
            HttpStatus.NOT_FOUND, "There is nobody with this id in the organisation."));
        if (!access.mayRead(caller.userId(), employeeId) && !caller.isIn(Groups.ADMINS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You may not read this person's career "
                + "conversations: only they, their manager and their HR partner may.");
        }
        return build(employee, caller);
    }

    private Caller caller() {
        return currentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "Please log in to Tasklist first."));
    }

    private PersonRecord build(Employee employee, Caller caller) {
        boolean self = employee.getId().equals(caller.userId());
        List<Conversation> all = conversations.findByEmployeeIdOrderByCycleDesc(employee.getId());
        Map<String, List<OpenStep>> steps = standing.openSteps(
            all.stream().map(Conversation::getProcessInstanceId).toList(), caller.userId());
        List<Long> ids = all.stream().map(Conversation::getId).toList();
        Map<Long, List<CheckInRow>> checkIns = checkIns(ids);
        Map<Long, List<RevisionRow>> revisions = revisions(ids);

        Set<String> people = new LinkedHashSet<>();
        employee.getManagerId().ifPresent(people::add);
        employee.getHrPartnerId().ifPresent(people::add);
        checkIns.values().forEach(rows -> rows.forEach(row -> people.add(row.authorId())));
        revisions.values().forEach(rows -> rows.forEach(row -> people.add(row.requestedBy())));
        Map<String, String> names = standing.names(people);

        List<ConversationView> views = new ArrayList<>();
        for (Conversation c : all) {
            views.add(view(c, c == all.get(0), steps.getOrDefault(c.getProcessInstanceId(), List.of()),
                checkIns.getOrDefault(c.getId(), List.of()), revisions.getOrDefault(c.getId(), List.of()), names,
                caller.userId()));
        }
        boolean manager = employee.getManagerId().map(caller.userId()::equals).orElse(false);
        boolean hrPartner = employee.getHrPartnerId().map(caller.userId()::equals).orElse(false)
            && caller.isIn(Groups.HR);
        // a new cycle starts when nothing is under way: no open conversation, no step of the follow-up waiting
        boolean anyOpen = all.stream().anyMatch(Conversation::isOpen) || !steps.isEmpty();
        boolean mayExport = self || hrPartner || caller.isIn(Groups.ADMINS);
        RecordActions actions = new RecordActions(mayExport, mayExport ? EXPORT_PATH.formatted(employee.getId())
            : null, (manager || hrPartner) && employee.isActive() && employee.getManagerId().isPresent() && !anyOpen);
        Person person = new Person(employee.getId(), employee.getName(), Standing.firstName(employee.getName()),
            employee.getJobTitle(), employee.getManagerId().map(names::get).orElse(null),
            employee.getHrPartnerId().map(names::get).orElse(null),
            employee.getNextConversationDue().orElse(null), self);
        return new PersonRecord(person, views, actions);
    }

    private ConversationView view(Conversation c, boolean current, List<OpenStep> steps, List<CheckInRow> checkIns,
                                  List<RevisionRow> revisions, Map<String, String> names, String readerId) {
        String phaseKey = Standing.phaseKey(c.getStatus().name(), c.getFollowUpEndedAt());
        String sentence = standing.sentence(phaseKey, steps, c.getSignedOffAt(), c.getClosedAt(),
            c.getFollowUpEndedAt());
        EmployeeAnswers employeeAnswers = c.getEmployeePrepared() == null ? null : new EmployeeAnswers(
            c.getEmployeePrepared(), c.getAmbitionsShortTerm(), c.getAmbitionsLongTerm(), c.getWentWell(),
            c.getStrengths(), c.getDevelopmentNeeds(), c.getTopics(), c.getSupportWanted(), c.getJobSatisfaction(),
            c.getEarlierTalkWished());
        ManagerNotes managerNotes = c.getManagerPrepared() == null ? null : new ManagerNotes(c.getManagerPrepared(),
            c.getPreviousPlanProgress(), c.getStrengthsObserved(), c.getAreasToGrow(), c.getProposedGoals());
        Agreement agreement = c.getDocumentedAt() == null ? null : agreement(c, checkIns, names, readerId);
        Cadence cadence = c.getNextConversationDue() == null ? null : new Cadence(c.getNextConversationDue(),
            c.getCadenceReason(), c.getCheckInWeeks(), Boolean.TRUE.equals(c.getHrJoins()));
        boolean followingUp = Standing.FOLLOWING_UP.equals(phaseKey);
        List<CheckInView> checkInViews = checkIns.stream().map(row -> new CheckInView(row.number(),
            row.recordedAt(), who(row.authorId(), names, readerId), row.obstacles(), row.planNeedsRevising()))
            .toList();
        return new ConversationView(c.getBusinessKey(), c.getCycle(), Standing.PHASES.get(phaseKey), sentence, steps,
            c.getOpenedAt(), c.getScheduledAt(), c.getMeetingPlace(), c.getOutcomeNote(), employeeAnswers,
            managerNotes, agreement, c.getChangeRequest(), c.getMediationNote(), c.getSignedOffAt(), cadence,
            c.getSignedOffAt() == null ? List.of() : planVersions(c, revisions, names, readerId),
            checkInViews, c.getFollowUpEndedAt(), followUpEnded(c), current,
            followingUp && steps.isEmpty() && (readerId.equals(c.getEmployeeId())
                || readerId.equals(c.getManagerId())));
    }

    private Agreement agreement(Conversation c, List<CheckInRow> checkIns, Map<String, String> names,
                                String readerId) {
        List<GoalView> goals = c.currentGoals().stream()
            .map(g -> new GoalView(g.getGoal(), g.getMeasure(), g.getTargetDate())).toList();
        List<StepView> steps = new ArrayList<>();
        for (DevelopmentAction a : c.currentActions()) {
            List<ProgressNote> notes = new ArrayList<>();
            for (CheckInRow checkIn : checkIns) {
                for (ProgressRow p : checkIn.progress()) {
                    if (Objects.equals(p.actionId(), a.getId()) || (a.getPlanVersion() > 1
                        && sameAction(c, p.actionId(), a))) {
                        notes.add(new ProgressNote(checkIn.number(), who(checkIn.authorId(), names, readerId),
                            words.progress(p.status()), p.note()));
                    }
                }
            }
            steps.add(new StepView(a.getAction(), words.kind(a.getKind()), a.getDueDate(), a.getSupport(),
                words.progress(a.getStatus()), notes));
        }
        int done = (int) c.currentActions().stream().filter(a -> DevelopmentAction.DONE.equals(a.getStatus())).count();
        return new Agreement(c.getDocumentedAt(), c.getPlanVersion(), goals, steps, done, c.getFeedbackSummary(),
            c.getCareerAspirations(), c.getPerformanceSignal() == null ? null : words.performance(
                c.getPerformanceSignal()), c.getRetentionRisk() == null ? null : words.risk(c.getRetentionRisk()));
    }

    /** A step carried over into a revised plan is a new row: earlier check-ins name its earlier version. */
    private static boolean sameAction(Conversation c, Long actionId, DevelopmentAction current) {
        return c.getDevelopmentActions().stream().anyMatch(a -> Objects.equals(a.getId(), actionId)
            && a.getPlanVersion() < current.getPlanVersion() && a.getAction().equals(current.getAction()));
    }

    private List<PlanVersion> planVersions(Conversation c, List<RevisionRow> revisions, Map<String, String> names,
                                           String readerId) {
        List<PlanVersion> versions = new ArrayList<>();
        versions.add(new PlanVersion(1, c.getSignedOffAt(), null, null, List.of(), List.of()));
        for (RevisionRow revision : revisions) {
            List<String> before = items(c, revision.version() - 1);
            List<String> after = items(c, revision.version());
            versions.add(new PlanVersion(revision.version(), revision.agreedAt(), revision.reason(),
                requestedBy(revision.requestedBy(), names, readerId),
                after.stream().filter(item -> !before.contains(item)).toList(),
                before.stream().filter(item -> !after.contains(item)).toList()));
        }
        return versions;
    }

    /** The goals and steps of one version of the plan, each as one line of text. */
    private List<String> items(Conversation c, int version) {
        List<String> items = new ArrayList<>();
        for (Goal g : c.getGoals()) {
            if (g.getPlanVersion() == version) {
                items.add("Goal: " + g.getGoal() + (g.getMeasure() == null || g.getMeasure().isBlank() ? ""
                    : " (you will know by: " + g.getMeasure() + ")")
                    + (g.getTargetDate() == null ? "" : ", by " + words.day(g.getTargetDate())));
            }
        }
        for (DevelopmentAction a : c.getDevelopmentActions()) {
            if (a.getPlanVersion() == version) {
                items.add(words.kind(a.getKind()) + ": " + a.getAction()
                    + (a.getDueDate() == null ? "" : ", by " + words.day(a.getDueDate())));
            }
        }
        return items;
    }

    private static String requestedBy(String requestedBy, Map<String, String> names, String readerId) {
        if (requestedBy.startsWith("check-in ")) {
            return "asked for at " + requestedBy;
        }
        return "asked for by " + who(requestedBy, names, readerId);
    }

    /** "you", a person's name, or a neutral word for someone who is no longer in the records. */
    private static String who(String userId, Map<String, String> names, String readerId) {
        if (userId != null && userId.equals(readerId)) {
            return "you";
        }
        return names.getOrDefault(userId, "someone who has left");
    }

    private String followUpEnded(Conversation c) {
        if (c.getFollowUpEndedAt() == null) {
            return null;
        }
        String reason = c.getFollowUpEndReason();
        return "left".equals(reason) ? "The follow-up ended on " + words.day(c.getFollowUpEndedAt())
            + ": the employee left the organisation."
            : "The follow-up ended on " + words.day(c.getFollowUpEndedAt()) + " when the next conversation started.";
    }

    // --- check-ins and revisions, read from the follow-up's tables ---

    private record CheckInRow(long id, int number, String authorId, String obstacles, boolean planNeedsRevising,
                              Instant recordedAt, List<ProgressRow> progress) {
    }

    private record ProgressRow(Long actionId, String status, String note) {
    }

    private record RevisionRow(int version, String reason, String requestedBy, Instant agreedAt) {
    }

    private Map<Long, List<CheckInRow>> checkIns(List<Long> conversationIds) {
        Map<Long, List<CheckInRow>> byConversation = new LinkedHashMap<>();
        if (conversationIds.isEmpty()) {
            return byConversation;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", conversationIds);
        Map<Long, CheckInRow> byId = new LinkedHashMap<>();
        jdbc.query("select id, conversation_id, number, author_role, author_id, obstacles, plan_needs_revising, "
            + "recorded_at from check_in where conversation_id in (:ids) order by number, author_role", ids, rs -> {
                CheckInRow row = new CheckInRow(rs.getLong("id"), rs.getInt("number"), rs.getString("author_id"),
                    rs.getString("obstacles"), rs.getBoolean("plan_needs_revising"),
                    rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant(), new ArrayList<>());
                byId.put(row.id(), row);
                byConversation.computeIfAbsent(rs.getLong("conversation_id"), k -> new ArrayList<>()).add(row);
            });
        jdbc.query("select p.check_in_id, p.development_action_id, p.status, p.note from check_in_progress p "
            + "join check_in c on c.id = p.check_in_id where c.conversation_id in (:ids) order by p.id", ids, rs -> {
                byId.get(rs.getLong("check_in_id")).progress().add(new ProgressRow(rs.getLong("development_action_id"),
                    rs.getString("status"), rs.getString("note")));
            });
        return byConversation;
    }

    private Map<Long, List<RevisionRow>> revisions(List<Long> conversationIds) {
        Map<Long, List<RevisionRow>> byConversation = new LinkedHashMap<>();
        if (conversationIds.isEmpty()) {
            return byConversation;
        }
        jdbc.query("select conversation_id, version, reason, requested_by, agreed_at from plan_revision "
            + "where conversation_id in (:ids) order by version", new MapSqlParameterSource("ids", conversationIds),
            rs -> {
                byConversation.computeIfAbsent(rs.getLong("conversation_id"), k -> new ArrayList<>()).add(
                    new RevisionRow(rs.getInt("version"), rs.getString("reason"), rs.getString("requested_by"),
                        rs.getObject("agreed_at", java.time.OffsetDateTime.class).toInstant()));
            });
        return byConversation;
    }
}
