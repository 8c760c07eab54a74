package org.careerconversations.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.careerconversations.AppTest;
import org.careerconversations.conversation.Submissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Importing the organisation through the app's API, as HR; every test leaves the demo organisation as it was. */
class OrganisationImportTest extends AppTest {

    private static final String HEADER = "id,name,email,managerId,hrPartnerId,hireDate,employmentType,jobTitle";
    private static final List<String> DEMO = List.of(
        "hanna,Hanna Hart,hanna@example.org,,hanna,2015-03-01,permanent,HR Partner",
        "hugo,Hugo Haas,hugo@example.org,,hanna,2020-01-15,permanent,HR Process Designer",
        "dora,Dora Dijkstra,dora@example.org,,hanna,2012-09-01,permanent,Director",
        "maria,Maria Mendes,maria@example.org,dora,hanna,2016-05-01,permanent,Engineering Manager",
        "mark,Mark Meijer,mark@example.org,dora,hanna,2019-09-16,permanent,Sales Manager",
        "eva,Eva Evers,eva@example.org,maria,hanna,2026-09-01,probation,Software Engineer",
        "erik,Erik Eriksen,erik@example.org,maria,hanna,2018-02-01,permanent,Senior Software Engineer",
        "emma,Emma Engel,emma@example.org,maria,hanna,2025-04-01,fixed-term,UX Designer",
        "emil,Emil Eder,emil@example.org,mark,hanna,2026-02-02,permanent,Account Manager",
        "elin,Elin Ek,elin@example.org,mark,hanna,2021-06-01,permanent,Sales Engineer",
        "olga,Olga Olsen,olga@example.org,,hanna,2017-11-06,permanent,Process Owner");

    @Autowired
    IdentityService identity;

    @AfterEach
    void restoreTheDemoOrganisation() {
        JsonNode restored = post("hanna", csv(DEMO), "full").json();
        assertThat(restored.path("imported").asBoolean()).as(restored.toString()).isTrue();
        // a leaver's password was replaced; the demo's people log in with "demo"
        for (String id : List.of("emma")) {
            org.camunda.bpm.engine.identity.User user = identity.createUserQuery().userId(id).singleResult();
            user.setPassword("demo");
            identity.saveUser(user);
        }
        for (String id : jdbc.queryForList("select id from employee where id like 'new%'", String.class)) {
            jdbc.update("delete from employee where id = ?", id);
            identity.deleteUser(id);
        }
    }

    @Test
    void theDemoOrganisationAsAFileChangesNothing() {
        JsonNode report = post("hanna", csv(DEMO), "full").json();

        assertThat(report.path("imported").asBoolean()).isTrue();
        assertThat(report.path("unchanged").asInt()).isEqualTo(DEMO.size());
        assertThat(report.path("created").asInt() + report.path("updated").asInt()
            + report.path("deactivated").asInt()).isZero();
    }

    @Test
    void aGoodFileCreatesAndUpdatesEmployeesUsersAndGroups() {
        List<String> lines = new ArrayList<>(DEMO);
        lines.set(6, "erik,Erik Eriksen,erik.eriksen@example.org,mark,hanna,2018-02-01,permanent,Staff Engineer");
        lines.add("newpia,\"Pia de Vries, PhD\",pia@example.org,erik,hanna,2026-10-01,probation,Researcher");

        JsonNode report = post("hanna", csv(lines), "full").json();

        assertThat(report.path("imported").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("created").asInt()).isEqualTo(1);
        assertThat(report.path("updated").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select name, manager_id, employment_type from employee where id = 'newpia'"))
            .containsEntry("NAME", "Pia de Vries, PhD").containsEntry("MANAGER_ID", "erik")
            .containsEntry("EMPLOYMENT_TYPE", "probation");
        assertThat(jdbc.queryForObject("select manager_id from employee where id = 'erik'", String.class))
            .isEqualTo("mark");
        assertThat(identity.createUserQuery().userId("newpia").singleResult().getEmail()).isEqualTo("pia@example.org");
        assertThat(identity.createUserQuery().userId("newpia").memberOfGroup("employees").count()).isOne();
        assertThat(identity.createUserQuery().userId("erik").memberOfGroup("managers").count())
            .as("erik now has a report").isOne();
        assertThat(identity.createUserQuery().userId("erik").singleResult().getEmail())
            .isEqualTo("erik.eriksen@example.org");
    }

    @Test
    void everyKindOfBadLineIsReportedAndNothingIsImported() {
        List<String> lines = new ArrayList<>(DEMO);
        lines.add("newa,Ann A,ann@example.org,nobody,hanna,2026-01-01,permanent,Analyst");        // line 13
        lines.add("newb,Bob B,bob@example.org,newc,hanna,2026-01-01,permanent,Analyst");          // line 14
        lines.add("newc,Cas C,cas@example.org,newb,hanna,2026-01-01,permanent,Analyst");          // line 15
        lines.add("newd,Dee D,dee@example.org,maria,hanna,01/02/2026,permanent,Analyst");         // line 16
        lines.add("eva,Eva Again,eva2@example.org,maria,hanna,2026-01-01,permanent,Analyst");     // line 17
        lines.add("newe,Eve E,,maria,hanna,2026-01-01,permanent,Analyst");                         // line 18
        lines.add("newf,Fay F,fay@example.org,maria,hanna,2026-01-01,freelance,Analyst");         // line 19
        lines.set(6, "erik,Erik Eriksen,erik@example.org,maria,hanna,2018-02-01,permanent");     // line 8

        EngineAnswer answer = post("hanna", csv(lines), "full");

        assertThat(answer.status()).isEqualTo(400);
        JsonNode report = answer.json();
        assertThat(report.path("imported").asBoolean()).isFalse();
        List<String> problems = new ArrayList<>();
        report.path("problems").forEach(p -> problems.add(p.path("line").asInt() + " " + p.path("message").asText()));
        assertThat(problems).contains(
            "8 expected 8 columns, found 7",
            "13 unknown manager 'nobody'",
            "14 cycle in the reporting lines: newb → newc → newb",
            "15 cycle in the reporting lines: newc → newb → newc",
            "16 bad date '01/02/2026' in hireDate (expected yyyy-MM-dd, e.g. 2024-03-01)",
            "17 duplicate id 'eva' (first on line 7)",
            "18 email is missing",
            "19 employmentType 'freelance' must be one of fixed-term, permanent, probation");
        assertThat(jdbc.queryForObject("select count(*) from employee", Integer.class)).isEqualTo(DEMO.size());
        assertThat(identity.createUserQuery().userId("newa").count()).isZero();
        assertThat(jdbc.queryForObject("select email from employee where id = 'eva'", String.class))
            .isEqualTo("eva@example.org");
    }

    @Test
    void whoeverAFullImportNoLongerListsHasLeftAndTheirConversationEnds() {
        ProcessInstance emmas = runtimeService.startProcessInstanceByKey(CAREER_CONVERSATION,
            Submissions.forJavaApi(Submissions.start("emma")));
        List<String> lines = new ArrayList<>(DEMO);
        lines.remove(7);   // emma

        JsonNode report = post("hanna", csv(lines), "full").json();

        assertThat(report.path("deactivated").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select active from employee where id = 'emma'", Boolean.class)).isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(emmas.getId()).count()).isZero();
        assertThat(jdbc.queryForMap("select status, outcome_note from conversation where employee_id = 'emma'"))
            .containsEntry("STATUS", "CANCELLED").containsEntry("OUTCOME_NOTE", "left");
        assertThat(identity.createUserQuery().userId("emma").memberOfGroup("employees").count()).isZero();
    }

    @Test
    void aNewManagerTakesOverTheOpenConversation() {
        ProcessInstance eriks = runtimeService.startProcessInstanceByKey(CAREER_CONVERSATION,
            Submissions.forJavaApi(Submissions.start("erik")));
        List<String> lines = new ArrayList<>(DEMO);
        lines.set(6, "erik,Erik Eriksen,erik@example.org,mark,hanna,2018-02-01,permanent,Senior Software Engineer");

        JsonNode report = post("hanna", csv(lines), "full").json();

        assertThat(report.path("updated").asInt()).as(report.toString()).isOne();
        org.camunda.bpm.engine.task.Task schedule = engine.getTaskService().createTaskQuery()
            .processInstanceId(eriks.getId()).singleResult();
        assertThat(schedule.getAssignee()).isEqualTo("mark");
        assertThat(runtimeService.getVariable(eriks.getId(), MANAGER_NAME)).isEqualTo("Mark Meijer");
        assertThat(jdbc.queryForObject("select manager_id from conversation where employee_id = 'erik'", String.class))
            .isEqualTo("mark");
        assertThat(rest().as("mark").get("/engine-rest/process-instance/" + eriks.getId()).status()).isEqualTo(200);
        assertThat(rest().as("maria").get("/engine-rest/process-instance/" + eriks.getId()).status()).isIn(403, 404);
    }

    @Test
    void aPartialImportDeactivatesNobody() {
        JsonNode report = post("hanna", csv(List.of(
            "newgus,Gus G,gus@example.org,mark,hanna,2026-11-01,probation,Sales Trainee")), "partial").json();

        assertThat(report.path("imported").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("created").asInt()).isOne();
        assertThat(report.path("deactivated").asInt()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from employee where active", Integer.class))
            .isEqualTo(DEMO.size() + 1);
    }

    @Test
    void onlyHrAndAdministratorsImport() {
        assertThat(post(null, csv(DEMO), "full").status()).isEqualTo(401);
        EngineAnswer maria = post("maria", csv(DEMO), "full");
        assertThat(maria.status()).isEqualTo(403);
        assertThat(maria.json().path("message").asText()).contains("Only HR and administrators");
        assertThat(post("admin", csv(DEMO), "full").status()).isEqualTo(200);
        assertThat(post("hanna", csv(DEMO), "everything").status()).isEqualTo(400);
    }

    private static String csv(List<String> lines) {
        return HEADER + "\n" + String.join("\n", lines) + "\n";
    }

    record EngineAnswer(int status, String body) {
        JsonNode json() {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException(status + " " + body, e);
            }
        }
    }

    private EngineAnswer post(String user, String csv, String mode) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/organisation/import?mode=" + mode))
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
            return new EngineAnswer(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
