package org.careerconversations.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careerconversations.conversation.Submissions.*;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Attendee;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.process.OrganisationClock;
import org.careerconversations.process.ProcessVariables.ActionRow;
import org.careerconversations.process.ProcessVariables.GoalRow;
import org.careerconversations.process.TaskReminderDue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every kind of mail, as a real SMTP server (GreenMail, on spring.mail.port of application-test.yaml) receives
 * it: recipients, subject, the link into Tasklist, the content, and the calendar invitations.
 */
class NotificationMailTest extends AppTest {

    static final int SMTP_PORT = 42525;   // = spring.mail.port in application-test.yaml
    private static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/default/";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "localhost", "smtp"))
        .withPerMethodLifecycle(false);

    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    NotificationSettings settings;
    @Autowired
    Notifications outbox;
    @Autowired
    org.springframework.context.ApplicationContext applicationContext;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;

    private Instant meeting;
    private final List<String> testDeployments = new ArrayList<>();

    @BeforeEach
    void emptyMailboxesAndOutbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        jdbc.update("delete from notification");
        meeting = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    }

    @AfterEach
    void removeTestModel() {
        testDeployments.forEach(id -> repositoryService.deleteDeployment(id, true));
        testDeployments.clear();
    }

    @Test
    void aNewTaskMailsItsAssigneeWithALinkStraightToTheTask() throws Exception {
        ProcessInstance pi = startFor("eva");
        Task schedule = task(pi, TASK_SCHEDULE_CONVERSATION);

        List<ReceivedMail> mails = deliverAll();

        assertThat(mails).hasSize(1);
        ReceivedMail mail = mails.get(0);
        assertThat(mail.from()).isEqualTo("careers@example.org");
        assertThat(mail.to()).containsExactly("maria@example.org");
        assertThat(mail.subject()).isEqualTo("New task for you: Schedule the career conversation with Eva Evers");
        String link = TASKLIST + "#/?task=" + schedule.getId();
        assertThat(mail.html()).contains("href=\"" + link + "\"").contains("Hi <span>Maria</span>")
            .contains("Schedule the career conversation with Eva Evers").contains("Due:");
        assertThat(mail.text()).contains("Hi Maria,").contains(link);
        assertThat(mail.calendar()).isNull();
        Notification row = notifications.findAll().get(0);
        assertThat(row.getKind()).isEqualTo(Notification.Kind.TASK_ASSIGNED);
        assertThat(row.getBusinessKey()).isEqualTo("eva-1");
        assertThat(row.getTaskId()).isEqualTo(schedule.getId());
        assertThat(row.getState()).isEqualTo(Notification.State.SENT);
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.getSentAt()).isNotNull();
    }

    @Test
    void schedulingInvitesBothToTheSameCalendarEvent() throws Exception {
        ProcessInstance pi = startFor("eva");
        deliverAll();
        complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(meeting));

        List<ReceivedMail> invitations = deliverAll().stream().filter(m -> m.calendar() != null).toList();

        assertThat(invitations).extracting(m -> m.to().get(0))
            .containsExactlyInAnyOrder("eva@example.org", "maria@example.org");
        ReceivedMail toEva = mailTo(invitations, "eva@example.org");
        assertThat(toEva.subject()).startsWith("Your career conversation with Maria Mendes: ");
        assertThat(toEva.html()).contains("Room Tulip, 3rd floor").contains(TASKLIST);
        assertThat(toEva.text()).contains("Where: Room Tulip, 3rd floor");
        assertThat(toEva.calendarContentType()).contains("method=REQUEST");
        for (ReceivedMail mail : invitations) {
            ICalendar calendar = Biweekly.parse(mail.calendar()).first();
            assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
            VEvent event = calendar.getEvents().get(0);
            assertThat(event.getUid().getValue()).isEqualTo("eva-1@career-conversations");
            assertThat(event.getSequence().getValue()).isZero();
            assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(meeting);
            assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(meeting.plus(Duration.ofHours(1)));
            assertThat(event.getLocation().getValue()).isEqualTo("Room Tulip, 3rd floor");
            assertThat(event.getOrganizer().getEmail()).isEqualTo("maria@example.org");
            assertThat(event.getAttendees()).extracting(Attendee::getEmail)
                .containsExactlyInAnyOrder("eva@example.org", "maria@example.org");
        }
    }

    @Test
    void aRescheduleUpdatesTheCalendarEventAndACancelRemovesIt() throws Exception {
        ProcessInstance pi = preparedConversation("eva");
        deliverAll();
        complete(pi, TASK_HOLD_CONVERSATION, holdConversation("rescheduled", "Eva is ill"));
        complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(meeting.plus(7, ChronoUnit.DAYS)));
        List<ReceivedMail> rescheduled = deliverAll().stream().filter(m -> m.calendar() != null).toList();
        complete(pi, TASK_PREPARE_EMPLOYEE, prepareEmployee());
        complete(pi, TASK_PREPARE_MANAGER, prepareManager());
        complete(pi, TASK_HOLD_CONVERSATION, holdConversation("cancelled", "Eva moves to another team"));
        List<ReceivedMail> cancelled = deliverAll().stream().filter(m -> m.calendar() != null).toList();

        ReceivedMail update = mailTo(rescheduled, "eva@example.org");
        assertThat(update.subject()).startsWith("New time for your career conversation with Maria Mendes");
        VEvent moved = Biweekly.parse(update.calendar()).first().getEvents().get(0);
        assertThat(moved.getUid().getValue()).isEqualTo("eva-1@career-conversations");
        assertThat(moved.getSequence().getValue()).isEqualTo(1);
        assertThat(moved.getDateStart().getValue().toInstant()).isEqualTo(meeting.plus(7, ChronoUnit.DAYS));

        assertThat(cancelled).extracting(m -> m.to().get(0))
            .containsExactlyInAnyOrder("eva@example.org", "maria@example.org");
        ReceivedMail cancel = mailTo(cancelled, "maria@example.org");
        assertThat(cancel.subject()).startsWith("Cancelled: your career conversation with Eva Evers");
        assertThat(cancel.html()).contains("Eva moves to another team");
        assertThat(cancel.calendarContentType()).contains("method=CANCEL");
        ICalendar calendar = Biweekly.parse(cancel.calendar()).first();
        assertThat(calendar.getMethod().getValue()).isEqualTo("CANCEL");
        VEvent removed = calendar.getEvents().get(0);
        assertThat(removed.getUid().getValue()).isEqualTo("eva-1@career-conversations");
        assertThat(removed.getSequence().getValue()).isGreaterThan(moved.getSequence().getValue());
        assertThat(removed.getStatus().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void signOffIsRequestedFromTheEmployee() throws Exception {
        ProcessInstance pi = heldConversation("eva");
        deliverAll();
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        Task signOff = task(pi, TASK_SIGN_OFF);

        ReceivedMail mail = mailTo(deliverAll(), "eva@example.org");

        assertThat(mail.subject()).isEqualTo("Sign-off requested: Review and sign off your agreements with Maria Mendes");
        assertThat(mail.html()).contains("Your agreements are written down").contains(TASKLIST + "#/?task=" + signOff.getId());
        assertThat(notifications.findAll()).extracting(Notification::getKind)
            .contains(Notification.Kind.SIGN_OFF_REQUESTED);
    }

    @Test
    void theAgreementSummaryGoesToBothWithTheHrPartnerInCopyWhenHrJoins() throws Exception {
        ProcessInstance pi = heldConversation("eva");
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        complete(pi, TASK_SIGN_OFF, agree());

        List<ReceivedMail> summaries = deliverAll().stream().filter(m -> m.subject().startsWith("Agreed:")).toList();

        // eva is on probation: ReviewCadence has HR join the next conversation
        assertThat(summaries).hasSize(2);
        ReceivedMail toEva = mailTo(summaries, "eva@example.org");
        ReceivedMail toMaria = mailTo(summaries, "maria@example.org");
        assertThat(toEva.cc()).containsExactly("hanna@example.org");
        assertThat(toMaria.cc()).isEmpty();
        assertThat(toEva.subject()).isEqualTo("Agreed: your career conversation with Maria Mendes");
        assertThat(toMaria.subject()).isEqualTo("Agreed: the career conversation of Eva Evers");
        String nextDue = MailFormat.date(LocalDate.now(ZONE).plusMonths(3));
        for (ReceivedMail mail : summaries) {
            assertThat(mail.html()).contains("Lead the sprint demo", "Two demos given", "Pair with a customer team",
                "Presentation skills course", "Monthly sessions with Erik", "Budget approved by Maria",
                "Strong start; grow visibility", nextDue, "probation");
            assertThat(mail.text()).contains("- Lead the sprint demo - you know it is reached when: Two demos given",
                "- Presentation skills course (Training or course", nextDue);
        }
        assertThat(toEva.html()).contains("Hanna Hart</span> (HR) is in");
        // each reads it in their own words: eva about her plan, maria about her report's
        assertThat(toEva.text()).contains("Your career conversation with Maria Mendes is signed off")
            .contains("YOUR NEXT CONVERSATION").contains("You are on probation");
        assertThat(toMaria.text()).contains("Eva Evers signed off the agreements of your career conversation")
            .contains("THE NEXT CONVERSATION WITH EVA").contains("Eva was told why: \"You are on probation")
            .doesNotContain("YOUR NEXT CONVERSATION");
    }

    @Test
    void aConversationHeldAtAnotherTimeMovesBothCalendarsToTheActualTime() throws Exception {
        ProcessInstance pi = preparedConversation("eva");
        deliverAll();
        complete(pi, TASK_HOLD_CONVERSATION, holdConversation("held", null));   // now, days before the planned time
        Instant heldAt = jdbc.queryForObject("select held_at from conversation", java.sql.Timestamp.class).toInstant();

        List<ReceivedMail> updates = deliverAll().stream().filter(m -> m.calendar() != null).toList();

        assertThat(updates).extracting(m -> m.to().get(0))
            .containsExactlyInAnyOrder("eva@example.org", "maria@example.org");
        ReceivedMail toEva = mailTo(updates, "eva@example.org");
        assertThat(toEva.subject()).isEqualTo("Your career conversation with Maria Mendes took place on "
            + MailFormat.dateTime(heldAt, ZONE));
        assertThat(toEva.text()).contains("took place at another time than planned (" + MailFormat.dateTime(meeting,
            ZONE))
            .contains("moves the meeting in your calendar to the time it took place");
        for (ReceivedMail mail : updates) {
            VEvent event = Biweekly.parse(mail.calendar()).first().getEvents().get(0);
            assertThat(event.getUid().getValue()).isEqualTo("eva-1@career-conversations");
            assertThat(event.getSequence().getValue()).as("after the first invitation (0)").isEqualTo(1);
            assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(heldAt.truncatedTo(ChronoUnit.SECONDS));
        }
        assertThat(notifications.findAll()).extracting(Notification::getKind)
            .contains(Notification.Kind.CONVERSATION_HELD);
    }

    @Test
    void aConversationHeldAtThePlannedTimeLeavesTheCalendarsAlone() throws Exception {
        ProcessInstance pi = preparedConversation("eva");
        deliverAll();
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(meeting.plus(1,
            ChronoUnit.HOURS)));
        complete(pi, TASK_HOLD_CONVERSATION, Map.of(MEETING_OUTCOME, "held",
            MEETING_HELD_AT, runtimeService.getVariable(pi.getId(), MEETING_HELD_AT)));

        assertThat(deliverAll()).noneMatch(m -> m.calendar() != null);
        assertThat(jdbc.queryForObject("select held_at from conversation", java.sql.Timestamp.class).toInstant())
            .as("the planned time, prefilled").isEqualTo(meeting);
    }

    @Test
    void askingForChangesReachesTheManagerWithTheCommentAndTheNextSignOffSaysWhatChanged() throws Exception {
        ProcessInstance pi = heldConversation("eva");
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        deliverAll();
        complete(pi, TASK_SIGN_OFF, requestChanges("Please add the conference talk we discussed"));

        ReceivedMail toMaria = mailTo(deliverAll(), "maria@example.org");
        assertThat(toMaria.subject()).isEqualTo("Eva Evers asked for changes: Document the agreements with Eva Evers");
        assertThat(toMaria.text()).contains("Eva Evers asked for changes:",
            "\"Please add the conference talk we discussed\"")
            .contains(TASKLIST + "#/?task=" + task(pi, TASK_DOCUMENT_AGREEMENTS).getId());
        assertThat(toMaria.html()).contains("Please add the conference talk we discussed");

        Map<String, Object> revised = documentAgreements();
        List<Map<String, Object>> goals = new ArrayList<>((List<Map<String, Object>>) revised.get("goals"));
        goals.add(Map.of(GoalRow.GOAL, "Speak at a conference", GoalRow.MEASURE, "One talk", GoalRow.TARGET_DATE,
            "2027-10-31"));
        revised.put(GOALS, goals);
        complete(pi, TASK_DOCUMENT_AGREEMENTS, revised);

        ReceivedMail toEva = mailTo(deliverAll(), "eva@example.org");
        assertThat(toEva.subject()).isEqualTo("Revised for your sign-off: Review and sign off your agreements with "
            + "Maria Mendes");
        assertThat(toEva.text()).contains("Maria Mendes revised your agreements after your comment. What changed:",
            "- New goal: Speak at a conference");
        assertThat(notifications.findAll()).extracting(Notification::getKind)
            .contains(Notification.Kind.CHANGES_REQUESTED, Notification.Kind.SIGN_OFF_REQUESTED);
    }

    @Test
    void aRevisedPlanSaysWhatChangedAndOnceAgreedIsConfirmedToBoth() throws Exception {
        ProcessInstance pi = heldConversation("eva");
        complete(pi, TASK_DOCUMENT_AGREEMENTS, documentAgreements());
        complete(pi, TASK_SIGN_OFF, agree());
        runtimeService.createMessageCorrelation(MESSAGE_PLAN_REVISION_REQUESTED).processInstanceId(pi.getId())
            .setVariable(REVISION_REASON, "Eva moves to the platform team").setVariable(REVISION_REQUESTED_BY, "eva")
            .correlate();
        deliverAll();
        Map<String, Object> revised = documentAgreements();
        revised.put(DEVELOPMENT_ACTIONS, List.of(Map.of(ActionRow.ACTION, "Speak at a conference", ActionRow.KIND,
            "stretch-assignment")));
        complete(pi, TASK_REVISE_PLAN, Map.of(GOALS, revised.get("goals"), "developmentActions",
            revised.get("developmentActions")));

        ReceivedMail toEva = mailTo(deliverAll(), "eva@example.org");
        assertThat(toEva.subject()).isEqualTo("Your plan was revised: Agree to your revised development plan with "
            + "Maria Mendes");
        assertThat(toEva.text()).contains("Maria Mendes revised your development plan. What changed:")
            .contains("- New step: Speak at a conference").contains("- Dropped step: Presentation skills course");

        complete(pi, TASK_AGREE_REVISED_PLAN, Map.of(REVISION_DECISION, "agree"));

        List<ReceivedMail> confirmations = deliverAll().stream().filter(m -> m.subject().startsWith("Agreed:")).toList();
        assertThat(mailTo(confirmations, "eva@example.org").subject())
            .isEqualTo("Agreed: your revised development plan with Maria Mendes");
        ReceivedMail toMaria = mailTo(confirmations, "maria@example.org");
        assertThat(toMaria.subject()).isEqualTo("Agreed: the revised development plan of Eva Evers");
        assertThat(toMaria.text()).contains("Eva Evers agreed to the revised development plan (version 2)")
            .contains("- Speak at a conference (Stretch assignment)").doesNotContain("Presentation skills course");
    }

    @Test
    void checkInsAndEscalationsHaveTheirOwnWording() throws Exception {
        BpmnModelInstance followUp = Bpmn.createExecutableProcess("NotificationTestFollowUp")
            .camundaHistoryTimeToLive(1)
            .startEvent().parallelGateway("Gateway_Fork")
            .userTask("Task_CheckInProgress").name("Check in on the development plan with Maria Mendes")
            .camundaAssignee("eva").endEvent()
            .moveToNode("Gateway_Fork")
            .userTask("Task_FollowUpOverdueScheduling").name("Follow up on an overdue task of Maria Mendes")
            .camundaAssignee("dora").endEvent()
            .done();
        testDeployments.add(repositoryService.createDeployment().addModelInstance("follow-up-test.bpmn", followUp)
            .deploy().getId());
        runtimeService.startProcessInstanceByKey("NotificationTestFollowUp", "eva-1", Map.of(
            "overdueTaskName", "Schedule the career conversation with Eva Evers", "overdueAssignee", "maria"));

        List<ReceivedMail> mails = deliverAll();

        ReceivedMail checkIn = mailTo(mails, "eva@example.org");
        assertThat(checkIn.subject()).isEqualTo("Check-in due: Check in on the development plan with Maria Mendes");
        assertThat(checkIn.html()).contains("It is time for a check-in");
        ReceivedMail escalation = mailTo(mails, "dora@example.org");
        assertThat(escalation.subject())
            .isEqualTo("Escalation: \"Schedule the career conversation with Eva Evers\" is overdue");
        assertThat(escalation.html()).contains("<strong>Maria Mendes</strong> has a task that is")
            .contains("Schedule the career conversation with Eva Evers");
        assertThat(escalation.text()).contains("Maria Mendes has a task that is past its due date");
        assertThat(notifications.findAll()).extracting(Notification::getKind)
            .containsExactlyInAnyOrder(Notification.Kind.CHECK_IN_DUE, Notification.Kind.ESCALATION);
    }

    @Test
    void aReminderLinksToTheStillOpenTask() throws Exception {
        ProcessInstance pi = startFor("eva");
        deliverAll();
        Task schedule = task(pi, TASK_SCHEDULE_CONVERSATION);

        // the reminder process publishes this inside the engine's transaction
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(
            new TaskReminderDue(schedule.getId(), schedule.getName(), "maria", schedule.getDueDate(), pi.getId(),
                "eva-1")));
        List<ReceivedMail> mails = deliverAll();

        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).to()).containsExactly("maria@example.org");
        assertThat(mails.get(0).subject()).isEqualTo("Reminder: Schedule the career conversation with Eva Evers");
        assertThat(mails.get(0).html()).contains("A friendly reminder")
            .contains(TASKLIST + "#/?task=" + schedule.getId())
            .contains(MailFormat.dateTime(schedule.getDueDate().toInstant(), ZONE));
    }

    @Test
    void aSentMailIsRecordedInItsRowNotInTheEngineHistory() throws Exception {
        ProcessInstance pi = startFor("eva");
        assertThat(deliverAll()).hasSize(1);

        Notification row = notifications.findAll().get(0);
        assertThat(row.getState()).isEqualTo(Notification.State.SENT);
        assertThat(row.getSentAt()).isNotNull();
        // history level full-except-helpers: the instance that sent it leaves nothing in history ...
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(SEND_NOTIFICATION).count())
            .isZero();
        assertThat(historyService.createHistoricJobLogQuery().processDefinitionKey(SEND_NOTIFICATION).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().variableName(Notifications.NOTIFICATION_IDS)
            .count()).isZero();
        // ... while the conversation keeps everything "full" keeps
        assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo(org.careerconversations.process.HelpersWithoutHistory.NAME);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count()).isOne();
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).count()).isPositive();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).count()).isOne();
    }

    @Test
    void aStepThatRollsBackLeavesNoMail() throws Exception {
        ProcessInstance pi = startFor("eva");
        deliverAll();
        Task schedule = task(pi, TASK_SCHEDULE_CONVERSATION);
        long rowsBefore = notifications.count();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            events.publishEvent(new TaskReminderDue(schedule.getId(), schedule.getName(), "maria",
                schedule.getDueDate(), pi.getId(), "eva-1"));
            status.setRollbackOnly();
        });

        assertThat(notifications.count()).isEqualTo(rowsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SEND_NOTIFICATION).count()).isZero();
        assertThat(deliverAll()).isEmpty();
    }

    @Test
    void whatPeopleTypedIsEscapedInTheHtmlMail() throws Exception {
        ProcessInstance pi = startFor("eva");
        deliverAll();
        Map<String, Object> submission = scheduleConversation(meeting);
        submission.put(MEETING_PLACE, "<script>alert(1)</script>");
        complete(pi, TASK_SCHEDULE_CONVERSATION, submission);

        ReceivedMail mail = mailTo(deliverAll().stream().filter(m -> m.calendar() != null).toList(),
            "eva@example.org");

        assertThat(mail.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        // plain text needs no escaping; it shows what was typed
        assertThat(mail.text()).contains("Where: <script>alert(1)</script>");
    }

    @Test
    void aRetryOfADeliveredNotificationSendsNothing() throws Exception {
        startFor("eva");
        deliverAll();
        Notification delivered = notifications.findAll().get(0);

        // as if the engine ran the send job again, e.g. because its commit failed after the mail went out
        runtimeService.startProcessInstanceByKey(SEND_NOTIFICATION, "eva-1",
            Map.of(Notifications.NOTIFICATION_ID, delivered.getId()));
        List<ReceivedMail> mails = deliverAll();

        assertThat(mails).isEmpty();
        assertThat(notifications.findById(delivered.getId()).orElseThrow().getAttempts()).isEqualTo(1);
    }

    @Test
    void theMailsOfOneStepGoOutInOneDelivery() throws Exception {
        ProcessInstance pi = startFor("eva");
        deliverAll();

        complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(meeting));

        List<ProcessInstance> deliveries = runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(SEND_NOTIFICATION).list();
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).getBusinessKey()).isEqualTo("eva-1");
        long rows = notifications.findAll().stream().filter(n -> !n.isDone()).count();
        assertThat(rows).as("invitations and preparation tasks of eva and maria").isGreaterThan(1);
        assertThat(deliverAll()).hasSize((int) rows);
    }

    @Test
    void aMailTheServerRefusesDoesNotHoldBackTheOthersOfItsDelivery() throws Exception {
        ProcessInstance pi = startFor("eva");
        deliverAll();
        complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(meeting));
        List<Notification> step = notifications.findAll().stream().filter(n -> !n.isDone()).toList();
        Notification toMaria = step.stream().filter(n -> n.getRecipientId().equals("maria")).findFirst().orElseThrow();
        // an address the mail library refuses (as a server refuses a recipient): this one mail cannot go out
        jdbc.update("update notification set recipient = 'maria@@example' where id = ?", toMaria.getId());
        Job delivery = managementService.createJobQuery().processDefinitionKey(SEND_NOTIFICATION).singleResult();

        SMTP.purgeEmailFromAllMailboxes();
        assertThatThrownBy(() -> managementService.executeJob(delivery.getId()))
            .hasMessageContaining("1 of the " + step.size() + " mails of this delivery could not be sent yet");

        assertThat(SMTP.getReceivedMessages()).as("the others went out").hasSize(step.size() - 1);
        assertThat(notifications.findById(toMaria.getId()).orElseThrow().getState())
            .isEqualTo(Notification.State.FAILED);
        assertThat(step).filteredOn(n -> !n.getId().equals(toMaria.getId()))
            .allSatisfy(n -> assertThat(notifications.findById(n.getId()).orElseThrow().isDone()).isTrue());

        // support corrects the address and retries: only maria's mail goes out, the others not again
        jdbc.update("update notification set recipient = 'maria@example.org' where id = ?", toMaria.getId());
        SMTP.purgeEmailFromAllMailboxes();
        managementService.executeJob(delivery.getId());
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(ReceivedMail.of(SMTP.getReceivedMessages()[0]).to()).containsExactly("maria@example.org");
    }

    @Test
    void aDeliveryThatRunsOutOfTimeHandsTheRestToANewOne() throws Exception {
        ProcessInstance pi = startFor("eva");
        deliverAll();
        complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(meeting));
        List<Long> step = notifications.findAll().stream().filter(n -> !n.isDone()).map(Notification::getId).toList();
        runtimeService.deleteProcessInstance(runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(SEND_NOTIFICATION).singleResult().getId(), "delivered by hand below");
        // no time at all to send (a third of a lock time of 0 ms): one mail, then the rest goes to a new delivery
        NotificationSettings noTime = new NotificationSettings("careers@example.org", settings.tasklistUrl(),
            settings.getRetryCycle(), settings.meetingDuration(), applicationContext.getBean(OrganisationClock.class),
            50, 0);
        DeliverySender delivery = new DeliverySender(notifications,
            new Mailer(applicationContext.getBeanProvider(JavaMailSender.class), noTime), outbox, noTime, transactionManager);

        SMTP.purgeEmailFromAllMailboxes();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            try {
                delivery.send(step, "eva-1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        ProcessInstance rest = runtimeService.createProcessInstanceQuery().processDefinitionKey(SEND_NOTIFICATION)
            .singleResult();
        assertThat(runtimeService.getVariable(rest.getId(), Notifications.NOTIFICATION_IDS))
            .isEqualTo(Notifications.join(step.subList(1, step.size())));
        assertThat(rest.getBusinessKey()).isEqualTo("eva-1");
        assertThat(deliverAll()).hasSize(step.size() - 1);
    }

    @Test
    void withoutAMailServerTheMailIsLoggedAndKept() throws Exception {
        startFor("eva");
        Notification row = notifications.findAll().get(0);
        Mailer noServer = new Mailer(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), settings);
        DeliverySender delivery = new DeliverySender(notifications, noServer, outbox, settings, transactionManager);

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            try {
                delivery.send(List.of(row.getId()), "eva-1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Notification logged = notifications.findById(row.getId()).orElseThrow();
        assertThat(logged.getState()).isEqualTo(Notification.State.LOGGED);
        assertThat(logged.getSentAt()).isNotNull();
        assertThat(logged.getBodyHtml()).contains("Schedule the career conversation with Eva Evers");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aDesignersNotificationStepMailsThePeopleItNamesWithGreetingAndLink() throws Exception {
        startFor("eva");
        deliverAll();
        String step = designerStep("employeeAndManager", "About your career conversation, ${employeeName}",
            "Please bring your <b>ideas</b> for next year.\nAny size is fine.\n\nThank you, ${managerName}!");

        runDesignerStep(step, "eva-1");
        List<ReceivedMail> mails = deliverAll();

        assertThat(mails).extracting(m -> m.to().get(0))
            .containsExactlyInAnyOrder("eva@example.org", "maria@example.org");
        ReceivedMail toEva = mailTo(mails, "eva@example.org");
        assertThat(toEva.subject()).isEqualTo("About your career conversation, Eva Evers");
        assertThat(toEva.html()).contains("Hi <span>Eva</span>,")
            .contains("<span>Please bring your &lt;b&gt;ideas&lt;/b&gt; for next year.</span><br><span>Any size is fine.</span>")
            .contains("<span>Thank you, Maria Mendes!</span>")
            .contains("href=\"" + TASKLIST + "\"").doesNotContain("<b>");
        // plain text shows what was written (lines travel as CRLF)
        assertThat(toEva.text()).contains("Hi Eva,", "Please bring your <b>ideas</b> for next year.",
            "Any size is fine.",
            "Thank you, Maria Mendes!", "Open Tasklist: " + TASKLIST);
        assertThat(mailTo(mails, "maria@example.org").html()).contains("Hi <span>Maria</span>,");
        List<Notification> rows = notifications.findAll().stream()
            .filter(row -> row.getKind() == Notification.Kind.DESIGNER_MESSAGE).toList();
        assertThat(rows).extracting(Notification::getRecipientId).containsExactlyInAnyOrder("eva", "maria");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getBusinessKey()).isEqualTo("eva-1");
            assertThat(row.getTaskId()).isNull();
        });
    }

    @Test
    void aNotificationStepForTheHrPartnerMailsOnlyThem() throws Exception {
        startFor("erik");
        deliverAll();

        runDesignerStep(designerStep("hrPartner", "Erik's conversation has started", "Nothing to do yet."), "erik-1");

        List<ReceivedMail> mails = deliverAll();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).to()).containsExactly("hanna@example.org");
        assertThat(mails.get(0).text()).startsWith("Hi Hanna,");
    }

    @Test
    void aNotificationStepWithAWrongSettingFailsNamingTheFieldAndSendsNothing() throws Exception {
        startFor("eva");
        deliverAll();
        long rows = notifications.count();

        assertThatThrownBy(() -> runDesignerStep(designerStep("everybody", "Hello", "Text"), "eva-1"))
            .hasMessageContaining("Step \"Send a note\" (Task_SendNote): the field \"Send to\" (input parameter "
                + "recipients) is \"everybody\"; it must be one of employee, manager, employeeAndManager, hrPartner");
        assertThatThrownBy(() -> runDesignerStep(designerStep("employee", "x".repeat(201), "Text"), "eva-1"))
            .hasMessageContaining("the field \"Subject\" (input parameter subject) has 201 characters; "
                + "at most 200 are allowed");
        assertThatThrownBy(() -> runDesignerStep(designerStep("employee", "Hello", " "), "eva-1"))
            .hasMessageContaining("the field \"Message\" (input parameter message) is empty; it must be filled in");
        assertThatThrownBy(() -> runDesignerStep(designerStep("employee", "Hello", "Text"), "nobody-1"))
            .hasMessageContaining("has no conversation to write about (business key nobody-1)");

        assertThat(notifications.count()).isEqualTo(rows);
        assertThat(deliverAll()).isEmpty();
    }

    // --- mail ---

    /**
     * Runs every waiting send job, as the job executor would, and answers the mails that arrived (once each:
     * GreenMail keeps a copy per recipient, so a mail with someone in copy is there twice).
     */
    private List<ReceivedMail> deliverAll() throws FolderException {
        SMTP.purgeEmailFromAllMailboxes();
        List<Job> jobs = managementService.createJobQuery().processDefinitionKey(SEND_NOTIFICATION).list();
        jobs.forEach(job -> managementService.executeJob(job.getId()));
        assertThat(managementService.createJobQuery().processDefinitionKey(SEND_NOTIFICATION).count()).isZero();
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            try {
                byId.putIfAbsent(message.getMessageID(), message);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return byId.values().stream().map(ReceivedMail::of).toList();
    }

    private static ReceivedMail mailTo(List<ReceivedMail> mails, String address) {
        List<ReceivedMail> found = mails.stream().filter(m -> m.to().contains(address)).toList();
        assertThat(found).as("mails to %s", address).hasSize(1);
        return found.get(0);
    }

    // --- a designer's "Send a notification" step (what the element template writes), in a process of its own ---

    private String designerStep(String recipients, String subject, String message) {
        String key = "DesignerStepTest" + testDeployments.size();
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
            .startEvent()
            .sendTask("Task_SendNote").name("Send a note").camundaAsyncBefore()
            .camundaDelegateExpression("${sendConversationMessage}")
            .camundaInputParameter("recipients", recipients)
            .camundaInputParameter("subject", subject)
            .camundaInputParameter("message", message)
            .endEvent().done();
        testDeployments.add(repositoryService.createDeployment().addModelInstance(key + ".bpmn",
            model).deploy().getId());
        return key;
    }

    /** Starts the step's process for a conversation and runs its asynchronous step, as the job executor would. */
    private void runDesignerStep(String processKey, String businessKey) {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(processKey, businessKey,
            Map.of(EMPLOYEE_NAME, "Eva Evers", MANAGER_NAME, "Maria Mendes"));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult()
            .getId());
    }

    // --- walking the process ---

    private ProcessInstance startFor(String employeeId) {
        return new Conversations(engine).start(employeeId);
    }

    private ProcessInstance preparedConversation(String employeeId) {
        ProcessInstance pi = startFor(employeeId);
        complete(pi, TASK_SCHEDULE_CONVERSATION, scheduleConversation(meeting));
        complete(pi, TASK_PREPARE_EMPLOYEE, prepareEmployee());
        complete(pi, TASK_PREPARE_MANAGER, prepareManager());
        return pi;
    }

    private ProcessInstance heldConversation(String employeeId) {
        ProcessInstance pi = preparedConversation(employeeId);
        complete(pi, TASK_HOLD_CONVERSATION, holdConversation("held", null));
        return pi;
    }

    private Task task(ProcessInstance pi, String taskKey) {
        return new Conversations(engine).task(pi.getId(), taskKey);
    }

    private void complete(ProcessInstance pi, String taskKey, Map<String, Object> values) {
        new Conversations(engine).complete(pi.getId(), taskKey, values);
    }
}
