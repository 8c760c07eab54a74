package org.careerconversations.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionStatisticsEntity;
import org.springframework.stereotype.Component;

/**
 * The engine counts the running instances, failed jobs and incidents per process definition for anyone who
 * may read the definition ({@code GET /process-definition/statistics}), without asking whether they may read
 * those instances — so every employee would learn how many conversations are running. Unless the caller may
 * read every instance of every definition (process owners, administrators), the counts come back as zero;
 * the definitions themselves stay listed.
 */
@Component
class StatisticsGuard extends EngineGuard {

    @Override
    protected <T> T guard(Command<T> command, Supplier<T> proceed) {
        T result = proceed.get();
        if (command instanceof ProcessDefinitionStatisticsQueryImpl && result instanceof List<?> statistics
            && !statistics.isEmpty() && !mayReadAllInstances()) {
            for (Object entry : statistics) {
                if (entry instanceof ProcessDefinitionStatisticsEntity counts) {
                    counts.setInstances(0);
                    counts.setFailedJobs(0);
                    counts.setIncidentStatistics(new ArrayList<>());
                }
            }
        }
        return result;
    }

    private boolean mayReadAllInstances() {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (!configuration.isAuthorizationEnabled() || user == null || user.getUserId() == null) {
            return true;
        }
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        return configuration.getAuthorizationService().isUserAuthorized(user.getUserId(), groups,
            ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION);
    }
}
