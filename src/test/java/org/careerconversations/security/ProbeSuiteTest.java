package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessIds.TASK_DOCUMENT_AGREEMENTS;
import static org.careerconversations.process.ProcessIds.TASK_HOLD_CONVERSATION;
import static org.careerconversations.process.ProcessIds.TASK_PREPARE_EMPLOYEE;
import static org.careerconversations.process.ProcessIds.TASK_PREPARE_MANAGER;
import static org.careerconversations.process.ProcessIds.TASK_SIGN_OFF;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.conversation.Submissions;
import org.careerconversations.process.ProcessIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The access model tried from the attacker's side. Each attacker aims at someone else's conversation — one
 * agreed cycle (with its decision, history, comments) and one in preparation (with an open task, comment,
 * attachment, timer job and incident) — through every path in {@link #PROBES}: the engine REST API with
 * HTTP Basic, the same API as the webapps call it with a login session, Cockpit's own API and the app's API.
 * Each answer must be a denial or empty, and no answer — not even a refusal — may contain anything of the
 * victim's that the request did not name: their name, e-mail address, business keys, ids, or the secret written
 * into their texts. A process owner (olga, nobody's HR partner) monitors every conversation: the probes marked
 * {@link Probe#monitored()} (instances, their state, incidents, timings, counts) answer her, but never with
 * what people wrote (the secret); everything else must refuse her too. Each probe also has a control
 * — someone who may read it — that must get a real answer, so that a probe aimed at nothing cannot pass.
 * <p>
 * A new endpoint: add one line to {@link #PROBES}. With single sign-on the same list runs again with the
 * identity provider's bearer tokens ({@code SsoProbeSuiteTest}).
 */
class ProbeSuiteTest extends AppTest {

    /** Who tries, at whose conversation. dora is maria's manager: eva is her indirect report. */
    private static final List<String[]> ATTACKS = List.of(
        new String[] {"erik", "eva"},       // a colleague
        new String[] {"mark", "eva"},       // another team's manager
        new String[] {"dora", "eva"},       // the manager's manager (indirect reports are off by default)
        new String[] {"hugo", "eva"},       // a process designer (deploys, reads models, never instances)
        new String[] {"eva", "erik"},       // the colleague the other way round
        new String[] {"olga", "eva"},       // a process owner who is nobody's HR partner: states, not contents
        new String[] {null, "eva"});        // nobody logged in

    /** The attackers who monitor every conversation (process owners): see {@link Probe#monitored}. */
    private static final Set<String> MONITORS = Set.of("olga");

    /** PAGE: the people's pages, which only the webapp login opens (a visitor without it goes to the login). */
    enum Api { ENGINE, COCKPIT, APP, PAGE }

    enum Kind {
        /** Aimed at the victim's conversation: denied or empty. */
        SCOPED,
        /** Lists what the caller may see: may answer, but nothing of the victim's. */
        UNSCOPED,
        /** Changes something: denied. */
        WRITE
    }

    /**
     * One path. {placeholders} are the victim's: {employee}, {openKey}, {doneKey}, {pi} (open conversation),
     * {hpi} (agreed one), {task} (their open task), {htask} (their completed task), {comment}, {hcomment},
     * {attachment}, {var}, {hvar}, {detail}, {decision}, {job}, {reminderJob} (the reminder timer of their open
     * task, a job of no process), {incident}, {definition}, {deployment}, {filter}; {attacker} is the caller.
     * control: who may read it (employee, manager, owner, hr, admin, designer), or null for writes.
     * allowedFor: attackers who may get this answer (a SCOPED probe may succeed, leaksIf does not apply).
     * forMonitors: what a process owner monitors ({@link #monitored}) — it may answer them, without what people
     * wrote.
     */
    record Probe(Api api, Kind kind, String method, String path, Object body, String control, Set<String> allowedFor,
                 Set<Integer> alsoDenial, Predicate<JsonNode> leaksIf, boolean forMonitors) {

        Probe allow(String... attackers) {
            return new Probe(api, kind, method, path, body, control, Set.of(attackers), alsoDenial, leaksIf,
                forMonitors);
        }

        Probe deniedAlsoBy(Integer... statuses) {
            return new Probe(api, kind, method, path, body, control, allowedFor, Set.of(statuses), leaksIf,
                forMonitors);
        }

        Probe leaksIf(Predicate<JsonNode> predicate) {
            return new Probe(api, kind, method, path, body, control, allowedFor, alsoDenial, predicate, forMonitors);
        }

        Probe monitored() {
            return new Probe(api, kind, method, path, body, control, allowedFor, alsoDenial, leaksIf, true);
        }
    }

    private static Probe read(String path, String control) {
        return new Probe(Api.ENGINE, Kind.SCOPED, "GET", path, null, control, Set.of(), Set.of(), j -> false, false);
    }

    private static Probe query(String path, Object body, String control) {
        return new Probe(Api.ENGINE, Kind.SCOPED, "POST", path, body, control, Set.of(), Set.of(), j -> false, false);
    }

    private static Probe list(String path, String control) {
        return new Probe(Api.ENGINE, Kind.UNSCOPED, "GET", path, null, control, Set.of(), Set.of(), j -> false, false);
    }

    private static Probe write(String method, String path, Object body) {
        return new Probe(Api.ENGINE, Kind.WRITE, method, path, body, null, Set.of(), Set.of(), j -> false, false);
    }

    private static Probe cockpit(Kind kind, String method, String path, Object body, String control) {
        return new Probe(Api.COCKPIT, kind, method, path, body, control, Set.of(), Set.of(), j -> false, false);
    }

    private static Probe app(Kind kind, String method, String path, String control) {
        return app(kind, method, path, null, control);
    }

    private static Probe app(Kind kind, String method, String path, Object body, String control) {
        return new Probe(Api.APP, kind, method, path, body, control, Set.of(), Set.of(), j -> false, false);
    }

    private static Probe page(Kind kind, String path, String control) {
        return new Probe(Api.PAGE, kind, "GET", path, null, control, Set.of(), Set.of(), j -> false, false);
    }

    static final List<Probe> PROBES = List.of(
        // --- tasks, their variables, forms, identity links, comments, attachments ---
        read("/task?processInstanceId={pi}&maxResults=50", "employee"),
        read("/task?processInstanceBusinessKey={openKey}&maxResults=50", "employee"),
        read("/task?assignee={employee}&maxResults=50", "employee"),
        read("/task/count?processInstanceId={pi}", "employee"),
        query("/task?maxResults=50", Map.of("processInstanceId", "{pi}"), "employee"),
        query("/task?maxResults=50", Map.of("processVariables",
            List.of(Map.of("name", EMPLOYEE_ID, "operator", "eq", "value", "{employee}"))), "employee"),
        read("/task/{task}", "employee"),
        read("/task/{task}/variables", "employee"),
        read("/task/{task}/variables/employeeName", "employee"),
        read("/task/{task}/localVariables", "employee"),
        read("/task/{task}/form-variables", "employee"),
        read("/task/{task}/form", "employee"),
        read("/task/{task}/deployed-form", "employee"),
        read("/task/{task}/rendered-form", null),
        read("/task/{task}/identity-links", "employee"),
        read("/task/{task}/comment", "employee"),
        read("/task/{task}/comment/{comment}", "employee"),
        read("/task/{htask}/comment", "employee"),
        read("/task/{task}/attachment", "employee"),
        read("/task/{task}/attachment/{attachment}", "employee"),
        read("/task/{task}/attachment/{attachment}/data", "employee"),
        // --- process instances, executions, their variables, comments, jobs, incidents ---
        read("/process-instance?businessKey={openKey}&maxResults=50", "employee").monitored(),
        read("/process-instance?processInstanceIds={pi}&maxResults=50", "employee").monitored(),
        read("/process-instance/count?businessKey={openKey}", "employee").monitored(),
        query("/process-instance?maxResults=50", Map.of("businessKeyLike", "{employee}-%"), "employee").monitored(),
        read("/process-instance/{pi}", "employee").monitored(),
        // a conversation's readers read its variables through their tasks and its history; here only admins
        read("/process-instance/{pi}/variables", "admin"),
        read("/process-instance/{pi}/variables/employeeName", "admin"),
        read("/process-instance/{pi}/activity-instances", "employee").monitored(),
        read("/process-instance/{pi}/comment", "employee"),
        read("/execution?processInstanceId={pi}&maxResults=50", "employee").monitored(),
        read("/execution/{pi}/localVariables", "admin"),
        read("/variable-instance?processInstanceIdIn={pi}&maxResults=50", "admin"),
        read("/variable-instance?variableValues=employeeId_eq_{employee}&maxResults=50", "admin"),
        read("/variable-instance/{var}", "admin"),
        read("/event-subscription?processInstanceId={pi}&maxResults=50", null).monitored(),
        read("/job?processInstanceId={pi}&maxResults=50", "employee").monitored(),
        read("/job/{job}", "employee").monitored(),
        read("/incident?processInstanceId={pi}&maxResults=50", "employee").monitored(),
        read("/incident/{incident}", "employee").monitored(),
        read("/incident/count?processInstanceId={pi}", "employee").monitored(),
        // --- history: instances, tasks, variables, activities, details, decisions, links, operations ---
        read("/history/process-instance?processInstanceBusinessKey={doneKey}&maxResults=50", "employee").monitored(),
        read("/history/process-instance/{hpi}", "employee").monitored(),
        read("/history/process-instance/count?processInstanceBusinessKeyLike={employee}-%25", "employee").monitored(),
        query("/history/process-instance?maxResults=50", Map.of("processInstanceBusinessKeyLike", "{employee}-%"),
            "employee").monitored(),
        read("/history/task?processInstanceId={hpi}&maxResults=50", "employee").monitored(),
        read("/history/task?taskAssignee={employee}&maxResults=50", "employee").monitored(),
        read("/history/task/count?processInstanceId={hpi}", "employee").monitored(),
        read("/history/variable-instance?processInstanceId={hpi}&maxResults=50", "employee"),
        read("/history/variable-instance?variableName=employeeId&variableValue={employee}&maxResults=50",
            "employee"),
        read("/history/variable-instance/{hvar}", "employee"),
        list("/history/variable-instance?variableName=cadence&maxResults=50", "employee"),
        read("/history/activity-instance?processInstanceId={hpi}&maxResults=50", "employee").monitored(),
        read("/history/detail?processInstanceId={hpi}&maxResults=50", "employee"),
        read("/history/detail/{detail}", "employee"),
        // a decision's inputs are what the manager recorded: administrators only
        read("/history/decision-instance?processInstanceId={hpi}&includeInputs=true&maxResults=50", "admin"),
        read("/history/decision-instance/{decision}?includeInputs=true", "admin"),
        list("/history/decision-instance?decisionDefinitionKey=ReviewCadence&includeInputs=true&maxResults=50",
            "admin"),
        read("/history/identity-link-log?taskId={htask}&maxResults=50", "employee").monitored(),
        read("/history/identity-link-log?userId={employee}&maxResults=50", "employee").monitored(),
        read("/history/user-operation?processInstanceId={hpi}&maxResults=50", "employee").monitored(),
        read("/history/incident?processInstanceId={pi}&maxResults=50", "employee").monitored(),
        read("/history/job-log?processInstanceId={pi}&maxResults=50", "employee").monitored(),
        read("/history/external-task-log?processInstanceId={pi}&maxResults=50", null).monitored(),
        // --- jobs of no process (reminder timers, history cleanup): administrators only ---
        list("/job?maxResults=200", "admin").monitored()
            .leaksIf(json -> json.findValues("processDefinitionKey").stream().anyMatch(JsonNode::isNull)),
        read("/job/{reminderJob}", "admin"),
        read("/history/process-instance/report?reportType=duration&periodUnit=month", "owner").monitored(),
        read("/history/task/report?reportType=count&groupBy=taskName", "owner").monitored(),
        // --- models: readable to whom they are granted, never with anyone's data ---
        list("/process-definition?maxResults=50", "designer"),
        list("/process-definition/statistics?incidents=true", "owner").monitored().allow("olga")
            .leaksIf(json -> json.findValues("instances").stream().anyMatch(n -> n.asInt() > 0)),
        list("/process-definition/{definition}/statistics", "owner").monitored().allow("olga"),
        list("/job-definition?maxResults=50", "designer"),
        read("/decision-definition?maxResults=50", "designer").allow("hugo", "olga"),
        read("/deployment?maxResults=50", "designer").allow("hugo", "olga"),
        // --- people, groups, authorizations, filters ---
        read("/user?id={employee}&maxResults=50", "admin"),
        read("/user/{employee}/profile", "employee"),
        read("/user?emailLike=%25{employee}%25&maxResults=50", "admin"),
        read("/user/count?id={employee}", "admin"),
        // an employee sees that a colleague is in "employees", like on the org chart: no conversation data
        list("/group?member={employee}&maxResults=50", "admin"),
        list("/identity/groups?userId={employee}", "admin"),
        read("/authorization?userIdIn={employee}&maxResults=50", "admin"),
        read("/authorization?resourceId={pi}&maxResults=50", "admin"),
        list("/filter?maxResults=50", "employee"),
        list("/filter/{filter}/list?maxResults=50", "employee"),
        // --- changes: none may succeed ---
        write("POST", "/task/{task}/complete", Map.of("variables", Map.of())),
        write("POST", "/task/{task}/claim", Map.of("userId", "{attacker}")),
        write("POST", "/task/{task}/assignee", Map.of("userId", "{attacker}")),
        write("POST", "/task/{task}/delegate", Map.of("userId", "{attacker}")),
        write("POST", "/task/{task}/comment/create", Map.of("message", "probe")).deniedAlsoBy(400),
        write("DELETE", "/task/{task}/comment/{comment}", null),
        write("PUT", "/task/{task}/comment", Map.of("id", "{comment}", "message", "probe")),
        write("DELETE", "/task/{task}/attachment/{attachment}", null),
        write("DELETE", "/process-instance/{pi}/comment/{comment}", null),
        write("PUT", "/process-instance/{pi}/comment", Map.of("id", "{comment}", "message", "probe")),
        write("PUT", "/task/{task}/variables/probe", Map.of("value", "probe")),
        write("POST", "/process-instance/{pi}/variables", Map.of("modifications", Map.of("probe",
            Map.of("value", "probe")))),
        write("PUT", "/process-instance/{pi}/suspended", Map.of("suspended", true)),
        write("POST", "/process-instance/{pi}/modification", Map.of("instructions",
            List.of(Map.of("type", "cancel", "activityId", TASK_PREPARE_EMPLOYEE)))),
        write("DELETE", "/process-instance/{pi}", null),
        write("DELETE", "/history/process-instance/{hpi}", null),
        write("POST", "/message", Map.of("messageName", MESSAGE_PLAN_REVISION_REQUESTED, "businessKey", "{openKey}"))
            .deniedAlsoBy(400),
        write("POST", "/message", Map.of("messageName", MESSAGE_EMPLOYEE_LEFT, "businessKey", "{openKey}"))
            .deniedAlsoBy(400),
        // a start refused for someone outside one's team says nothing of them (left, no manager, whose report)
        write("POST", "/process-definition/key/CareerConversation/start", Map.of("variables",
            Map.of(EMPLOYEE_ID, Map.of("value", "{employee}")))),
        write("DELETE", "/job/{reminderJob}", null),
        write("PUT", "/job/{reminderJob}/duedate", Map.of("duedate", "2020-01-01T00:00:00.000+0000")),
        write("PUT", "/job/{reminderJob}/suspended", Map.of("suspended", true)),
        write("PUT", "/job/{reminderJob}/retries", Map.of("retries", 0)),
        write("PUT", "/job/{reminderJob}/priority", Map.of("priority", 99)),
        write("POST", "/job/{reminderJob}/execute", null),
        write("POST", "/job/{job}/execute", null),
        write("DELETE", "/deployment/{deployment}?cascade=true", null),
        write("DELETE", "/process-definition/{definition}?cascade=true", null),
        // people change their password, not their name; and not to "a"
        write("PUT", "/user/{attacker}/profile", Map.of("id", "{attacker}", "firstName", "Hanna",
            "lastName", "Hart (HR)", "email", "{attacker}@example.org")),
        write("PUT", "/user/{attacker}/credentials", Map.of("password", "a", "authenticatedUserPassword", "demo"))
            .deniedAlsoBy(400),
        write("POST", "/decision-definition/key/ReviewCadence/evaluate", Map.of("variables", Map.of())),
        write("POST", "/authorization/create", Map.of("type", 1, "permissions", List.of("READ"),
            "userId", "{attacker}", "resourceType", 8, "resourceId", "{pi}")),
        write("POST", "/filter/create", Map.of("resourceType", "Task", "name", "probe", "query", Map.of())),
        write("PUT", "/user/{employee}/credentials", Map.of("password", "probe-probe-probe",
            "authenticatedUserPassword", "demo")),
        write("DELETE", "/user/{employee}", null),
        // expressions in ad-hoc queries are off: a query that would run code is refused
        write("POST", "/task?maxResults=50", Map.of("assigneeExpression", "${'{employee}'}")).deniedAlsoBy(400),
        // --- Cockpit's own API ---
        cockpit(Kind.UNSCOPED, "POST", "/camunda/api/cockpit/plugin/base/default/process-instance?maxResults=50",
            Map.of(), "owner").monitored(),
        cockpit(Kind.UNSCOPED, "POST", "/camunda/api/cockpit/plugin/base/default/process-instance/count",
            Map.of(), "owner").monitored(),
        cockpit(Kind.SCOPED, "GET", "/camunda/api/cockpit/plugin/base/default/incident?processInstanceIdIn={pi}"
            + "&maxResults=50", null, "owner").monitored(),
        cockpit(Kind.UNSCOPED, "GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics"
            + "?firstResult=0&maxResults=50", null, "owner").monitored().allow("olga")
            .leaksIf(json -> json.findValues("instances").stream().anyMatch(n -> n.asInt() > 0)),
        // --- the app's own API ---
        app(Kind.SCOPED, "GET", "/api/employees/{employee}/export", "employee"),
        app(Kind.WRITE, "DELETE", "/api/employees/{employee}/personal-data", null),
        app(Kind.WRITE, "POST", "/api/conversations/{doneKey}/revision-requests", Map.of("reason", "probe"), null),
        // --- the people's pages and their data ---
        app(Kind.SCOPED, "GET", "/api/people/{employee}", "employee"),
        app(Kind.UNSCOPED, "GET", "/api/my-conversations", "employee"),
        app(Kind.UNSCOPED, "GET", "/api/my-team", "manager"),
        app(Kind.UNSCOPED, "GET", "/api/people?manager=maria", "hr"),
        app(Kind.UNSCOPED, "GET", "/api/my-pages", "employee"),
        app(Kind.WRITE, "POST", "/api/people/{employee}/conversations", Map.of(), null),
        page(Kind.SCOPED, "/careers/people/{employee}", "employee"),
        page(Kind.UNSCOPED, "/careers/my-conversations", "employee"),
        page(Kind.UNSCOPED, "/careers/my-team", "manager"),
        page(Kind.UNSCOPED, "/careers/people?manager=maria", "hr"));

    private final Map<String, Map<String, String>> targets = new LinkedHashMap<>();

    @BeforeEach
    void evaAndErikEachHaveAnAgreedAndAnOpenConversation() {
        targets.put("eva", target(engine, jdbc, "eva", "maria"));
        targets.put("erik", target(engine, jdbc, "erik", "maria"));
    }

    @Test
    void noProbeReachesAnotherPersonsConversation() {
        List<String> findings = new ArrayList<>();
        for (String[] attack : ATTACKS) {
            String attacker = attack[0];
            Map<String, String> victim = targets.get(attack[1]);
            EngineRest basic = attacker == null ? rest() : rest().as(attacker);
            WebappSession session = attacker == null ? WebappSession.anonymous(baseUrl())
                : WebappSession.login(baseUrl(), "tasklist", attacker, "demo");
            for (Probe probe : PROBES) {
                String path = fill(probe.path(), victim, attacker);
                Object body = fill(probe.body(), victim, attacker);
                for (Channel channel : channels(probe)) {
                    Answer answer = channel == Channel.BASIC
                        ? basic.send(probe.method(), prefix(probe, channel) + path, body)
                        : session.send(probe.method(), prefix(probe, channel) + path, body);
                    judge(probe, attacker, victim, channel, requestText(path, body), answer).ifPresent(findings::add);
                }
            }
        }
        assertThat(findings).as("answers that leak or are not a denial").isEmpty();
    }

    @Test
    void everyProbeReachesDataForSomeoneEntitledToIt() {
        List<String> dead = new ArrayList<>();
        for (Map<String, String> victim : targets.values()) {
            Map<String, String> controls = Map.of("employee", victim.get("employee"), "manager", "maria",
                "owner", "olga", "hr", "hanna", "admin", "admin", "designer", "hugo");
            for (Probe probe : PROBES) {
                if (probe.control() == null) {
                    continue;
                }
                String user = controls.get(probe.control());
                String path = fill(probe.path(), victim, user);
                Object body = fill(probe.body(), victim, user);
                for (Channel channel : channels(probe)) {
                    Answer answer = channel == Channel.BASIC
                        ? rest().as(user).send(probe.method(), prefix(probe, channel) + path, body)
                        : session(user, probe).send(probe.method(), prefix(probe, channel) + path, body);
                    if (answer.status() / 100 != 2 || isEmpty(answer.body())) {
                        dead.add(channel + " " + probe.method() + " " + path + " as " + user + " → " + answer.status()
                            + " " + shorten(answer.body()));
                    }
                }
            }
        }
        assertThat(dead).as("probes that reach nothing even for someone entitled").isEmpty();
    }

    @Test
    void onlyTheAdministratorsLogIntoAdminAndOnlyMonitorsIntoCockpit() {
        for (String user : List.of("eva", "erik", "mark", "dora", "maria", "hugo", "hanna")) {
            assertThat(WebappSession.login(baseUrl(), "admin", user, "demo").loginStatus).as(user + " → Admin")
                .isEqualTo(403);
        }
        assertThat(WebappSession.login(baseUrl(), "admin", "admin", "demo").loginStatus).isEqualTo(200);
        for (String user : List.of("eva", "erik", "mark", "dora", "maria", "hugo")) {
            assertThat(WebappSession.login(baseUrl(), "cockpit", user, "demo").loginStatus).as(user + " → Cockpit")
                .isEqualTo(403);
        }
        for (String user : List.of("hanna")) {
            assertThat(WebappSession.login(baseUrl(), "cockpit", user, "demo").loginStatus).isEqualTo(200);
        }
    }

    @Test
    void eachWebappsOwnApiAnswersOnlyThePeopleOfThatWebapp() {
        String cockpitStatistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics"
            + "?firstResult=0&maxResults=50";
        String adminMetrics = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
            + "?metrics=process-instances&subscriptionStartDate=2026-01-01&groupBy=month";
        WebappSession erik = WebappSession.login(baseUrl(), "tasklist", "erik", "demo");

        Answer statistics = erik.send("GET", cockpitStatistics, null);
        assertThat(statistics.status()).as(statistics.body()).isEqualTo(403);
        assertThat(statistics.body()).doesNotContain("instances");
        assertThat(erik.send("GET", adminMetrics, null).status()).isEqualTo(403);
        // his own login stays readable, as Tasklist needs it
        assertThat(erik.send("GET", "/camunda/api/admin/auth/user/default", null).status()).isEqualTo(200);

        assertThat(WebappSession.login(baseUrl(), "cockpit", "hanna", "demo").send("GET", cockpitStatistics, null)
            .status()).isEqualTo(200);
        assertThat(WebappSession.login(baseUrl(), "cockpit", "hanna", "demo").send("GET", adminMetrics, null)
            .status()).isEqualTo(403);
        assertThat(WebappSession.login(baseUrl(), "admin", "admin", "demo").send("GET", adminMetrics, null)
            .status()).isEqualTo(200);
    }

    // --- the victims ---

    /** An agreed cycle and an open one, with a comment, an attachment, a local variable and an incident. */
    static Map<String, String> target(ProcessEngine engine, JdbcTemplate jdbc, String employee, String manager) {
        TaskService taskService = engine.getTaskService();
        RuntimeService runtimeService = engine.getRuntimeService();
        Conversations conversations = new Conversations(engine);
        String secret = "SECRET-" + employee;
        String hpi = conversations.preparing("hanna", employee, manager);
        String htask = conversations.taskId(hpi, TASK_PREPARE_EMPLOYEE);
        String hcomment = conversations.as(employee, () -> taskService.createComment(htask, hpi,
            secret + " about the past").getId());
        conversations.complete(employee, hpi, TASK_PREPARE_EMPLOYEE, Conversations.prepareEmployee(secret));
        conversations.complete(manager, hpi, TASK_PREPARE_MANAGER, Conversations.prepareManager(secret));
        conversations.complete(manager, hpi, TASK_HOLD_CONVERSATION, Submissions.holdConversation("held", null));
        conversations.complete(manager, hpi, TASK_DOCUMENT_AGREEMENTS, Conversations.documentAgreements(secret));
        conversations.complete(employee, hpi, TASK_SIGN_OFF, Submissions.agree());

        String pi = conversations.preparing("hanna", employee, manager);
        String task = conversations.taskId(pi, TASK_PREPARE_EMPLOYEE);
        String comment = conversations.as(employee, () -> taskService.createComment(task, pi, secret + " now").getId());
        String attachment = conversations.as(employee, () -> taskService.createAttachment("text/plain", task, pi,
            secret + "-notes.txt", secret + " notes", new ByteArrayInputStream((secret + " content")
                .getBytes(StandardCharsets.UTF_8))).getId());
        taskService.setVariableLocal(task, "note", secret + " local note");
        String execution = taskService.createTaskQuery().taskId(task).singleResult().getExecutionId();
        // an incident says what went wrong, which process owners read: no text of the employee's in it
        String incident = runtimeService.createIncident("probe", execution, "probe", "probe incident").getId();

        var history = engine.getHistoryService();
        HistoricDecisionInstance decision = history.createHistoricDecisionInstanceQuery().processInstanceId(hpi)
            .singleResult();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("employee", employee);
        ids.put("name", engine.getIdentityService().createUserQuery().userId(employee).singleResult().getFirstName()
            + " " + engine.getIdentityService().createUserQuery().userId(employee).singleResult().getLastName());
        ids.put("email", employee + "@example.org");
        ids.put("secret", secret);
        ids.put("openKey", runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult()
            .getBusinessKey());
        ids.put("doneKey", history.createHistoricProcessInstanceQuery().processInstanceId(hpi).singleResult()
            .getBusinessKey());
        ids.put("pi", pi);
        ids.put("hpi", hpi);
        ids.put("task", task);
        ids.put("htask", htask);
        ids.put("comment", comment);
        ids.put("hcomment", hcomment);
        ids.put("attachment", attachment);
        ids.put("var", runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi).variableName(EMPLOYEE_NAME)
            .singleResult().getId());
        ids.put("hvar", history.createHistoricVariableInstanceQuery().processInstanceId(hpi)
            .variableName(FEEDBACK_SUMMARY).singleResult().getId());
        ids.put("detail", history.createHistoricDetailQuery().processInstanceId(hpi).variableUpdates().list().get(0)
            .getId());
        ids.put("decision", decision.getId());
        ids.put("job", engine.getManagementService().createJobQuery().processInstanceId(pi).list().get(0).getId());
        ids.put("reminderJob", jdbc.queryForObject("select ID_ from ACT_RU_JOB where HANDLER_TYPE_ = ? and "
            + "HANDLER_CFG_ like ?", String.class, ProcessIds.REMINDER_DUE_JOB, task + ";%"));
        ids.put("incident", incident);
        ids.put("definition", runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult()
            .getProcessDefinitionId());
        ids.put("deployment", engine.getRepositoryService().getProcessDefinition(ids.get("definition"))
            .getDeploymentId());
        ids.put("filter", engine.getFilterService().createFilterQuery().filterName("My tasks").singleResult().getId());
        return ids;
    }

    /** What must never come back to an attacker: whatever identifies the victim or their conversations. */
    private static List<String> markers(Map<String, String> victim) {
        return List.of(victim.get("name"), victim.get("email"), victim.get("secret"), victim.get("openKey"),
            victim.get("doneKey"), victim.get("pi"), victim.get("hpi"), victim.get("task"), victim.get("htask"),
            "\"" + victim.get("employee") + "\"");
    }

    // --- judging ---

    /** TOKEN: a bearer token of the organisation's identity provider, with single sign-on (SsoProbeSuiteTest). */
    enum Channel { BASIC, SESSION, TOKEN }

    static List<Channel> channels(Probe probe) {
        return probe.api() == Api.COCKPIT || probe.api() == Api.PAGE ? List.of(Channel.SESSION)
            : List.of(Channel.BASIC, Channel.SESSION);
    }

    static String prefix(Probe probe, Channel channel) {
        return switch (probe.api()) {
            case ENGINE -> channel == Channel.SESSION ? "/camunda/api/engine/engine/default" : "/engine-rest";
            case COCKPIT, APP, PAGE -> "";
        };
    }

    /** request: the path and body sent; what they name of the victim may come back in a refusal. */
    static Optional<String> judge(Probe probe, String attacker, Map<String, String> victim, Channel channel,
                                  String request, Answer answer) {
        String who = (attacker == null ? "nobody" : attacker) + " via " + channel + " " + probe.method() + " " + request;
        int status = answer.status();
        if (attacker == null) {
            return status == 401 || (probe.api() == Api.PAGE && status == 302) ? Optional.empty()
                : Optional.of(who + " → " + status + " (expected 401) " + shorten(answer.body()));
        }
        boolean success = status / 100 == 2;
        boolean monitoring = MONITORS.contains(attacker) && probe.forMonitors();
        // a process owner may see the conversation, never what people wrote in it
        List<String> markers = monitoring ? List.of(victim.get("secret")) : markers(victim);
        for (String marker : markers) {
            if (answer.body().contains(marker) && (success || !request.contains(marker))) {
                return Optional.of(who + " → " + status + " LEAKS '" + marker + "': "
                    + shorten(answer.body()));
            }
        }
        boolean allowed = probe.allowedFor().contains(attacker);
        if (success && !allowed && probe.api() != Api.PAGE && !answer.body().isBlank()
            && probe.leaksIf().test(answer.json())) {
            return Optional.of(who + " → " + status + " leaks: " + shorten(answer.body()));
        }
        boolean denied = status == 403 || status == 404 || status == 401 || probe.alsoDenial().contains(status);
        allowed = allowed || monitoring;
        String problem = switch (probe.kind()) {
            case WRITE -> denied ? null : "is not refused";
            case SCOPED -> denied || (success && (allowed || isEmpty(answer.body()))) ? null
                : "is neither denied nor empty";
            case UNSCOPED -> denied || success ? null : "fails";
        };
        return problem == null ? Optional.empty()
            : Optional.of(who + " → " + status + " " + problem + ": " + shorten(answer.body()));
    }

    static boolean isEmpty(String body) {
        String trimmed = body == null ? "" : body.trim();
        return trimmed.isEmpty() || trimmed.equals("[]") || trimmed.equals("{}")
            || trimmed.replace(" ", "").equals("{\"count\":0}");
    }

    // --- plumbing ---

    private final Map<String, WebappSession> sessions = new LinkedHashMap<>();

    private WebappSession session(String user, Probe probe) {
        String app = probe.api() == Api.COCKPIT ? "cockpit" : "tasklist";
        return sessions.computeIfAbsent(user + "@" + app, k -> WebappSession.login(baseUrl(), app, user, "demo"));
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    static String fill(String template, Map<String, String> victim, String attacker) {
        String result = template.replace("{attacker}", attacker == null ? "nobody" : attacker);
        for (Map.Entry<String, String> id : victim.entrySet()) {
            result = result.replace("{" + id.getKey() + "}", id.getValue());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    static Object fill(Object body, Map<String, String> victim, String attacker) {
        if (body instanceof String text) {
            return fill(text, victim, attacker);
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> filled = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> filled.put(k, fill(v, victim, attacker)));
            return filled;
        }
        if (body instanceof List<?> list) {
            return list.stream().map(v -> fill(v, victim, attacker)).toList();
        }
        return body;
    }

    static String requestText(String path, Object body) {
        try {
            return body == null ? path : path + " " + new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shorten(String body) {
        String oneLine = body == null ? "" : body.replace('\n', ' ');
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
