package org.careerconversations.deployment;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.careerconversations.conversation.ConversationService;
import org.careerconversations.process.ProcessPrivileges;
import org.careerconversations.security.CurrentUser;
import org.careerconversations.security.CurrentUser.Caller;
import org.careerconversations.security.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code DELETE /api/deployments/{id}} (administrators only): withdraws a deployment that conversations
 * still run on — a version that must not go on. In one transaction every conversation running on it is
 * closed in the app's record (an open one cancelled, an agreed one's follow-up ended, with the reason that
 * the version was withdrawn; the people get the cancellation mail), then the deployment is deleted with its
 * instances. The engine's own {@code DELETE /engine-rest/deployment/{id}?cascade=true} refuses this
 * ({@link DeploymentsInUse}) because it would leave those records open.
 */
@RestController
class DeploymentWithdrawal {

    record Withdrawn(String deploymentId, int instancesEnded, int conversationsClosed) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ConversationService conversations;
    private final IdentityService identity;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;

    DeploymentWithdrawal(RepositoryService repository, RuntimeService runtime, ConversationService conversations,
                         IdentityService identity, CurrentUser currentUser, TransactionTemplate transaction) {
        this.repository = repository;
        this.runtime = runtime;
        this.conversations = conversations;
        this.identity = identity;
        this.currentUser = currentUser;
        this.transaction = transaction;
    }

    @DeleteMapping(value = "/api/deployments/{deploymentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Withdrawn withdraw(@PathVariable String deploymentId) {
        Caller caller = currentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "Authentication required"));
        if (!caller.isIn(Groups.ADMINS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators withdraw a deployment");
        }
        // the app has decided: the administrator may; the engine's own refusal of a cascade is for people
        return ProcessPrivileges.asTheProcess(identity, () -> transaction.execute(status -> {
            if (repository.createDeploymentQuery().deploymentId(deploymentId).count() == 0) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no deployment " + deploymentId);
            }
            List<String> definitions = repository.createProcessDefinitionQuery().deploymentId(deploymentId).list()
                .stream().map(ProcessDefinition::getId).toList();
            int instances = 0;
            int closed = 0;
            for (String definition : definitions) {
                for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(definition)
                    .list()) {
                    instances++;
                    if (conversations.withdrawn(instance.getId())) {
                        closed++;
                    }
                }
            }
            repository.deleteDeployment(deploymentId, true, true, true);
            return new Withdrawn(deploymentId, instances, closed);
        }));
    }
}
