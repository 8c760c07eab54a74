package org.careerconversations.security.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessIds.TASK_PREPARE_EMPLOYEE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.security.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Integrations call the engine REST API and the app's API with the provider's bearer tokens, as the person the
 * token names and with that person's authorizations. A token that is expired, forged, from another issuer, for
 * another application or for someone the organisation does not list is refused with 401 and a reason in a
 * sentence; passwords are off with single sign-on.
 */
@ExtendWith(OutputCaptureExtension.class)
class SsoTokensTest extends SsoAppTest {

    private static final String TASKS = "/engine-rest/task?maxResults=50";

    @AfterEach
    void organisationAsBefore() {
        jdbc.update("update employee set active = true where id = 'emil'");
        var identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupMember("emma").groupId(Groups.PROCESS_OWNERS).count() > 0) {
            identity.deleteMembership("emma", Groups.PROCESS_OWNERS);
        }
        if (identity.createGroupQuery().groupMember("dora").groupId(Groups.PROCESS_OWNERS).count() > 0) {
            identity.deleteMembership("dora", Groups.PROCESS_OWNERS);
        }
    }

    @Test
    void evasTokenReadsHerTasksAndNotEriks() {
        Conversations conversations = new Conversations(engine);
        String evasTask = conversations.taskId(conversations.preparing("hanna", "eva", "maria"), TASK_PREPARE_EMPLOYEE);
        String eriksTask = conversations.taskId(conversations.preparing("hanna", "erik", "maria"),
            TASK_PREPARE_EMPLOYEE);
        EngineRest eva = withToken("eva");

        Answer tasks = eva.get(TASKS);
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        assertThat(tasks.json().findValuesAsText("id")).contains(evasTask).doesNotContain(eriksTask);
        assertThat(eva.get("/engine-rest/task/" + eriksTask).status()).isIn(403, 404);
        assertThat(eva.get("/engine-rest/task?assignee=erik&maxResults=50").body()).isEqualTo("[]");

        Answer mine = eva.get("/api/my-conversations");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.body()).contains("eva-1").doesNotContain("erik-1");
        assertThat(eva.get("/api/people/erik").status()).isIn(403, 404);
    }

    @Test
    void aTokenActsAsItsPersonWithoutTheBrowsersCsrfToken() {
        Answer started = withToken("maria").post("/api/people/eva/conversations", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().path("businessKey").asText()).isEqualTo("eva-1");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CAREER_CONVERSATION)
            .processInstanceBusinessKey("eva-1").count()).isOne();

        // mark signs in with his e-mail address, as Microsoft Entra ID names people: he is mark
        Answer marksPages = withToken("mark").get("/api/my-pages");
        assertThat(marksPages.status()).as(marksPages.body()).isEqualTo(200);
        assertThat(marksPages.body()).contains("My team");
        assertThat(withToken("mark").post("/api/people/eva/conversations", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void badTokensAreRefusedWithAReasonAndOneLineInTheLog(CapturedOutput log) {
        Map<TokenRefusals.Reason, String> tokens = Map.of(
            TokenRefusals.Reason.EXPIRED, PROVIDER.token("eva", false, claims -> claims
                .issuedAt(Instant.now().minusSeconds(7200)).notBefore(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))),
            TokenRefusals.Reason.SIGNATURE, PROVIDER.token("eva", true, claims -> { }),
            TokenRefusals.Reason.OTHER_ISSUER, PROVIDER.token("eva", false, claims -> claims
                .issuer("http://127.0.0.1:1/other")),
            TokenRefusals.Reason.OTHER_AUDIENCE, PROVIDER.token("eva", false, claims -> claims
                .audience(List.of("another-app"))),
            TokenRefusals.Reason.NOT_LISTED, PROVIDER.accessToken("zoe"),
            TokenRefusals.Reason.UNREADABLE, "not-a-token");
        Map<TokenRefusals.Reason, String> reasons = Map.of(
            TokenRefusals.Reason.EXPIRED, "The token has expired: get a new one from your organisation's identity "
                + "provider.",
            TokenRefusals.Reason.SIGNATURE, "The token's signature does not match the keys of the identity provider.",
            TokenRefusals.Reason.OTHER_ISSUER, "The token comes from another identity provider than the one this app "
                + "trusts.",
            TokenRefusals.Reason.OTHER_AUDIENCE, "The token was issued for another application, not for this one.",
            TokenRefusals.Reason.NOT_LISTED, "Your account is not in the organisation's list — ask your HR partner.",
            TokenRefusals.Reason.UNREADABLE, "The token cannot be read: send the access token of your organisation's "
                + "identity provider as 'Authorization: Bearer <token>'.");
        new Conversations(engine).preparing("hanna", "eva", "maria");

        tokens.forEach((reason, token) -> {
            for (String path : List.of(TASKS, "/api/my-conversations")) {
                Answer refused = rest().withHeader("Authorization", "Bearer " + token).get(path);
                assertThat(refused.status()).as(reason + " " + path).isEqualTo(401);
                assertThat(refused.message()).as(reason + " " + path).isEqualTo(reasons.get(reason));
                assertThat(refused.body()).doesNotContain("eva-1", "Eva");
                assertThat(refused.header("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
            }
            assertThat(log.getOut().lines().filter(line -> line.contains("(bearer token: " + reason.logged + ")")))
                .as(reason.name()).satisfiesExactlyInAnyOrder(
                    line -> assertThat(line).contains("WARN").contains("GET /engine-rest/task refused: 401"),
                    line -> assertThat(line).contains("WARN").contains("GET /api/my-conversations refused: 401"));
        });
        assertThat(log.getOut()).doesNotContain("zoe", tokens.get(TokenRefusals.Reason.EXPIRED));
    }

    @Test
    void anEmployeeWhoLeftIsRefusedWithAValidToken() {
        String token = PROVIDER.accessToken("emil");
        assertThat(rest().withHeader("Authorization", "Bearer " + token).get(TASKS).status()).isEqualTo(200);

        jdbc.update("update employee set active = false where id = 'emil'");

        Answer refused = rest().withHeader("Authorization", "Bearer " + token).get(TASKS);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.message()).isEqualTo("Your account is not in the organisation's list — ask your HR partner.");
    }

    @Test
    void passwordsAreOffWithSingleSignOn() {
        Answer engine = rest().as("eva").get(TASKS);
        assertThat(engine.status()).isEqualTo(401);
        assertThat(engine.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        Answer api = rest().as("eva").get("/api/my-conversations");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.message()).isEqualTo("Authentication required: a bearer token of your organisation's identity "
            + "provider, or log in to Tasklist");
        assertThat(rest().as("admin").get("/engine-rest/user?maxResults=50").status()).isEqualTo(401);
    }

    @Test
    void theProvidersGroupsDecideWhoOwnsTheProcess() {
        var identity = engine.getIdentityService();
        identity.createMembership("dora", Groups.PROCESS_OWNERS);

        // emma is a process owner at the provider, dora is not any more
        assertThat(withToken("emma").get("/engine-rest/process-definition/statistics").status()).isEqualTo(200);
        assertThat(withToken("dora").get(TASKS).status()).isEqualTo(200);

        assertThat(identity.createGroupQuery().groupMember("emma").groupId(Groups.PROCESS_OWNERS).count()).isOne();
        assertThat(identity.createGroupQuery().groupMember("dora").groupId(Groups.PROCESS_OWNERS).count()).isZero();
        assertThat(identity.createGroupQuery().groupMember("emma").groupId(Groups.EMPLOYEES).count())
            .as("the organisation's groups stay the organisation's").isOne();
    }
}
