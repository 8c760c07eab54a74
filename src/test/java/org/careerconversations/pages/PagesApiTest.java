package org.careerconversations.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.*;

import java.util.Map;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.security.WebappSession;
import org.junit.jupiter.api.Test;

/**
 * The data endpoints and pages of My conversations, My team and People on H2: a whole cycle as eva, maria and
 * hanna read it ({@link PagesWalk}), who may not read what, and bad input.
 */
class PagesApiTest extends AppTest {

    @Test
    void evaMariaAndHannaFollowACycleOnTheirPages() {
        new PagesWalk(baseUrl(), jdbc, engine).walkAndCheck();
    }

    @Test
    void nobodyElseReadsEvasRecord() {
        new Conversations(engine).agreed("hanna", "eva", "maria", "SECRET-eva");
        for (String outsider : new String[] {"erik", "mark", "hugo", "dora", "olga"}) {
            if (engine.getIdentityService().createUserQuery().userId(outsider).count() == 0) {
                continue;
            }
            Answer answer = rest().as(outsider).get("/api/people/eva");
            assertThat(answer.status()).as(outsider + ": " + answer.body()).isEqualTo(403);
            assertThat(answer.message()).isEqualTo("You may not read this person's career conversations: only they, "
                + "their manager and their HR partner may.");
            assertThat(answer.body()).doesNotContain("SECRET").doesNotContain("Eva Evers");
        }
        assertThat(rest().get("/api/people/eva").status()).isEqualTo(401);
        assertThat(rest().get("/api/my-conversations").status()).isEqualTo(401);
        // her manager and her HR partner read it
        assertThat(rest().as("maria").get("/api/people/eva").body()).contains("SECRET-eva goal");
        assertThat(rest().as("hanna").get("/api/people/eva").body()).contains("SECRET-eva goal");
    }

    @Test
    void unknownPeopleAndOtherPeoplesListsAreRefusedWithASentence() {
        Answer unknown = rest().as("maria").get("/api/people/nobody-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.message()).isEqualTo("There is nobody with this id in the organisation.");

        Answer notHr = rest().as("maria").get("/api/people");
        assertThat(notHr.status()).isEqualTo(403);
        assertThat(notHr.message()).startsWith("The People page is for HR partners");

        Answer badPhase = rest().as("hanna").get("/api/people?phase=nearly-done");
        assertThat(badPhase.status()).isEqualTo(400);
        assertThat(badPhase.message()).startsWith("Phase must be one of: none, scheduling, preparing");

        // erik manages nobody: his team is empty, not someone else's
        Answer erik = rest().as("erik").get("/api/my-team");
        assertThat(erik.status()).isEqualTo(200);
        assertThat(erik.json().path("rows")).isEmpty();
        assertThat(rest().as("admin").get("/api/my-conversations").status()).isEqualTo(404);
    }

    @Test
    void onlyTheManagerOrHrStartAConversationAndARefusalChangesNothing() {
        Answer colleague = rest().as("erik").post("/api/people/eva/conversations", Map.of());
        assertThat(colleague.status()).as(colleague.body()).isEqualTo(403);
        Answer otherManager = rest().as("mark").post("/api/people/eva/conversations", Map.of());
        assertThat(otherManager.status()).as(otherManager.body()).isEqualTo(403);
        // mark learns that he may not, nothing about eva (whose report she is, whether she is there at all)
        assertThat(otherManager.message()).isEqualTo("You can start career conversations for the people who report "
            + "to you, and HR partners for the people they look after.");
        Answer unknown = rest().as("maria").post("/api/people/nobody-here/conversations", Map.of());
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.message()).isEqualTo(otherManager.message());
        assertThat(rest().as("maria").send("POST", "/api/people/eva/conversations", null).status())
            .as("not JSON").isEqualTo(415);
        assertThat(jdbc.queryForObject("select count(*) from conversation", Integer.class)).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void aRevisionRequestNeedsAReasonOfAtMost2000Characters() {
        new Conversations(engine).agreed("hanna", "eva", "maria", "SECRET-eva");
        WebappSession eva = WebappSession.login(baseUrl(), "tasklist", "eva", "demo");

        Answer empty = eva.send("POST", "/api/conversations/eva-1/revision-requests", Map.of("reason", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.message()).isEqualTo("Reason is required: say what has changed.");
        Answer missing = eva.send("POST", "/api/conversations/eva-1/revision-requests", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        Answer tooLong = eva.send("POST", "/api/conversations/eva-1/revision-requests", Map.of("reason",
            "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.message()).isEqualTo("Reason must be at most 2,000 characters (you entered 2001).");
        Answer unknown = eva.send("POST", "/api/conversations/eva-9/revision-requests", Map.of("reason", "x"));
        assertThat(unknown.status()).isEqualTo(404);

        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_REVISE_PLAN).count()).isZero();
        assertThat(jdbc.queryForObject("select plan_version from conversation where business_key = 'eva-1'",
            Integer.class)).isEqualTo(1);
    }

    @Test
    void thePagesOpenWithTheTasklistLoginOnly() {
        new Conversations(engine).agreed("hanna", "eva", "maria", "SECRET-eva");

        // nobody logged in: off to Tasklist's login, remembering the page; HTTP Basic is no way in
        Answer anonymous = WebappSession.anonymous(baseUrl()).send("GET", "/careers/my-conversations", null);
        assertThat(anonymous.status()).isEqualTo(302);
        Answer basic = rest().as("eva").get("/careers/my-conversations");
        assertThat(basic.status()).isEqualTo(302);

        WebappSession eva = WebappSession.login(baseUrl(), "tasklist", "eva", "demo");
        Answer page = eva.send("GET", "/careers/my-conversations", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("SECRET-eva goal", "SECRET-eva course", "Download my data",
            "Ask to revise my plan", "<meta name=\"csrf-token\" content=\"" + eva.csrfToken() + "\">",
            "href=\"/api/employees/eva/export\"");
        // Download my data: the export, with the same login
        Answer export = eva.send("GET", "/api/employees/eva/export", null);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("SECRET-eva goal");

        WebappSession erik = WebappSession.login(baseUrl(), "tasklist", "erik", "demo");
        Answer refused = erik.send("GET", "/careers/people/eva", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("You may not read this person&#39;s career conversations")
            .doesNotContain("SECRET").doesNotContain("Eva Evers");
        assertThat(erik.send("GET", "/careers/my-team", null).body()).contains("Nobody reports to you.")
            .doesNotContain("Eva Evers");
        assertThat(erik.send("GET", "/careers/people", null).status()).isEqualTo(403);

        WebappSession maria = WebappSession.login(baseUrl(), "tasklist", "maria", "demo");
        assertThat(maria.send("GET", "/careers/my-team", null).body()).contains("Eva Evers",
            "Agreed, following up the plan", "0 of 1 step done");
        assertThat(maria.send("GET", "/api/my-pages", null).body()).contains("My conversations", "My team")
            .doesNotContain("People");
        assertThat(WebappSession.login(baseUrl(), "tasklist", "hanna", "demo").send("GET", "/api/my-pages", null)
            .body()).contains("People");
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
