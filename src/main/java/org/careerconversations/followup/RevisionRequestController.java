package org.careerconversations.followup;

import static org.careerconversations.process.ProcessIds.MESSAGE_PLAN_REVISION_REQUESTED;
import static org.careerconversations.process.ProcessVariables.REVISION_REASON;
import static org.careerconversations.process.ProcessVariables.REVISION_REQUESTED_BY;
import static org.careerconversations.process.ProcessVariables.REVISION_REQUESTED_BY_NAME;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.careerconversations.conversation.Conversation;
import org.careerconversations.conversation.ConversationService;
import org.careerconversations.process.ProcessPrivileges;
import org.careerconversations.security.CurrentUser;
import org.careerconversations.security.CurrentUser.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Flexibility when circumstances change: the employee or the manager asks to revise an agreed plan at any
 * time, which sends {@code PlanRevisionRequested} to the conversation's follow-up.
 */
@RestController
class RevisionRequestController {

    private final ConversationService conversations;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;
    private final IdentityService identity;

    RevisionRequestController(ConversationService conversations, RuntimeService runtime, CurrentUser currentUser,
                              IdentityService identity) {
        this.conversations = conversations;
        this.runtime = runtime;
        this.currentUser = currentUser;
        this.identity = identity;
    }

    record RevisionRequest(String reason) {
    }

    @PostMapping("/api/conversations/{businessKey}/revision-requests")
    ResponseEntity<Map<String, Object>> request(@PathVariable String businessKey,
                                                @RequestBody(required = false) RevisionRequest request) {
        Caller caller = currentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "Authentication required"));
        Conversation conversation = conversations.findByBusinessKey(businessKey)
            .filter(c -> caller.userId().equals(c.getEmployeeId()) || caller.userId().equals(c.getManagerId())
                || caller.isHr())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No conversation " + businessKey + " that you take part in"));
        if (!caller.userId().equals(conversation.getEmployeeId())
            && !caller.userId().equals(conversation.getManagerId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                "Only the employee and the manager of " + businessKey + " may ask to revise its plan");
        }
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Reason is required: say what has changed.");
        }
        if (reason.length() > 2000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "Reason must be at most 2,000 characters (you entered " + reason.length() + ").");
        }
        if (conversation.getFollowUpEndedAt() != null || conversation.getSignedOffAt() == null
            || conversation.isOpen()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The plan of " + businessKey
                + " can only be revised while it is agreed and being followed up");
        }
        User requester = ProcessPrivileges.asTheProcess(identity,
            () -> identity.createUserQuery().userId(caller.userId()).singleResult());
        String requesterName = requester == null ? caller.userId()
            : (requester.getFirstName() + " " + requester.getLastName()).strip();
        try {
            // the app checked who may ask; the engine would want UPDATE on the instance, which people lack
            ProcessPrivileges.asTheProcess(identity, () -> runtime
                .createMessageCorrelation(MESSAGE_PLAN_REVISION_REQUESTED)
                .processInstanceId(conversation.getProcessInstanceId())
                .setVariable(REVISION_REASON, reason)
                .setVariable(REVISION_REQUESTED_BY, caller.userId())
                .setVariable(REVISION_REQUESTED_BY_NAME, requesterName)
                .correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The plan of " + businessKey + " cannot take a "
                + "revision request right now: a check-in or a revision is in progress — say it there");
        }
        String managerName = ProcessPrivileges.asTheProcess(identity, () -> Optional.ofNullable(identity
            .createUserQuery().userId(conversation.getManagerId()).singleResult())
            .map(manager -> (manager.getFirstName() + " " + manager.getLastName()).strip())
            .orElse("The manager"));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("businessKey", businessKey,
            "message", "The revision of the plan has started: " + managerName
                + " revises it in Tasklist, then the employee agrees to it."));
    }
}
