package org.careerconversations.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessIds.SEND_NOTIFICATION;
import static org.careerconversations.process.ProcessIds.TASK_SEND_NOTIFICATION;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.conversation.Submissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mail server is down (nothing listens on spring.mail.port): people's steps still complete, the job that
 * delivers a step's mails fails and is retried, the last failure becomes an incident, and once the server is back,
 * resolving the incident delivers each of the step's mails exactly once.
 */
class MailServerDownTest extends AppTest {

    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    NotificationRepository notifications;

    private GreenMail smtp;

    @BeforeEach
    void emptyOutbox() {
        jdbc.update("delete from notification");
    }

    @AfterEach
    void stopMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void anOutageNeverBlocksAStepAndEndsAsAnIncidentThatDeliversOnceWhenResolved() {
        runtimeService.startProcessInstanceByKey(CAREER_CONVERSATION, Submissions.forJavaApi(Submissions.start("eva")));
        String schedule = taskService.createTaskQuery().taskDefinitionKey(TASK_SCHEDULE_CONVERSATION).singleResult()
            .getId();

        // maria schedules through the REST API while no mail server answers
        Answer completed = rest().as("maria").post("/engine-rest/task/" + schedule + "/complete",
            variables(Submissions.scheduleConversation(Instant.now().plus(5, ChronoUnit.DAYS))));

        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_PREPARE_EMPLOYEE).count()).isOne();
        Notification invitation = notifications.findAll().stream()
            .filter(n -> n.getKind() == Notification.Kind.CONVERSATION_SCHEDULED
                && n.getRecipientId().equals("eva"))
            .findFirst().orElseThrow();
        // the step's mails (the invitations to eva and maria, their preparation tasks) go in one delivery
        ProcessInstance sending = deliveryOf(invitation);
        List<Long> stepMails = Arrays.stream(((String) runtimeService.getVariable(sending.getId(),
            Notifications.NOTIFICATION_IDS)).split(",")).map(Long::valueOf).toList();
        assertThat(stepMails).hasSizeGreaterThan(1);
        assertThat(sending.getBusinessKey()).isEqualTo("eva-1");
        Job job = jobOf(sending);

        // every attempt fails, counts, and leaves fewer retries, until none are left
        int attempts = 0;
        Integer retriesBefore = null;
        while (job.getRetries() > 0) {
            String jobId = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("Mail server connection failed");
            attempts++;
            job = jobOf(sending);
            if (retriesBefore != null) {
                assertThat(job.getRetries()).isEqualTo(retriesBefore - 1);
            }
            retriesBefore = job.getRetries();
            for (long id : stepMails) {
                Notification row = notifications.findById(id).orElseThrow();
                assertThat(row.getState()).isEqualTo(Notification.State.FAILED);
                assertThat(row.getAttempts()).isEqualTo(attempts);
                assertThat(row.getLastError()).contains("Connection refused");
            }
            assertThat(attempts).as("attempts before the engine gives up").isLessThan(20);
        }
        // retry-cycle PT1M,PT5M,PT30M,PT2H: the first try and four retries, with growing pauses
        assertThat(attempts).isEqualTo(5);
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(sending.getId()).singleResult();
        assertThat(incident).as("incident in Cockpit").isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo(TASK_SEND_NOTIFICATION);
        assertThat(incident.getIncidentMessage()).contains("Mail server connection failed");

        // the server is back; an operator retries the incident (Cockpit: "Retry" sets the job's retries)
        smtp = new GreenMail(new ServerSetup(NotificationMailTest.SMTP_PORT, "localhost", "smtp"));
        smtp.start();
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());

        assertThat(smtp.getReceivedMessages()).as("each of the step's mails once").hasSize(stepMails.size());
        List<ReceivedMail> toEva = new ArrayList<>();
        for (var received : smtp.getReceivedMessages()) {
            ReceivedMail mail = ReceivedMail.of(received);
            if (mail.to().contains("eva@example.org") && mail.calendar() != null) {
                toEva.add(mail);
            }
        }
        assertThat(toEva).hasSize(1);
        assertThat(toEva.get(0).calendar()).contains("METHOD:REQUEST");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(sending.getId()).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(sending.getId()).count()).isZero();
        Notification sent = notifications.findById(invitation.getId()).orElseThrow();
        assertThat(sent.getState()).isEqualTo(Notification.State.SENT);
        assertThat(sent.getAttempts()).isEqualTo(attempts + 1);
        assertThat(sent.getSentAt()).isNotNull();
        assertThat(stepMails).allSatisfy(id -> assertThat(notifications.findById(id).orElseThrow().getState())
            .isEqualTo(Notification.State.SENT));
    }

    /** The delivery (SendNotification instance) whose rows include the notification. */
    private ProcessInstance deliveryOf(Notification notification) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(SEND_NOTIFICATION).list().stream()
            .filter(p -> Arrays.asList(((String) runtimeService.getVariable(p.getId(), Notifications.NOTIFICATION_IDS))
                .split(",")).contains(String.valueOf(notification.getId())))
            .findFirst().orElseThrow();
    }

    private Job jobOf(ProcessInstance sending) {
        return managementService.createJobQuery().processInstanceId(sending.getId()).singleResult();
    }
}
