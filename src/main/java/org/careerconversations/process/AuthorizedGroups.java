package org.careerconversations.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Which of the caller's groups hold any authorization. Every command that checks authorizations asks this
 * once; the engine answers it by reading the group of every row of {@code ACT_RU_AUTHORIZATION}
 * ({@code SELECT DISTINCT GROUP_ID_}), and that table grows with the per-conversation grants (six per
 * conversation, besides the engine's own per task): at 100,000 conversations it scanned over a million index
 * entries, some 60 ms, in each command of each request (a Tasklist list runs five). Here the engine asks, for
 * each of the caller's own groups, whether that group holds any authorization, through the index on
 * {@code GROUP_ID_}: the same answer, at the same cost with ten conversations or a million.
 */
@Component
class AuthorizedGroups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandSessions.register(configuration, AuthorizationManager.class, OwnGroupsOnly::new);
    }

    /**
     * The engine's authorization manager (one per command), with the question about groups asked per group and
     * its answer kept for the rest of the command, as the engine keeps its own.
     */
    static class OwnGroupsOnly extends AuthorizationManager {

        private final Map<String, Boolean> holdsAuthorizations = new HashMap<>();

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            List<String> withAuthorizations = new ArrayList<>();
            if (authenticatedGroupIds == null) {
                return withAuthorizations;
            }
            for (String group : new LinkedHashSet<>(authenticatedGroupIds)) {
                if (holdsAuthorizations.computeIfAbsent(group, this::holdsAny)) {
                    withAuthorizations.add(group);
                }
            }
            return withAuthorizations;
        }

        private boolean holdsAny(String group) {
            AuthorizationQueryImpl query = new AuthorizationQueryImpl();
            query.groupIdIn(group);
            Long count = (Long) getDbEntityManager().selectOne("selectAuthorizationCountByQueryCriteria", query);
            return count != null && count > 0;
        }
    }
}
