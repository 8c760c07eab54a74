package org.careerconversations.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.conversation.Submissions.forJavaApi;
import static org.careerconversations.conversation.Submissions.scheduleConversation;
import static org.careerconversations.conversation.Submissions.start;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.careerconversations.AppTest;
import org.careerconversations.process.TaskReminderDue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Reminders and escalations of an open task, with the engine clock moved forward. */
@RecordApplicationEvents
class TaskRemindersProcessTest extends AppTest {

    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ApplicationEvents events;

    @Test
    void aTaskIsRemindedThenEscalatedToTheManagerThenToHr() {
        Task schedule = scheduleTaskForEva();   // maria's task, due in 7 days
        Instant due = schedule.getDueDate().toInstant();

        fireDueTimers(due.minus(1, ChronoUnit.DAYS).plusSeconds(60));
        List<TaskReminderDue> reminders = events.stream(TaskReminderDue.class).toList();
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).assignee()).isEqualTo("maria");
        assertThat(reminders.get(0).taskId()).isEqualTo(schedule.getId());
        assertThat(reminders.get(0).businessKey()).isEqualTo("eva-1");
        assertThat(escalations()).isEmpty();

        fireDueTimers(due.plus(2, ChronoUnit.DAYS).plusSeconds(60));
        Task toManager = taskService.createTaskQuery().taskDefinitionKey("Task_FollowUpOverdueManager").singleResult();
        assertThat(toManager.getAssignee()).as("maria's manager").isEqualTo("dora");
        assertThat(toManager.getName()).contains("Maria Mendes").contains("Schedule the career conversation with Eva");
        assertThat(toManager.getDueDate()).isNotNull();

        fireDueTimers(due.plus(5, ChronoUnit.DAYS).plusSeconds(60));
        Task toHr = taskService.createTaskQuery().taskDefinitionKey("Task_FollowUpOverdueHr").singleResult();
        assertThat(toHr.getAssignee()).isEqualTo("hanna");
        assertThat(escalations()).hasSize(2);
        assertThat(taskService.createTaskQuery().taskId(schedule.getId()).count()).as("nothing silent: the task stays")
            .isOne();
    }

    @Test
    void completingTheTaskEndsItsWatchAndItsEscalations() {
        Task schedule = scheduleTaskForEva();
        fireDueTimers(schedule.getDueDate().toInstant().plus(2, ChronoUnit.DAYS).plusSeconds(60));
        assertThat(escalations()).hasSize(1);

        taskService.complete(schedule.getId(),
            forJavaApi(scheduleConversation(ClockUtil.getCurrentTime().toInstant().plus(3, ChronoUnit.DAYS))));

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("TaskReminders")
            .processInstanceBusinessKey(schedule.getId()).count()).isZero();
        assertThat(escalations()).isEmpty();
        // the next tasks (both preparations) are watched in turn: a reminder timer each
        for (Task preparation : taskService.createTaskQuery().processInstanceBusinessKey("eva-1").list()) {
            assertThat(reminderTimers(preparation)).as(preparation.getName()).isOne();
        }
    }

    @Test
    void untilItsReminderTimeATaskCostsOneTimerAndATaskDoneInTimeNothingMore() {
        Task schedule = scheduleTaskForEva();

        // most tasks are done before their reminder time: until then no watch instance, one timer of the app
        assertThat(watches(schedule)).isZero();
        assertThat(reminderTimers(schedule)).isOne();
        String timer = jdbc.queryForObject("select ID_ from ACT_RU_JOB where HANDLER_TYPE_ = 'career-reminder-due' "
            + "and HANDLER_CFG_ like ?", String.class, schedule.getId() + ";%");

        taskService.complete(schedule.getId(),
            forJavaApi(scheduleConversation(ClockUtil.getCurrentTime().toInstant().plus(10, ChronoUnit.DAYS))));
        fireDueTimers(schedule.getDueDate().toInstant().minus(1, ChronoUnit.DAYS).plusSeconds(60));

        assertThat(events.stream(TaskReminderDue.class)).isEmpty();
        assertThat(watches(schedule)).isZero();
        assertThat(reminderTimers(schedule)).isZero();
        // a job of no process instance would get no removal time: its log is not kept (HelpersWithoutHistory)
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_JOB_LOG where JOB_ID_ = ?", Long.class, timer))
            .isZero();
    }

    @Test
    void theWatchStartsAtTheReminderTimeWithOnlyItsTimings() {
        Task schedule = scheduleTaskForEva();
        fireDueTimers(schedule.getDueDate().toInstant().minus(1, ChronoUnit.DAYS).plusSeconds(60));

        ProcessInstance watch = runtimeService.createProcessInstanceQuery().processDefinitionKey("TaskReminders")
            .processInstanceBusinessKey(schedule.getId()).singleResult();
        // the next timer (the manager's turn) waits; the task's name and conversation are read when needed
        assertThat(managementService.createJobQuery().processInstanceId(watch.getId()).count()).isOne();
        assertThat(runtimeService.getVariables(watch.getId()).keySet()).containsExactlyInAnyOrder(
            "taskDefinitionKey", "assignee", "dueDate", "escalateToManagerAt", "escalateToHrAt");
        assertThat(reminderTimers(schedule)).isZero();
    }

    @Test
    void anEscalationAsksWhatWasDone() {
        Task schedule = scheduleTaskForEva();
        fireDueTimers(schedule.getDueDate().toInstant().plus(2, ChronoUnit.DAYS).plusSeconds(60));
        Task toManager = escalations().get(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(toManager.getId(), Map.of()))
            .hasMessageContaining("\u201cWhat did you do?\u201d is required.");
        taskService.complete(toManager.getId(), Map.of("followUpNote", "Talked to Maria; she schedules today"));

        assertThat(escalations()).isEmpty();
    }

    @Test
    void aNewVersionOfTheReminderTimingsCountsForTheTasksCreatedAfterIt() throws Exception {
        Task evas = scheduleTaskForEva();
        assertThat(reminderTime(evas)).as("the deployed table: a day before")
            .isEqualTo(evas.getDueDate().toInstant().minus(1, ChronoUnit.DAYS));

        String table;
        try (var in = getClass().getResourceAsStream("/dmn/reminder-timings.dmn")) {
            table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String threeDays = table.replace("<outputEntry id=\"Rule_EveryOtherStep_Remind\"><text>\"P1D\"</text>",
            "<outputEntry id=\"Rule_EveryOtherStep_Remind\"><text>\"P3D\"</text>");
        assertThat(threeDays).isNotEqualTo(table);
        String deployment = engine.getRepositoryService().createDeployment().name("HR's earlier reminders")
            .addString("reminder-timings.dmn", threeDays).deploy().getId();
        try {
            ProcessInstance elins = runtimeService.startProcessInstanceByKey("CareerConversation",
                forJavaApi(start("elin")));
            Task elinsSchedule = taskService.createTaskQuery().processInstanceId(elins.getId()).singleResult();
            assertThat(reminderTime(elinsSchedule)).as("the new version: three days before")
                .isEqualTo(elinsSchedule.getDueDate().toInstant().minus(3, ChronoUnit.DAYS));
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private Instant reminderTime(Task task) {
        return jdbc.queryForObject("select DUEDATE_ from ACT_RU_JOB where HANDLER_TYPE_ = 'career-reminder-due' "
            + "and HANDLER_CFG_ like ?", java.sql.Timestamp.class, task.getId() + ";%").toInstant();
    }

    private Task scheduleTaskForEva() {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("CareerConversation", forJavaApi(start("eva")));
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private long watches(Task task) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("TaskReminders")
            .processInstanceBusinessKey(task.getId()).count();
    }

    /** The app's reminder timers of a task (reminder/ReminderDue); the job query cannot filter by handler. */
    private long reminderTimers(Task task) {
        return jdbc.queryForObject("select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = 'career-reminder-due' "
            + "and HANDLER_CFG_ like ?", Long.class, task.getId() + ";%");
    }

    private List<Task> escalations() {
        return taskService.createTaskQuery().processDefinitionKey("TaskReminders").list();
    }

    /** Moves the clock to {@code at} and fires every timer due by then, also those that firing creates. */
    private void fireDueTimers(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        List<Job> due;
        while (!(due = managementService.createJobQuery().timers().duedateLowerThan(Date.from(at)).list()).isEmpty()) {
            for (Job job : due) {
                managementService.executeJob(job.getId());
            }
        }
    }
}
