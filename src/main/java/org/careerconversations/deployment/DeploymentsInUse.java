package org.careerconversations.deployment;

import jakarta.ws.rs.core.Response.Status;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.careerconversations.process.ProcessPrivileges;
import org.careerconversations.security.EngineCaller;
import org.careerconversations.security.EngineGuard;
import org.springframework.stereotype.Component;

/**
 * A deployment that conversations use stays. The engine lets whoever may delete a deployment (or process
 * definition) take its running instances and their history with it ({@code cascade=true}), and the app's
 * record of each conversation would stay open for ever. So, for a person calling the engine:
 * <ul>
 *   <li>a deployment or definition that any instance uses — running, or in history within retention — is
 *       deleted by administrators only (403 for everyone else);</li>
 *   <li>running instances are not deleted with it, administrators included (409): an administrator
 *       withdraws such a deployment through {@code DELETE /api/deployments/{id}}
 *       ({@link DeploymentWithdrawal}), which ends the conversations and closes their records first.</li>
 * </ul>
 */
@Component
class DeploymentsInUse extends EngineGuard {

    @Override
    protected <T> T guard(Command<T> command, Supplier<T> proceed) {
        Optional<EngineCaller> caller = EngineCaller.current(configuration);
        if (caller.isPresent()) {
            if (command instanceof DeleteDeploymentCmd) {
                String deploymentId = (String) EngineCaller.field(command, "deploymentId");
                check(caller.get(), definitionsOf(deploymentId), (boolean) EngineCaller.field(command, "cascade"),
                    deploymentId);
            } else if (command instanceof DeleteProcessDefinitionsByIdsCmd) {
                @SuppressWarnings("unchecked")
                Collection<String> ids = (Collection<String>) EngineCaller.field(command, "processDefinitionIds");
                check(caller.get(), ids, (boolean) EngineCaller.field(command, "cascadeToInstances"), null);
            } else if (command instanceof DeleteProcessDefinitionsByKeyCmd) {
                String key = (String) EngineCaller.field(command, "processDefinitionKey");
                check(caller.get(), ProcessPrivileges.asTheProcess(configuration.getIdentityService(),
                    () -> configuration.getRepositoryService().createProcessDefinitionQuery()
                        .processDefinitionKey(key).list().stream().map(ProcessDefinition::getId).toList()),
                    (boolean) EngineCaller.field(command, "cascade"), null);
            }
        }
        return proceed.get();
    }

    private void check(EngineCaller caller, Collection<String> definitionIds, boolean cascade,
                       String deploymentId) {
        long running = count(definitionIds, true);
        boolean inUse = running > 0 || count(definitionIds, false) > 0
            || deploymentId != null && decisionsTaken(deploymentId);
        if (!caller.administrator() && inUse) {
            throw new AuthorizationException(caller.userId(), "DELETE", "Deployment", deploymentId);
        }
        if (cascade && running > 0) {
            throw new InvalidRequestException(Status.CONFLICT, running + " running instance(s) use this "
                + "deployment: deleting it would end them and leave the conversations' records open. "
                + (deploymentId == null ? "Withdraw their deployment" : "Withdraw it")
                + " with DELETE /api/deployments/{id}, which ends them and closes their records first.");
        }
    }

    private List<String> definitionsOf(String deploymentId) {
        return ProcessPrivileges.asTheProcess(configuration.getIdentityService(), () -> configuration
            .getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId).list().stream()
            .map(ProcessDefinition::getId).toList());
    }

    private long count(Collection<String> definitionIds, boolean running) {
        return ProcessPrivileges.asTheProcess(configuration.getIdentityService(), () -> {
            long count = 0;
            for (String id : definitionIds) {
                count += running
                    ? configuration.getRuntimeService().createProcessInstanceQuery().processDefinitionId(id).count()
                    : configuration.getHistoryService().createHistoricProcessInstanceQuery()
                        .processDefinitionId(id).count();
            }
            return count;
        });
    }

    private boolean decisionsTaken(String deploymentId) {
        return ProcessPrivileges.asTheProcess(configuration.getIdentityService(), () -> configuration
            .getRepositoryService().createDecisionDefinitionQuery().deploymentId(deploymentId).list().stream()
            .anyMatch(decision -> configuration.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionId(decision.getId()).count() > 0));
    }
}
