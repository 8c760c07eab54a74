package org.careerconversations.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.careerconversations.AppTest;
import org.careerconversations.security.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine finds the caller's groups that hold authorizations by asking about those groups only (not by
 * reading every row of ACT_RU_AUTHORIZATION), with the same answer: a group's grants count from the next call
 * on, a group without any counts for nothing.
 */
class AuthorizedGroupsTest extends AppTest {

    @Autowired
    AuthorizationService authorizations;

    @Test
    void theEngineAsksAboutTheCallersGroupsOnly() {
        ProcessEngineConfigurationImpl configuration =
            (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getSessionFactories().get(AuthorizationManager.class).openSession())
            .isInstanceOf(AuthorizedGroups.OwnGroupsOnly.class);
    }

    @Test
    void aGroupsGrantCountsFromTheNextCallOn() {
        String myTasks = engine.getFilterService().createFilterQuery().filterName("My tasks").singleResult().getId();
        Authorization employeesRead = authorizations.createAuthorizationQuery().groupIdIn(Groups.EMPLOYEES)
            .resourceType(Resources.FILTER).resourceId(myTasks).singleResult();
        assertThat(filterNames("eva")).contains("My tasks");

        authorizations.deleteAuthorization(employeesRead.getId());
        try {
            assertThat(filterNames("eva")).as("eva is an employee only").doesNotContain("My tasks")
                .contains("Overdue");
            assertThat(filterNames("maria")).as("maria's other group, managers, still has it").contains("My tasks");
        } finally {
            Authorization again = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            again.setGroupId(Groups.EMPLOYEES);
            again.setResource(Resources.FILTER);
            again.setResourceId(myTasks);
            again.addPermission(Permissions.READ);
            authorizations.saveAuthorization(again);
        }
        assertThat(filterNames("eva")).contains("My tasks");
    }

    private List<String> filterNames(String user) {
        List<String> names = new ArrayList<>();
        rest().as(user).get("/engine-rest/filter?maxResults=50").json()
            .forEach(filter -> names.add(filter.path("name").asText()));
        return names;
    }
}
