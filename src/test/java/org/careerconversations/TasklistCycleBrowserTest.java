package org.careerconversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.conversation.Submissions;
import org.careerconversations.process.ProcessVariables.GoalRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A whole cycle in Tasklist as hanna (HR partner), maria (manager) and eva (employee) live it, in chromium:
 * hanna starts eva's conversation by choosing her by name, maria schedules and holds it, eva reads everything
 * recorded about her, asks for changes, signs off the revised agreements and reports at her first check-in. Steps that other tests drive
 * through the browser (the preparations, documenting) go through REST here. Along the way every message
 * Tasklist shows is in people's words (no engine id, exception prefix or variable key), and nobody but the
 * administrator is offered a control they cannot use. Screenshots go to target/screenshots/.
 */
class TasklistCycleBrowserTest extends AppTest {

    /** What a message must never contain: engine prefixes, ids (UUIDs, definition ids), variable keys. */
    private static final List<Pattern> TECHNICAL = List.of(
        Pattern.compile("Cannot (submit|instantiate|complete|start)"),
        Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"),
        Pattern.compile("CareerConversation:\\d"),
        Pattern.compile("ENGINE-\\d+"),
        Pattern.compile("\\b(employeeId|meetingAt|meetingHeldAt|meetingOutcome|changeRequest|signOffDecision"
            + "|goals|developmentActions|Exception)\\b"));
    private static final String LONG_GOAL = "Lead the quarterly sprint demo for the whole department, including the "
        + "customer questions afterwards, so that the team's work becomes visible beyond engineering";

    @RegisterExtension
    final Chromium.PerTest browser = new Chromium.PerTest(1400, 1100);
    private Chromium chromium;
    private TasklistPage tasklist;
    private final List<String> messages = new ArrayList<>();

    @BeforeEach
    void browser() throws IOException {
        chromium = browser.get();
        tasklist = new TasklistPage(chromium.driver(), port);
    }

    @Test
    void aWholeCycleAsHannaMariaAndEvaSpeaksPeoplesWords() {
        // --- hanna starts eva's conversation, choosing her by name among the people she is HR partner of ---
        tasklist.logIn("hanna");
        assertOnlyUsableControls("hanna", true);
        openStartForm("Career conversation");
        List<String> people = tasklist.selectOptions();
        assertThat(people).contains("Eva Evers, Software Engineer", "Emil Eder, Account Manager")
            .noneMatch(option -> option.contains("Dora")).noneMatch(option -> option.contains("Hanna"));
        tasklist.select("Eva Evers, Software Engineer");
        screenshot("cycle-01-hanna-starts-for-eva");
        tasklist.clickButton("Start");
        tasklist.await().until(d -> conversationStatus() != null);
        assertThat(conversationStatus()).isEqualTo("SCHEDULING");

        // starting it again is refused, in words, and eva is marked as busy
        openStartForm("Career conversation");
        tasklist.select("Eva Evers, Software Engineer (a conversation is in progress)");
        tasklist.clickButton("Start");
        String refusal = tasklist.noticeContaining("already has a career conversation in progress");
        messages.add(refusal);
        assertThat(refusal).contains("Eva Evers already has a career conversation in progress")
            .contains("It has to be finished or cancelled before the next one can start.");
        screenshot("cycle-02-hanna-start-refused-in-words");
        tasklist.dismissNotices();
        tasklist.clickButton("Close");

        // hanna's round starts for a team she chooses by its manager's name
        openStartForm("Career conversation round");
        assertThat(tasklist.selectOptions()).contains("Maria Mendes (3 people)", "Mark Meijer (2 people)",
            "Dora Dijkstra (2 people)");
        screenshot("cycle-03-hanna-round-by-manager-name");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CAREER_CONVERSATION).count())
            .isOne();

        // --- maria schedules it ---
        tasklist.logIn("maria");
        assertOnlyUsableControls("maria", true);
        tasklist.openTask("Schedule the career conversation with Eva Evers");
        assertTaskShowsOnlyWhatMariaCanUse();
        Instant meeting = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        tasklist.field("Date").sendKeys(DateTimeFormatter.ofPattern("MM/dd/yyyy").format(meeting.atZone(ZoneOffset.UTC)),
            Keys.TAB);
        tasklist.field("Time").sendKeys(DateTimeFormatter.ofPattern("HH:mm").format(meeting.atZone(ZoneOffset.UTC)),
            Keys.TAB);
        tasklist.field("Place or video link").sendKeys("Room Tulip, 3rd floor");
        screenshot("cycle-04-maria-schedules");
        tasklist.complete();
        tasklist.await().until(d -> "PREPARING".equals(conversationStatus()));
        assertThat(jdbc.queryForObject("select scheduled_at from conversation", java.sql.Timestamp.class).toInstant())
            .isEqualTo(meeting);

        // the preparations (their forms are walked in TasklistBrowserTest)
        completeByRest("eva", TASK_PREPARE_EMPLOYEE, Submissions.prepareEmployee());
        completeByRest("maria", TASK_PREPARE_MANAGER, Submissions.prepareManager());

        // --- maria holds it: "held" before the meeting time is refused in the form's words ---
        tasklist.logIn("maria");
        tasklist.openTask("Hold the career conversation with Eva Evers");
        tasklist.choose("The conversation took place");
        tasklist.complete();
        String future = tasklist.noticeContaining("must not be in the future");
        messages.add(future);
        assertThat(future).contains("The time the conversation took place must not be in the future (you entered "
            + DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
                .format(meeting.atZone(java.time.ZoneId.of("Europe/Amsterdam"))) + ")");
        screenshot("cycle-05-maria-held-in-the-future-refused");
        assertThat(conversationStatus()).isEqualTo("PREPARING");
        // once the planned time has passed, the prefilled planned time is accepted
        ClockUtil.setCurrentTime(Date.from(meeting.plus(2, ChronoUnit.HOURS)));
        tasklist.dismissNotices();
        tasklist.complete();
        tasklist.await().until(d -> "DOCUMENTING".equals(conversationStatus()));
        assertThat(jdbc.queryForObject("select held_at from conversation", java.sql.Timestamp.class).toInstant())
            .isEqualTo(meeting);

        // maria documents (walked in TasklistBrowserTest), with a goal too long for one line
        Map<String, Object> documentation = Submissions.documentAgreements();
        documentation.put(GOALS, List.of(Map.of(GoalRow.GOAL, LONG_GOAL, GoalRow.MEASURE, "Two demos given",
            GoalRow.TARGET_DATE, "2027-03-31")));
        completeByRest("maria", TASK_DOCUMENT_AGREEMENTS, documentation);

        // --- eva reads everything recorded about her, in full, and asks for changes ---
        tasklist.logIn("eva");
        assertOnlyUsableControls("eva", false);
        tasklist.openTask("Review and sign off your agreements with Maria Mendes");
        String form = tasklist.formText();
        assertThat(form).contains(LONG_GOAL, "How you will know it is reached: Two demos given",
            "Target date: 31 March 2027", "Presentation skills course", "Training or course, done by 28 February 2027",
            "Support needed: Budget approved by Maria", "Strong start; grow visibility", "Meets expectations",
            "Everything recorded about you", "Eva asks the right questions early", "Speak up in planning meetings",
            "Low").doesNotContain("Ref.").doesNotContain("stretch-assignment").doesNotContain("meets");
        screenshot("cycle-06-eva-reads-the-agreements");
        // the task's other tabs open for her without a permission error
        for (String tab : List.of("History", "Diagram", "Form")) {
            tasklist.clickInView(tasklist.await().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[@ng-repeat='taskDetailTab in taskDetailTabs']/a[normalize-space()='" + tab + "']"))));
            tasklist.await().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[@ng-repeat='taskDetailTab in taskDetailTabs'][contains(@class,'active')][normalize-space()='"
                    + tab + "']")));
            if ("Diagram".equals(tab)) {
                // the diagram is drawn from the model eva may read
                tasklist.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".djs-container svg")));
            }
        }
        tasklist.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        assertThat(tasklist.notices()).as("eva's History and Diagram tabs").isEmpty();
        tasklist.choose("I would like changes");
        tasklist.field("What would you like to see different?").sendKeys("Please add the conference talk");
        tasklist.complete();
        tasklist.await().until(d -> "DOCUMENTING".equals(conversationStatus()));

        // maria revises the record after eva's comment
        Map<String, Object> revised = Submissions.documentAgreements();
        revised.put(GOALS, List.of(Map.of(GoalRow.GOAL, LONG_GOAL, GoalRow.MEASURE, "Two demos given",
            GoalRow.TARGET_DATE, "2027-03-31"),
            Map.of(GoalRow.GOAL, "Speak at a conference", GoalRow.TARGET_DATE, "2027-10-31")));
        completeByRest("maria", TASK_DOCUMENT_AGREEMENTS, revised);

        // --- eva sees what changed, and signs off ---
        tasklist.logIn("eva");
        tasklist.openTask("Review and sign off your agreements with Maria Mendes");
        assertThat(tasklist.formText()).contains("What Maria Mendes changed after your comment",
            "New goal: Speak at a conference");
        screenshot("cycle-07-eva-sees-what-changed");
        tasklist.choose("I agree, this is what we agreed");
        tasklist.complete();
        tasklist.await().until(d -> "AGREED".equals(conversationStatus()));
        tasklist.await().until(ExpectedConditions.invisibilityOfElementLocated(
            TasklistPage.taskInList("Review and sign off your agreements with Maria Mendes")));

        // --- at the first check-in eva reads the plan as it stands and reports per step ---
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("eva-1")
            .processDefinitionKey(CAREER_CONVERSATION)
            .singleResult().getId();
        Date checkInAt = (Date) runtimeService.getVariable(instance, NEXT_CHECK_IN_AT);
        ClockUtil.setCurrentTime(Date.from(checkInAt.toInstant().plus(1, ChronoUnit.MINUTES)));
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
            .processInstanceId(instance).activityId(TIMER_CHECK_IN_DUE).singleResult().getId());
        tasklist.logIn("eva");
        tasklist.openTask("Check in on your development plan with Maria Mendes");
        assertThat(tasklist.formText()).contains("The plan as it stands (version 1)", LONG_GOAL,
            "Progress so far: Not started yet", "Presentation skills course", "Monthly sessions with Erik")
            .doesNotContain("Ref.");
        tasklist.select("On track");   // the first step's
        screenshot("cycle-08-eva-checks-in");
        tasklist.complete();
        tasklist.await().until(d -> jdbc.queryForObject("select count(*) from check_in", Integer.class) == 1);
        assertThat(jdbc.queryForList("select a.action || '/' || p.status from check_in_progress p"
            + " join development_action a on a.id = p.development_action_id order by a.position", String.class))
            .as("each row reports on its own step").containsExactly("Presentation skills course/on-track",
                "Monthly sessions with Erik/not-started");

        // --- the administrator keeps every control ---
        tasklist.logIn("admin");
        tasklist.await().until(d -> tasklist.shows(By.cssSelector(".create-task-action")));
        tasklist.assertShows(By.cssSelector(".start-process-action"), true, "admin: Start process");

        for (String message : messages) {
            for (Pattern technical : TECHNICAL) {
                assertThat(technical.matcher(message).find()).as("'%s' in: %s", technical, message).isFalse();
            }
        }
    }

    /** The header as this person sees it: no "Create task"; "Start process" only for who may start something. */
    private void assertOnlyUsableControls(String user, boolean mayStart) {
        tasklist.await().until(d -> tasklist.shows(By.cssSelector(".start-process-action")) == mayStart);
        tasklist.assertShows(By.cssSelector(".create-task-action"), false, user + ": Create task");
        tasklist.assertShows(By.cssSelector(".task-filter .actions"), false, user + ": the filters' details");
        assertThat(tasklist.notices()).as(user + ": no error on arrival").isEmpty();
    }

    private void assertTaskShowsOnlyWhatMariaCanUse() {
        tasklist.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task-meta]")));
        tasklist.assertShows(By.cssSelector("[cam-tasklist-task-meta] .followup-date"), false, "Set follow-up date");
        tasklist.assertShows(By.cssSelector("[cam-tasklist-task-meta] li.groups"), false, "Add groups");
        tasklist.assertShows(By.cssSelector("[cam-tasklist-task-meta] .reset-due-date"), false, "reset the due date");
        tasklist.assertShows(By.cssSelector("[cam-tasklist-task-meta] .unclaim"), false, "unclaim");
        tasklist.assertShows(By.cssSelector(".instance-link"), false, "the link into Cockpit, which maria may not open");
        tasklist.assertShows(By.cssSelector(".tasks-list .priority"), false, "the priority number");
        tasklist.await().until(d -> !tasklist.shows(By.xpath(
            "//*[@ng-repeat='taskDetailTab in taskDetailTabs'][normalize-space()='Description']")));
        tasklist.assertShows(By.xpath("//*[@ng-repeat='taskDetailTab in taskDetailTabs'][normalize-space()='History']"),
            true, "the History tab");
    }

    private void openStartForm(String process) {
        tasklist.clickInView(tasklist.await().until(ExpectedConditions.elementToBeClickable(
            By.cssSelector(".start-process-action a"))));
        tasklist.clickInView(tasklist.await().until(ExpectedConditions.elementToBeClickable(
            By.xpath("//a[normalize-space()='" + process + "']"))));
        tasklist.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .fjs-container")));
    }

    private String conversationStatus() {
        List<String> status = jdbc.queryForList("select status from conversation where business_key = 'eva-1'",
            String.class);
        return status.isEmpty() ? null : status.get(0);
    }

    private void completeByRest(String user, String taskKey, Map<String, Object> values) {
        JsonNode tasks = rest().as(user).get("/engine-rest/task?processInstanceBusinessKey=eva-1&maxResults=50"
            + "&taskDefinitionKey=" + taskKey).json();
        assertThat(tasks).as("%s's %s", user, taskKey).hasSize(1);
        Answer answer = rest().as(user).post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
            variables(values));
        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    }

    private void screenshot(String name) {
        chromium.screenshot(name);
    }
}
