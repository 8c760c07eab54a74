package org.careerconversations.conversation;

import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.careerconversations.conversation.Preparations.Documentation;
import org.careerconversations.conversation.Preparations.EmployeePreparation;
import org.careerconversations.conversation.Preparations.ManagerPreparation;
import org.careerconversations.organisation.Employee;
import org.careerconversations.organisation.EmployeeRepository;
import org.careerconversations.process.OrganisationClock;
import org.careerconversations.security.ConversationAccess;
import org.careerconversations.security.Groups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of one conversation cycle and its record in the app's tables. Called by the delegates of
 * {@code CareerConversation} inside the engine's transaction, so the record and the process move together.
 */
@Service
@Transactional
public class ConversationService {

    static final String LEFT = "left";
    static final String WITHDRAWN = "The version of the process it ran on was withdrawn by an administrator.";

    private final ConversationRepository conversations;
    private final EmployeeRepository employees;
    private final IdentityService identityService;
    private final ConversationAccess access;
    private final ApplicationEventPublisher events;
    private final OrganisationClock clock;
    private final ZoneId zone;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    ConversationService(ConversationRepository conversations, EmployeeRepository employees,
                        IdentityService identityService, ConversationAccess access,
                        ApplicationEventPublisher events, OrganisationClock clock) {
        this.conversations = conversations;
        this.employees = employees;
        this.identityService = identityService;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.zone = clock.zone();
    }

    /**
     * What the process needs to know about a conversation that has just been opened, and the previous cycle's
     * conversation if its follow-up still runs (the new cycle ends it).
     */
    public record Opened(Conversation conversation, Employee employee, Employee manager,
                         Optional<Employee> hrPartner, String previousPlanSummary,
                         Optional<Conversation> previousInFollowUp) {
    }

    /**
     * Opens the next cycle's conversation for an employee, after checking that whoever starts it may
     * ({@link #mayStart}; a start without a user, such as the scheduler's, may) and that the employee exists,
     * is active, has a manager and no open conversation. A starter who may not start it learns no more than
     * that: not whether the person exists, has left or has a manager.
     *
     * @throws ConversationStartRejected with a message that names the employee and the broken rule
     */
    public Opened open(String employeeId, String processInstanceId) {
        if (employeeId == null || employeeId.isBlank()) {
            throw new ConversationStartRejected(Status.BAD_REQUEST,
                "Choose the employee whose career conversation you want to start.");
        }
        String id = employeeId.trim();
        Map<String, Employee> people = employees.findWithManagerAndHrPartner(id).stream()
            .collect(Collectors.toMap(Employee::getId, Function.identity()));
        Optional<Employee> found = Optional.ofNullable(people.get(id));
        checkStarterMayStart(found);
        Employee employee = found.orElseThrow(() -> new ConversationStartRejected(Status.BAD_REQUEST,
            "There is nobody with the user ID \u201c" + shorten(id) + "\u201d in the organisation."));
        if (!employee.isActive()) {
            throw new ConversationStartRejected(Status.BAD_REQUEST, employee.getName()
                + " has left the organisation, so no career conversation starts.");
        }
        Employee manager = employee.getManagerId().map(people::get)
            .orElseThrow(() -> new ConversationStartRejected(Status.BAD_REQUEST, employee.getName()
                + " has no manager to hold a career conversation with."));
        // every earlier conversation of the employee, the latest cycle first: one query for all that follows
        List<Conversation> earlier = conversations.findByEmployeeIdOrderByCycleDesc(id);
        Optional<Conversation> open = earlier.stream().filter(c -> c.getStatus() != ConversationStatus.AGREED
            && c.getStatus() != ConversationStatus.CANCELLED).findFirst();
        if (open.isPresent()) {
            throw new ConversationStartRejected(Status.CONFLICT, employee.getName() + " already has a career "
                + "conversation in progress (started on " + DAY.format(open.get().getOpenedAt().atZone(zone))
                + "). It has to be finished or cancelled before the next one can start.");
        }
        Optional<Employee> hrPartner = employee.getHrPartnerId().map(people::get);
        int cycle = earlier.isEmpty() ? 1 : earlier.get(0).getCycle() + 1;
        Conversation conversation = new Conversation(id, manager.getId(),
            hrPartner.map(Employee::getId).orElse(null), cycle, now());
        conversation.linkTo(processInstanceId);
        // the id comes from the database, so the row is inserted here and a second start of the same cycle is
        // refused here by the unique (employee, cycle), without flushing everything else as well
        conversations.save(conversation);
        access.grantConversation(processInstanceId, id, manager.getId(),
            hrPartner.map(Employee::getId).orElse(null));
        Optional<Conversation> lastAgreed = earlier.stream().filter(c -> c.getStatus() == ConversationStatus.AGREED)
            .findFirst();
        return new Opened(conversation, employee, manager, hrPartner, previousPlanSummary(lastAgreed),
            lastAgreed.filter(c -> c.getCycle() == cycle - 1 && c.getFollowUpEndedAt() == null));
    }

    /**
     * Who may start an employee's conversation: their manager, their HR partner, or an administrator. The
     * start form offers exactly these people ({@link StartableEmployees}).
     */
    static boolean mayStart(String userId, List<String> groups, Employee employee) {
        return groups.contains(Groups.ADMINS) || employee.getManagerId().filter(userId::equals).isPresent()
            || employee.getHrPartnerId().filter(userId::equals).isPresent();
    }

    /**
     * Anyone who may not start this conversation is told only that: the same answer whether the person is
     * unknown, has left, has no manager or another one. HR, who keep the organisation's list, learn that an
     * id is nobody's.
     */
    private void checkStarterMayStart(Optional<Employee> employee) {
        Authentication starter = identityService.getCurrentAuthentication();
        if (starter == null || starter.getUserId() == null) {
            return;
        }
        List<String> groups = starter.getGroupIds() == null ? List.of() : starter.getGroupIds();
        boolean allowed = employee.map(e -> mayStart(starter.getUserId(), groups, e))
            .orElse(groups.contains(Groups.ADMINS) || groups.contains(Groups.HR));
        if (!allowed) {
            throw new ConversationStartRejected(Status.FORBIDDEN, "You can start career conversations for the "
                + "people who report to you, and HR partners for the people they look after.");
        }
    }

    private String previousPlanSummary(Optional<Conversation> lastAgreed) {
        return lastAgreed.map(previous -> "Agreed on " + DAY.format(previous.getSignedOffAt().atZone(zone)) + ":\n"
                + ReadablePlan.text(ReadablePlan.of(previous)))
            .orElse("This is the first career conversation in this app: there is no earlier plan to look back on.");
    }

    public void schedule(long conversationId, Instant meetingAt, String place) {
        Conversation c = get(conversationId);
        c.schedule(meetingAt, place);
        events.publishEvent(new ConversationEvents.ConversationScheduled(c.getId(), c.getBusinessKey(),
            c.getEmployeeId(), c.getManagerId(), meetingAt, place, c.getRescheduleCount()));
    }

    void recordEmployeePreparation(long conversationId, EmployeePreparation preparation) {
        get(conversationId).recordEmployeePreparation(preparation);
    }

    void recordManagerPreparation(long conversationId, ManagerPreparation preparation) {
        get(conversationId).recordManagerPreparation(preparation);
    }

    void recordNotPrepared(long conversationId, boolean employeeSide) {
        Conversation conversation = get(conversationId);
        if (employeeSide) {
            conversation.recordEmployeeNotPrepared();
        } else {
            conversation.recordManagerNotPrepared();
        }
    }

    /**
     * Records that the conversation took place at {@code at}; when that is not the planned time (to the
     * minute), the calendars are to follow the actual time.
     */
    void held(long conversationId, Instant at) {
        Conversation c = get(conversationId);
        c.held(at);
        Instant planned = c.getScheduledAt();
        if (planned != null && !planned.truncatedTo(ChronoUnit.MINUTES).equals(at.truncatedTo(ChronoUnit.MINUTES))) {
            events.publishEvent(new ConversationEvents.ConversationHeldAtAnotherTime(c.getId(), c.getBusinessKey(),
                c.getEmployeeId(), c.getManagerId(), planned, at, c.getMeetingPlace(), c.getRescheduleCount() + 1));
        }
    }

    /** When the conversation was opened: nothing about it can have happened before. */
    Instant openedAt(long conversationId) {
        return get(conversationId).getOpenedAt();
    }

    /** Records a rescheduled meeting and answers how often this cycle's meeting has been rescheduled. */
    int rescheduled(long conversationId, String note) {
        Conversation conversation = get(conversationId);
        conversation.rescheduled(note);
        return conversation.getRescheduleCount();
    }

    void cancel(long conversationId, String reason) {
        Conversation c = get(conversationId);
        c.cancel(reason, now());
        events.publishEvent(new ConversationEvents.ConversationCancelled(c.getId(), c.getBusinessKey(),
            c.getEmployeeId(), c.getManagerId(), c.getScheduledAt(), reason, c.getRescheduleCount() + 1));
    }

    /**
     * Records the documented agreement and answers it as people read it ({@link ReadablePlan}); when it was
     * documented before (the employee asked for changes), with what changed since then under "changes".
     */
    Map<String, Object> document(long conversationId, Documentation documentation) {
        Conversation c = get(conversationId);
        List<String> changes = new ArrayList<>();
        if (c.getDocumentedAt() != null) {
            changes.addAll(ReadablePlan.changes(ReadablePlan.inputs(c.currentGoals()),
                ReadablePlan.actionInputs(c.currentActions()), documentation.goals(), documentation.actions()));
            ReadablePlan.compareText(changes, "The summary of the feedback", c.getFeedbackSummary(),
                documentation.feedbackSummary());
            ReadablePlan.compareText(changes, "The career aspirations", c.getCareerAspirations(),
                documentation.careerAspirations());
            ReadablePlan.compareChoice(changes, "performanceSignal", c.getPerformanceSignal(),
                documentation.performanceSignal());
            ReadablePlan.compareChoice(changes, "retentionRisk", c.getRetentionRisk(), documentation.retentionRisk());
        }
        c.document(documentation, now());
        Map<String, Object> plan = ReadablePlan.of(c);
        if (c.getRejectionCount() > 0) {
            plan.put("changes", changes.isEmpty() ? List.of("Nothing was changed.") : changes);
        }
        return plan;
    }

    /** Records the employee's request for changes and answers how many requests this cycle has seen. */
    int changesRequested(long conversationId, String request) {
        Conversation conversation = get(conversationId);
        conversation.changesRequested(request);
        return conversation.getRejectionCount();
    }

    void toMediation(long conversationId) {
        get(conversationId).toMediation();
    }

    void mediated(long conversationId, String note, boolean backToManager) {
        get(conversationId).mediated(note, backToManager);
    }

    void agree(long conversationId) {
        get(conversationId).agree(now());
    }

    /** The inputs of ReviewCadence, read from the record (never from what a form sent last). */
    CadenceInputs cadenceInputs(long conversationId) {
        Conversation conversation = get(conversationId);
        Employee employee = employees.findById(conversation.getEmployeeId()).orElseThrow();
        return new CadenceInputs(employee.getEmploymentType(), employee.tenureMonthsOn(today()),
            Optional.ofNullable(conversation.getPerformanceSignal()).orElse("unrated"),
            Optional.ofNullable(conversation.getRetentionRisk()).orElse("low"),
            Boolean.TRUE.equals(conversation.getEarlierTalkWished()));
    }

    record CadenceInputs(String employmentType, int tenureMonths, String performanceSignal, String retentionRisk,
                         boolean earlierTalkWished) {
    }

    /** Stores the cadence decision and the employee's next due date, and answers that date. */
    LocalDate recordCadence(long conversationId, int monthsToNext, int checkInWeeks, boolean hrJoins,
                            String reason) {
        Conversation conversation = get(conversationId);
        LocalDate nextDue = today().plusMonths(monthsToNext);
        conversation.recordCadence(monthsToNext, checkInWeeks, hrJoins, reason, nextDue);
        employees.findById(conversation.getEmployeeId()).orElseThrow().nextConversationDueOn(nextDue);
        if (conversation.getStatus() == ConversationStatus.AGREED) {
            events.publishEvent(new ConversationEvents.ConversationAgreed(conversation.getId(),
                conversation.getBusinessKey(), conversation.getEmployeeId(), conversation.getManagerId(),
                conversation.getHrPartnerId(), hrJoins, reason, nextDue));
        }
        return nextDue;
    }

    /** The follow-up of an agreed conversation ends (the next cycle started, or the employee left). */
    public void endFollowUp(long conversationId, String reason) {
        get(conversationId).endFollowUp(reason, now());
    }

    /** The employee left: an open conversation is cancelled, an agreed one's follow-up ends. */
    void employeeLeft(long conversationId) {
        Conversation conversation = get(conversationId);
        if (conversation.isOpen()) {
            cancel(conversationId, LEFT);
        } else {
            conversation.endFollowUp(LEFT, now());
        }
    }

    /**
     * The process instance of a conversation is being ended because an administrator withdraws the deployment
     * it runs on: an open conversation is cancelled, an agreed one's follow-up ends, so that the record is
     * closed and the employee's next conversation can start. Answers whether the instance was a conversation.
     */
    public boolean withdrawn(String processInstanceId) {
        Optional<Conversation> conversation = conversations.findByProcessInstanceId(processInstanceId);
        conversation.ifPresent(c -> {
            if (c.isOpen()) {
                cancel(c.getId(), WITHDRAWN);
            } else if (c.getFollowUpEndedAt() == null) {
                c.endFollowUp(WITHDRAWN, now());
            }
        });
        return conversation.isPresent();
    }

    /** The previous cycle's conversation of an employee, if it is agreed and still being followed up. */
    public Optional<Conversation> findByBusinessKey(String businessKey) {
        return conversations.findByBusinessKey(businessKey);
    }

    ZoneId zone() {
        return zone;
    }

    Instant now() {
        return clock.now();
    }

    private LocalDate today() {
        return clock.today();
    }

    private Conversation get(long conversationId) {
        return conversations.findById(conversationId)
            .orElseThrow(() -> new IllegalStateException("No conversation with id " + conversationId));
    }

    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
