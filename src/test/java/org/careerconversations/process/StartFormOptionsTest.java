package org.careerconversations.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.Test;

/**
 * The start forms offer people by name, each caller exactly the people they may choose: the form as the engine
 * hands it out (to Tasklist, through REST) carries the caller's options in place of the select's valuesKey.
 */
class StartFormOptionsTest extends AppTest {

    private static final String CONVERSATION_FORM =
        "/engine-rest/process-definition/key/CareerConversation/deployed-start-form";
    private static final String ROUND_FORM = "/engine-rest/process-definition/key/CycleScheduler/deployed-start-form";
    private static final String START = "/engine-rest/process-definition/key/CareerConversation/start";

    @Test
    void mariaIsOfferedHerTeamByName() {
        JsonNode employee = select(CONVERSATION_FORM, "maria", EMPLOYEE_ID);

        assertThat(options(employee)).containsExactly("Emma Engel, UX Designer=emma",
            "Erik Eriksen, Senior Software Engineer=erik", "Eva Evers, Software Engineer=eva");
        assertThat(employee.has("valuesKey")).isFalse();
        assertThat(employee.path("description").asText()).startsWith("The people you may start");
    }

    @Test
    void hannaIsOfferedThePeopleSheIsHrPartnerOfWhoHaveAManager() {
        List<String> people = options(select(CONVERSATION_FORM, "hanna", EMPLOYEE_ID));

        assertThat(people).contains("Eva Evers, Software Engineer=eva", "Maria Mendes, Engineering Manager=maria",
            "Elin Ek, Sales Engineer=elin").noneMatch(p -> p.endsWith("=dora") || p.endsWith("=hanna")
                || p.endsWith("=hugo") || p.endsWith("=olga"));
    }

    @Test
    void evaIsOfferedNobodyAndToldWhy() {
        JsonNode employee = select(CONVERSATION_FORM, "eva", EMPLOYEE_ID);

        assertThat(employee.path("values")).isEmpty();
        assertThat(employee.path("description").asText())
            .isEqualTo("There is nobody you can start a career conversation for: that is for the manager or the HR "
                + "partner of the employee.");
    }

    @Test
    void someoneWithAConversationInProgressIsMarkedAndRefusedInWords() {
        assertThat(rest().as("hanna").post(START, variables(EMPLOYEE_ID, "eva")).status()).isEqualTo(200);

        assertThat(options(select(CONVERSATION_FORM, "maria", EMPLOYEE_ID)))
            .contains("Eva Evers, Software Engineer (a conversation is in progress)=eva");
        Answer again = rest().as("maria").post(START, variables(EMPLOYEE_ID, "eva"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.message()).startsWith("Eva Evers already has a career conversation in progress");
    }

    @Test
    void whatIsOfferedIsWhatTheStartAccepts() {
        assertThat(options(select(CONVERSATION_FORM, "mark", EMPLOYEE_ID)))
            .containsExactly("Elin Ek, Sales Engineer=elin", "Emil Eder, Account Manager=emil");
        assertThat(rest().as("mark").post(START, variables(EMPLOYEE_ID, "emil")).status()).isEqualTo(200);
        Answer notHis = rest().as("mark").post(START, variables(EMPLOYEE_ID, "erik"));
        assertThat(notHis.status()).isEqualTo(403);
        assertThat(notHis.message()).isEqualTo("You can start career conversations for the people who report to you, "
            + "and HR partners for the people they look after.");
    }

    @Test
    void theRoundOffersTheManagersOfHannasPopulationWithTheirTeamSize() {
        assertThat(options(select(ROUND_FORM, "hanna", TEAM_OF_MANAGER_ID))).containsExactly(
            "Dora Dijkstra (2 people)=dora", "Maria Mendes (3 people)=maria", "Mark Meijer (2 people)=mark");
        assertThat(options(select(ROUND_FORM, "admin", TEAM_OF_MANAGER_ID))).hasSize(3);
    }

    /** The select with this key in the start form as {@code user} gets it. */
    private JsonNode select(String form, String user, String key) {
        Answer answer = rest().as(user).get(form);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        collect(answer.json().path("components"), key, found);
        assertThat(found).as("a field %s", key).hasSize(1);
        return found.get(0);
    }

    private static void collect(JsonNode components, String key, List<JsonNode> found) {
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText())) {
                found.add(component);
            }
            collect(component.path("components"), key, found);
        }
    }

    private static List<String> options(JsonNode select) {
        List<String> options = new ArrayList<>();
        select.path("values").forEach(v -> options.add(v.path("label").asText() + "=" + v.path("value").asText()));
        return options;
    }
}
