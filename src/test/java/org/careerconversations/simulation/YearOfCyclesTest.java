package org.careerconversations.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.careerconversations.AppTest;
import org.careerconversations.conversation.Submissions;
import org.careerconversations.process.ProcessIds;
import org.careerconversations.process.TaskReminderDue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A whole year of eva's career conversations, one simulated day at a time (the engine clock moves, nobody
 * sleeps): the daily round, check-ins at the interval ReviewCadence decided, a late check-in that is
 * reminded and escalated, and each next conversation starting on the date the decision set.
 * People act on their tasks the day they appear, except maria, who does her first check-in two weeks late.
 */
@RecordApplicationEvents
class YearOfCyclesTest extends AppTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final List<String> DRIVEN = List.of(DAILY_ROUND, CYCLE_SCHEDULER, CAREER_CONVERSATION,
        TASK_REMINDERS);
    private static final int LATE_DAYS = 14;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ApplicationEvents events;

    private final Map<String, LocalDate> firstSeen = new LinkedHashMap<>();
    private boolean mariaWasLate;

    @BeforeEach
    void onlyEvaIsDue() {
        // everyone else has no conversation due this year: the round looks at eva only
        jdbc.update("update employee set active = false where id <> 'eva'");
    }

    @AfterEach
    void everyoneBack() {
        jdbc.update("update employee set active = true");
    }

    @Test
    void aYearOfEvasCycles() {
        LocalDate start = LocalDate.now(ZONE);
        for (int day = 0; day <= 365; day++) {
            LocalDate today = start.plusDays(day);
            ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(today, LocalTime.of(9, 0)).atZone(ZONE).toInstant()));
            if (day == 0) {
                runtimeService.startProcessInstanceByKey(CAREER_CONVERSATION,
                    Submissions.forJavaApi(Submissions.start("eva")));
            }
            fireDueJobs();
            workOnTasks(today);
        }

        List<Map<String, Object>> cycles = jdbc.queryForList("select business_key, opened_at, next_conversation_due, "
            + "follow_up_end_reason, status from conversation order by cycle");
        assertThat(cycles).hasSizeGreaterThanOrEqualTo(4);
        // each next conversation starts on the day the daily round finds it due: ReviewCadence's date - lead time
        for (int i = 1; i < cycles.size(); i++) {
            LocalDate due = LocalDate.parse(cycles.get(i - 1).get("NEXT_CONVERSATION_DUE").toString());
            LocalDate opened = ((java.sql.Timestamp) timestamp(cycles.get(i).get("OPENED_AT"))).toInstant().atZone(ZONE)
                .toLocalDate();
            assertThat(opened).as("%s opened", cycles.get(i).get("BUSINESS_KEY")).isEqualTo(due.minusDays(14));
            assertThat(cycles.get(i - 1).get("FOLLOW_UP_END_REASON")).isEqualTo("next cycle started");
            assertThat(cycles.get(i - 1).get("STATUS")).isEqualTo("AGREED");
        }
        // eva is on probation: every 3 months, with check-ins every 4 weeks
        LocalDate firstAgreed = LocalDate.parse(cycles.get(0).get("NEXT_CONVERSATION_DUE").toString()).minusMonths(3);
        List<LocalDate> checkIns = jdbc.queryForList("select recorded_at from check_in c join conversation v on "
                + "v.id = c.conversation_id where v.business_key = 'eva-1' and c.author_role = 'employee' order by number",
                Object.class).stream().map(t -> ((java.sql.Timestamp) timestamp(t)).toInstant().atZone(ZONE)
                .toLocalDate()).toList();
        assertThat(checkIns).hasSizeGreaterThanOrEqualTo(2);
        assertThat(checkIns.get(0)).isEqualTo(firstAgreed.plusWeeks(4));
        // the next check-in counts from the day the first one was complete (maria's late half)
        assertThat(checkIns.get(1)).isEqualTo(checkIns.get(0).plusDays(LATE_DAYS).plusWeeks(4));

        // maria's late check-in: reminded the day before it was due, then dora, then hanna were asked to help
        assertThat(mariaWasLate).isTrue();
        List<TaskReminderDue> reminders = events.stream(TaskReminderDue.class)
            .filter(r -> r.taskName().startsWith("Check in on the development plan of Eva")).toList();
        assertThat(reminders).extracting(TaskReminderDue::assignee).containsOnly("maria");
        HistoricTaskInstance toDora = escalation(TASK_FOLLOW_UP_OVERDUE_MANAGER);
        HistoricTaskInstance toHanna = escalation(TASK_FOLLOW_UP_OVERDUE_HR);
        assertThat(toDora.getAssignee()).isEqualTo("dora");
        assertThat(toHanna.getAssignee()).isEqualTo("hanna");
        LocalDate mariasDue = checkIns.get(0).plusDays(7);
        assertThat(day(toDora.getStartTime())).isEqualTo(mariasDue.plusDays(2));
        assertThat(day(toHanna.getStartTime())).isEqualTo(mariasDue.plusDays(5));
    }

    private HistoricTaskInstance escalation(String key) {
        List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery().taskDefinitionKey(key)
            .list();
        assertThat(tasks).as(key).hasSize(1);
        return tasks.get(0);
    }

    private void fireDueJobs() {
        boolean fired = true;
        while (fired) {
            fired = false;
            for (String key : DRIVEN) {
                for (Job job : managementService.createJobQuery().processDefinitionKey(key).executable().list()) {
                    managementService.executeJob(job.getId());
                    fired = true;
                }
            }
            // a task's reminder timer belongs to no process until it starts the task's TaskReminders watch
            for (Job job : managementService.createJobQuery().executable().list()) {
                if (ProcessIds.REMINDER_DUE_JOB.equals(((JobEntity) job).getJobHandlerType())) {
                    managementService.executeJob(job.getId());
                    fired = true;
                }
            }
        }
    }

    /** Everyone does their task the day it appears; maria's first check-in waits two weeks. */
    private void workOnTasks(LocalDate today) {
        for (Task task : taskService.createTaskQuery().list()) {
            firstSeen.putIfAbsent(task.getId(), today);
            String key = task.getTaskDefinitionKey();
            Map<String, Object> values = switch (key) {
                case TASK_SCHEDULE_CONVERSATION -> Submissions.scheduleConversation(LocalDateTime.of(today.plusDays(7),
                    LocalTime.of(10, 0)).atZone(ZONE).toInstant());
                case TASK_PREPARE_EMPLOYEE -> Submissions.prepareEmployee();
                case TASK_PREPARE_MANAGER -> Submissions.prepareManager();
                case TASK_HOLD_CONVERSATION ->
                    meetingHasBeenHeld(task) ? Submissions.holdConversation("held", null) : null;
                case TASK_DOCUMENT_AGREEMENTS -> Submissions.documentAgreements();
                case TASK_SIGN_OFF -> Submissions.agree();
                case TASK_CHECK_IN_EMPLOYEE -> Map.of(EMPLOYEE_PROGRESS, onTrack(task, EMPLOYEE_PROGRESS));
                case TASK_CHECK_IN_MANAGER -> mariaChecksIn(task, today);
                case TASK_FOLLOW_UP_OVERDUE_MANAGER, TASK_FOLLOW_UP_OVERDUE_HR ->
                    Map.of(FOLLOW_UP_NOTE, "Reminded maria in person");
                default -> throw new AssertionError("Nobody knows what to do with " + key);
            };
            if (values != null) {
                taskService.complete(task.getId(), Submissions.forJavaApi(values));
            }
        }
    }

    private Map<String, Object> mariaChecksIn(Task task, LocalDate today) {
        boolean first = !mariaWasLate;
        if (first && today.isBefore(firstSeen.get(task.getId()).plusDays(LATE_DAYS))) {
            return null;
        }
        mariaWasLate = true;
        return Map.of(MANAGER_PROGRESS, onTrack(task, MANAGER_PROGRESS));
    }

    private boolean meetingHasBeenHeld(Task task) {
        Date meeting = (Date) taskService.getVariable(task.getId(), MEETING_STARTS_AT);
        return !ClockUtil.getCurrentTime().before(meeting);
    }

    private List<Map<String, Object>> onTrack(Task task, String variable) {
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            JSON.readTree(taskService.getVariable(task.getId(), variable).toString()).forEach(row -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> values = JSON.convertValue(row, LinkedHashMap.class);
                values.put("status", "on-track");
                rows.add(values);
            });
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object timestamp(Object value) {
        if (value instanceof java.time.OffsetDateTime odt) {
            return java.sql.Timestamp.from(odt.toInstant());
        }
        return value;
    }

    private static LocalDate day(Date date) {
        return date.toInstant().atZone(ZONE).toLocalDate();
    }
}
