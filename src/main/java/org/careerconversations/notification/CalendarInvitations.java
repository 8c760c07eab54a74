package org.careerconversations.notification;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationStatus;
import biweekly.parameter.Role;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import java.time.Instant;
import java.util.Date;
import org.careerconversations.organisation.Employee;
import org.springframework.stereotype.Component;

/**
 * iCalendar (RFC 5546) invitations for a conversation's meeting. One UID per conversation, so that a calendar
 * app updates the same event when the meeting moves (higher SEQUENCE) and removes it on a cancel.
 */
@Component
class CalendarInvitations {

    private final NotificationSettings settings;

    CalendarInvitations(NotificationSettings settings) {
        this.settings = settings;
    }

    /** The meeting, organised by the manager, with employee and manager as attendees. */
    String request(String businessKey, int sequence, Instant start, String place, Employee employee,
                   Employee manager) {
        VEvent event = event(businessKey, sequence, start, employee, manager);
        event.setLocation(place);
        event.setStatus(Status.confirmed());
        event.setDescription("Career conversation of " + employee.getName() + " with " + manager.getName()
            + ". Prepare in Tasklist: " + settings.tasklistUrl());
        return write(Method.request(), event);
    }

    /** Takes the meeting out of both calendars; the sequence must be higher than the last request's. */
    String cancel(String businessKey, int sequence, Instant start, Employee employee, Employee manager) {
        VEvent event = event(businessKey, sequence, start, employee, manager);
        event.setStatus(Status.cancelled());
        return write(Method.cancel(), event);
    }

    static String uid(String businessKey) {
        return businessKey + "@career-conversations";
    }

    private VEvent event(String businessKey, int sequence, Instant start, Employee employee, Employee manager) {
        VEvent event = new VEvent();
        event.setUid(uid(businessKey));
        event.setSequence(sequence);
        event.setSummary("Career conversation: " + employee.getName() + " and " + manager.getName());
        event.setDateStart(Date.from(start));
        event.setDateEnd(Date.from(start.plus(settings.meetingDuration())));
        event.setOrganizer(new Organizer(manager.getName(), manager.getEmail()));
        for (Employee person : new Employee[] {employee, manager}) {
            Attendee attendee = new Attendee(person.getName(), person.getEmail());
            attendee.setRole(Role.ATTENDEE);
            attendee.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
            attendee.setRsvp(true);
            event.addAttendee(attendee);
        }
        return event;
    }

    private static String write(Method method, VEvent event) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Career Conversations//EN");
        calendar.setMethod(method);
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }
}
