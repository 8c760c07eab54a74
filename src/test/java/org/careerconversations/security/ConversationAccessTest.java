package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessIds.TASK_PREPARE_EMPLOYEE;
import static org.careerconversations.process.ProcessIds.TASK_PREPARE_MANAGER;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who reads a conversation follows the organisation: the HR partner reads their own population, a new
 * manager or HR partner takes over (open tasks, record, variables, all grants), the former one loses all
 * access, a leaver loses everything, and indirect reports are visible only when configured. otto manages
 * oskar; holly and hedda are HR partners who, unlike hanna, are not process owners.
 */
class ConversationAccessTest extends AppTest {

    @Autowired
    ConversationAccess access;
    @Autowired
    Handover handover;
    @Autowired
    Lockout lockout;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    private Conversations conversations;

    @BeforeEach
    void ottoManagesOskarAndHollyIsTheirHrPartner() {
        conversations = new Conversations(engine);
        Conversations.hire(jdbc, engine, "holly", "Holly Hale", null, null, Groups.HR);
        Conversations.hire(jdbc, engine, "hedda", "Hedda Holm", null, null, Groups.HR);
        Conversations.hire(jdbc, engine, "otto", "Otto Olbrich", "dora", "holly", Groups.MANAGERS);
        Conversations.hire(jdbc, engine, "oskar", "Oskar Quist", "otto", "holly", Groups.EMPLOYEES);
    }

    @AfterEach
    void theyLeave() {
        Conversations.fire(jdbc, engine, "oskar", "otto", "hedda", "holly");
    }

    @Test
    void anHrPartnerReadsTheirOwnPopulationOnly() {
        String oskars = conversations.preparing("holly", "oskar", "otto");
        String evas = conversations.preparing("hanna", "eva", "maria");

        EngineRest holly = rest().as("holly");
        assertThat(ids(holly.get("/engine-rest/process-instance?maxResults=50"))).containsExactly(oskars);
        assertThat(ids(holly.get("/engine-rest/history/process-instance?maxResults=50"))).containsExactly(oskars);
        assertThat(holly.get("/engine-rest/process-instance/" + evas + "/variables").status()).isIn(403, 404);
        assertThat(holly.get("/engine-rest/history/variable-instance?maxResults=50&processInstanceId=" + evas).json())
            .isEmpty();
        // nor does she read other people's decisions: decision history has no per-instance permission
        assertThat(holly.get("/engine-rest/history/decision-instance?maxResults=50").json()).isEmpty();
    }

    @Test
    void aNewManagerTakesOverAndTheFormerOneSeesNothingAnyMore() {
        String agreed = conversations.agreed("holly", "oskar", "otto", "SECRET-oskar");
        String open = conversations.preparing("holly", "oskar", "otto");

        jdbc.update("update employee set manager_id = 'maria' where id = 'oskar'");
        handover.managerChanged("oskar", "otto", "maria");

        // the open conversation is maria's now: record, variables, her task, and oskar's task names her
        assertThat(jdbc.queryForObject("select manager_id from conversation where process_instance_id = ?",
            String.class, open)).isEqualTo("maria");
        assertThat(jdbc.queryForObject("select manager_id from conversation where process_instance_id = ?",
            String.class, agreed)).as("who held the finished conversation stays on its record").isEqualTo("otto");
        assertThat(runtimeService.getVariable(open, MANAGER_ID)).isEqualTo("maria");
        assertThat(runtimeService.getVariable(open, MANAGER_NAME)).isEqualTo("Maria Mendes");
        Task managerTask = task(open, TASK_PREPARE_MANAGER);
        assertThat(managerTask.getAssignee()).isEqualTo("maria");
        assertThat(task(open, TASK_PREPARE_EMPLOYEE).getName())
            .isEqualTo("Prepare your career conversation with Maria Mendes");

        EngineRest otto = rest().as("otto");
        assertThat(otto.get("/engine-rest/process-instance?maxResults=50").json()).isEmpty();
        assertThat(otto.get("/engine-rest/history/process-instance?maxResults=50").json()).isEmpty();
        assertThat(otto.get("/engine-rest/history/task?maxResults=50&processInstanceId=" + agreed).json()).isEmpty();
        assertThat(otto.get("/engine-rest/task/" + managerTask.getId()).status()).isIn(403, 404);

        EngineRest maria = rest().as("maria");
        assertThat(ids(maria.get("/engine-rest/history/process-instance?maxResults=50&processInstanceBusinessKeyLike"
            + "=oskar-%25"))).containsExactlyInAnyOrder(agreed, open);
        Answer completed = maria.post("/engine-rest/task/" + managerTask.getId() + "/complete",
            variables(Conversations.prepareManager("maria's view")));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    }

    @Test
    void aNewHrPartnerTakesOverFromTheFormerOne() {
        String agreed = conversations.agreed("holly", "oskar", "otto", "SECRET-oskar");
        String open = conversations.preparing("holly", "oskar", "otto");

        jdbc.update("update employee set hr_partner_id = 'hedda' where id = 'oskar'");
        handover.hrPartnerChanged("oskar", "holly", "hedda");

        assertThat(jdbc.queryForObject("select hr_partner_id from conversation where process_instance_id = ?",
            String.class, open)).isEqualTo("hedda");
        assertThat(runtimeService.getVariable(open, HR_PARTNER_ID)).isEqualTo("hedda");
        assertThat(rest().as("holly").get("/engine-rest/history/process-instance?maxResults=50").json()).isEmpty();
        assertThat(ids(rest().as("hedda").get("/engine-rest/history/process-instance?maxResults=50")))
            .containsExactlyInAnyOrder(agreed, open);
    }

    @Test
    void someoneWhoLeftReadsNothingAndCannotLogIn() {
        conversations.agreed("holly", "oskar", "otto", "SECRET-oskar");
        assertThat(authorizationService.createAuthorizationQuery().userIdIn("otto").count()).isPositive();

        lockout.lockOut("otto");

        assertThat(authorizationService.createAuthorizationQuery().userIdIn("otto").count()).isZero();
        assertThat(identityService.createGroupQuery().groupMember("otto").count()).isZero();
        assertThat(rest().as("otto").get("/engine-rest/history/process-instance?maxResults=50").status())
            .isEqualTo(401);
        assertThat(WebappSession.login("http://localhost:" + port, "tasklist", "otto", "demo").loginStatus)
            .isNotEqualTo(200);
    }

    @Test
    void theManagersAboveReadAConversationOnlyWhenConfigured() {
        String open = conversations.preparing("holly", "oskar", "otto");
        EngineRest dora = rest().as("dora");
        assertThat(dora.get("/engine-rest/process-instance/" + open).status()).as("off by default").isIn(403, 404);

        ConversationAccess indirect = new ConversationAccess(authorizationService, identityService, runtimeService,
            historyService, jdbc, true);
        indirect.reconcile("oskar");
        assertThat(dora.get("/engine-rest/process-instance/" + open).status()).isEqualTo(200);
        assertThat(ids(dora.get("/engine-rest/history/process-instance?maxResults=50"))).containsExactly(open);

        access.reconcile("oskar");
        assertThat(dora.get("/engine-rest/process-instance/" + open).status()).isIn(403, 404);
    }

    @Test
    void aSubmissionCannotPointTheProcessAtAnotherConversation() {
        String evas = conversations.preparing("hanna", "eva", "maria");
        conversations.preparing("hanna", "erik", "maria");
        long eriksRecord = jdbc.queryForObject("select id from conversation where employee_id = 'erik'", Long.class);
        String evasTask = conversations.taskId(evas, TASK_PREPARE_EMPLOYEE);

        Map<String, Object> forged = new java.util.LinkedHashMap<>(Conversations.prepareEmployee("SECRET-eva"));
        forged.put(CONVERSATION_ID, eriksRecord);
        Answer answer = rest().as("eva").post("/engine-rest/task/" + evasTask + "/complete", variables(forged));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.message()).contains("conversationId is set by the process");
        assertThat(jdbc.queryForObject("select count(*) from conversation where went_well is not null",
            Integer.class)).isZero();
        assertThat(taskService.createTaskQuery().taskId(evasTask).count()).isOne();
    }

    private Task task(String processInstanceId, String key) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
            .singleResult();
    }

    private static List<String> ids(Answer answer) {
        JsonNode array = answer.json();
        assertThat(array.isArray()).as(answer.body()).isTrue();
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }
}
