package org.careerconversations.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.careerconversations.conversation.Conversation;
import org.careerconversations.conversation.ConversationEvents.ConversationAgreed;
import org.careerconversations.conversation.ConversationEvents.ConversationCancelled;
import org.careerconversations.conversation.ConversationEvents.ConversationHeldAtAnotherTime;
import org.careerconversations.conversation.ConversationEvents.PlanRevisionAgreed;
import org.careerconversations.conversation.ConversationEvents.ConversationScheduled;
import org.careerconversations.conversation.ConversationService;
import org.careerconversations.conversation.DevelopmentAction;
import org.careerconversations.conversation.Goal;
import org.careerconversations.conversation.ReadablePlan;
import org.careerconversations.organisation.Employee;
import org.careerconversations.organisation.EmployeeRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails to both people of a conversation when it is scheduled (with a calendar invitation), held at another
 * time than planned (the invitation moved to the actual time), cancelled (with the calendar cancellation),
 * agreed (the summary), or when a revised plan is agreed (the plan as it stands now). The events arrive inside the engine's transaction;
 * only rows are written here.
 */
@Component
class ConversationNotifications {

    private final Notifications notifications;
    private final EmployeeRepository employees;
    private final ConversationService conversations;
    private final MailTemplates templates;
    private final CalendarInvitations calendar;
    private final NotificationSettings settings;

    ConversationNotifications(Notifications notifications, EmployeeRepository employees,
                              ConversationService conversations, MailTemplates templates,
                              CalendarInvitations calendar, NotificationSettings settings) {
        this.notifications = notifications;
        this.employees = employees;
        this.conversations = conversations;
        this.templates = templates;
        this.calendar = calendar;
        this.settings = settings;
    }

    @EventListener
    public void onScheduled(ConversationScheduled event) {
        String when = MailFormat.dateTime(event.meetingAt(), settings.zone());
        invite(Notification.Kind.CONVERSATION_SCHEDULED, event.businessKey(), event.employeeId(), event.managerId(),
            event.sequence(), event.meetingAt(), event.place(), Map.of("rescheduled", event.sequence() > 0,
                "tookPlace", false), other -> (event.sequence() > 0 ? "New time for your" : "Your")
                + " career conversation with " + other.getName() + ": " + when);
    }

    @EventListener
    public void onCancelled(ConversationCancelled event) {
        Employee employee = person(event.employeeId());
        Employee manager = person(event.managerId());
        // a conversation cancelled before it had a time has nothing in anyone's calendar
        String cancellation = event.meetingAt() == null ? null
            : calendar.cancel(event.businessKey(), event.sequence(), event.meetingAt(), employee, manager);
        String when = MailFormat.dateTime(event.meetingAt(), settings.zone());
        for (Employee recipient : List.of(employee, manager)) {
            Employee other = recipient == employee ? manager : employee;
            Map<String, Object> variables = variables(recipient, other);
            variables.put("when", when);
            variables.put("reason", event.reason());
            String subject = "Cancelled: your career conversation with " + other.getName()
                + (when == null ? "" : " on " + when);
            notifications.queue(Notification.Kind.CONVERSATION_CANCELLED, recipient, Optional.empty(),
                event.businessKey(), null, templates.render("conversation-cancelled", subject, variables, cancellation));
        }
    }

    /** The conversation took place at another time than planned: both calendars move to the actual time. */
    @EventListener
    public void onHeldAtAnotherTime(ConversationHeldAtAnotherTime event) {
        String when = MailFormat.dateTime(event.heldAt(), settings.zone());
        invite(Notification.Kind.CONVERSATION_HELD, event.businessKey(), event.employeeId(), event.managerId(),
            event.sequence(), event.heldAt(), event.place(), Map.of("rescheduled", false, "tookPlace", true,
                "planned", MailFormat.dateTime(event.plannedAt(), settings.zone())),
            other -> "Your career conversation with " + other.getName() + " took place on " + when);
    }

    /** The meeting at {@code at} to both, with the calendar invitation (a new one, or an update by sequence). */
    private void invite(Notification.Kind kind, String businessKey, String employeeId, String managerId, int sequence,
                        Instant at, String place, Map<String, Object> wording, Function<Employee, String> subject) {
        Employee employee = person(employeeId);
        Employee manager = person(managerId);
        String invitation = calendar.request(businessKey, sequence, at, place, employee, manager);
        for (Employee recipient : List.of(employee, manager)) {
            Employee other = recipient == employee ? manager : employee;
            Map<String, Object> variables = variables(recipient, other);
            variables.put("when", MailFormat.dateTime(at, settings.zone()));
            variables.put("place", place);
            variables.put("isEmployee", recipient == employee);
            variables.putAll(wording);
            notifications.queue(kind, recipient, Optional.empty(), businessKey, null,
                templates.render("conversation-scheduled", subject.apply(other), variables, invitation));
        }
    }

    @EventListener
    public void onAgreed(ConversationAgreed event) {
        // ReviewCadence decides whether HR joins; then the HR partner reads the employee's summary in copy
        Optional<Employee> hrPartner = event.hrJoins() && event.hrPartnerId() != null
            ? employees.findById(event.hrPartnerId()) : Optional.empty();
        summarise(event.businessKey(), hrPartner, null, event.cadenceReason(), event.nextConversationDue());
    }

    /** A revised plan both agreed to: both read the plan as it stands now. */
    @EventListener
    public void onPlanRevisionAgreed(PlanRevisionAgreed event) {
        summarise(event.businessKey(), Optional.empty(), event.version(), null, null);
    }

    /**
     * The agreed plan to both, each in their own words: the employee reads about their plan and why the next
     * conversation comes when it does; the manager reads about their report's plan and what the employee was
     * told. {@code version} is null for the agreement itself, or the number of an agreed revision.
     */
    private void summarise(String businessKey, Optional<Employee> hrPartner, Integer version, String cadenceReason,
                           java.time.LocalDate nextDue) {
        Conversation conversation = conversations.findByBusinessKey(businessKey).orElseThrow(
            () -> new IllegalStateException("No conversation " + businessKey + " to summarise"));
        Employee employee = person(conversation.getEmployeeId());
        Employee manager = person(conversation.getManagerId());
        List<Map<String, Object>> goals = conversation.currentGoals().stream().map(ConversationNotifications::goal)
            .toList();
        List<Map<String, Object>> actions = conversation.currentActions().stream()
            .map(ConversationNotifications::action).toList();
        for (Employee recipient : List.of(employee, manager)) {
            boolean isEmployee = recipient == employee;
            Employee other = isEmployee ? manager : employee;
            Optional<Employee> cc = isEmployee ? hrPartner : Optional.empty();
            Map<String, Object> variables = variables(recipient, other);
            variables.put("isEmployee", isEmployee);
            variables.put("employeeName", employee.getName());
            variables.put("employeeFirstName", MailFormat.firstName(employee));
            variables.put("managerName", manager.getName());
            variables.put("revision", version);
            variables.put("goals", goals);
            variables.put("actions", actions);
            variables.put("feedbackSummary", version == null ? conversation.getFeedbackSummary() : null);
            variables.put("cadenceReason", cadenceReason);
            variables.put("nextDue", MailFormat.date(nextDue));
            variables.put("hrPartnerName", cc.map(Employee::getName).orElse(null));
            String what = version == null ? "career conversation" : "revised development plan";
            String subject = isEmployee ? "Agreed: your " + what + " with " + manager.getName()
                : "Agreed: the " + what + " of " + employee.getName();
            notifications.queue(Notification.Kind.AGREEMENT_SUMMARY, recipient, cc, businessKey, null,
                templates.render("agreement-summary", subject, variables));
        }
    }

    private Map<String, Object> variables(Employee recipient, Employee other) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("greetingName", MailFormat.firstName(recipient));
        variables.put("otherName", other.getName());
        variables.put("link", settings.tasklistUrl());
        return variables;
    }

    private static Map<String, Object> goal(Goal goal) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("goal", goal.getGoal());
        row.put("measure", goal.getMeasure());
        row.put("targetDate", MailFormat.date(goal.getTargetDate()));
        return row;
    }

    private static Map<String, Object> action(DevelopmentAction action) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("action", action.getAction());
        row.put("kind", ReadablePlan.word("developmentActions.kind", action.getKind()));
        row.put("dueDate", MailFormat.date(action.getDueDate()));
        row.put("support", action.getSupport() == null || action.getSupport().isBlank() ? null : action.getSupport());
        return row;
    }

    private Employee person(String id) {
        return employees.findById(id)
            .orElseThrow(() -> new IllegalStateException("No employee " + id + " to write to"));
    }
}
