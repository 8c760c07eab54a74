package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.Test;

/** Everybody finds their work in Tasklist through filters made for them, the most urgent first. */
class TasklistFiltersTest extends AppTest {

    @Test
    void everyoneSeesTheFiltersOfTheirGroups() {
        assertThat(filterNames("eva")).containsExactly("My tasks", "Overdue");
        assertThat(filterNames("maria"))
            .containsExactly("My tasks", "Overdue", "My team's conversations", "Escalations");
        assertThat(filterNames("hanna")).containsExactly("My tasks", "Overdue", "HR decisions", "Escalations");
        // hugo may also be an employee (the organisation import makes everyone in it one): no team, no HR work
        assertThat(filterNames("hugo")).startsWith("My tasks")
            .doesNotContain("My team's conversations", "HR decisions", "Escalations");
    }

    @Test
    void filtersAreSortedByDueDate() {
        for (JsonNode filter : rest().as("hanna").get("/engine-rest/filter?maxResults=50").json()) {
            JsonNode sorting = filter.path("query").path("sorting");
            assertThat(sorting).as(filter.path("name").asText()).hasSize(1);
            assertThat(sorting.get(0).path("sortBy").asText()).isEqualTo("dueDate");
            assertThat(sorting.get(0).path("sortOrder").asText()).isEqualTo("asc");
        }
    }

    @Test
    void escalationsFilterListsOnlyReminderEscalations() {
        JsonNode escalations = filter("maria", "Escalations");
        assertThat(escalations.path("query").path("processDefinitionKey").asText()).isEqualTo(TASK_REMINDERS);
        assertThat(escalations.path("query").path("taskDefinitionKeyIn").toString())
            .isEqualTo("[\"Task_FollowUpOverdueManager\",\"Task_FollowUpOverdueHr\"]");

        Answer started = rest().as("hanna").post("/engine-rest/process-definition/key/CareerConversation/start",
            variables(EMPLOYEE_ID, "eva"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        // maria's scheduling task is in "My tasks" and "My team's conversations", not in "Escalations"
        assertThat(taskKeys("maria", "My tasks")).containsExactly(TASK_SCHEDULE_CONVERSATION);
        assertThat(taskKeys("maria", "My team's conversations")).containsExactly(TASK_SCHEDULE_CONVERSATION);
        assertThat(taskKeys("maria", "Escalations")).isEmpty();
        assertThat(taskKeys("maria", "Overdue")).isEmpty();
    }

    private List<String> filterNames(String user) {
        // Tasklist shows the filters by their priority property
        List<JsonNode> filters = new ArrayList<>();
        rest().as(user).get("/engine-rest/filter?maxResults=50").json().forEach(filters::add);
        return filters.stream()
            .sorted(java.util.Comparator.comparingInt(f -> f.path("properties").path("priority").asInt()))
            .map(f -> f.path("name").asText()).toList();
    }

    private JsonNode filter(String user, String name) {
        for (JsonNode filter : rest().as(user).get("/engine-rest/filter?maxResults=50").json()) {
            if (filter.path("name").asText().equals(name)) {
                return filter;
            }
        }
        throw new AssertionError(user + " has no filter " + name);
    }

    private List<String> taskKeys(String user, String filterName) {
        String id = filter(user, filterName).path("id").asText();
        Answer list = rest().as(user).get("/engine-rest/filter/" + id + "/list?maxResults=50");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        list.json().forEach(t -> keys.add(t.path("taskDefinitionKey").asText()));
        return keys;
    }
}
