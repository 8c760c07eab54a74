package org.careerconversations.followup;

import static org.careerconversations.process.ProcessIds.MESSAGE_PLAN_REVISION_REQUESTED;
import static org.careerconversations.process.ProcessVariables.REVISION_REASON;
import static org.careerconversations.process.ProcessVariables.REVISION_REQUESTED_BY;
import static org.careerconversations.process.ProcessVariables.REVISION_REQUESTED_BY_NAME;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.careerconversations.conversation.Conversation;
import org.careerconversations.conversation.ConversationService;
import org.careerconversations.process.ProcessPrivileges;
import org.careerconversations.security.CurrentUser.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The rules of a request to revise an agreed plan outside a check-in: the employee or the manager asks, with a
 * reason, while the plan is agreed and followed up; the request sends {@code PlanRevisionRequested} to the
 * conversation's follow-up. A refusal says why with the answer's status (not found, not allowed, bad reason,
 * not now).
 */
@Service
class RevisionRequests {

    static final int MAX_REASON = 2000;

    private final ConversationService conversations;
    private final RuntimeService runtime;
    private final IdentityService identity;

    RevisionRequests(ConversationService conversations, RuntimeService runtime, IdentityService identity) {
        this.conversations = conversations;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** Starts the revision of the conversation's plan; answers the manager's name, who revises it. */
    String request(Caller caller, String businessKey, String reasonAsSent) {
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
        String reason = reasonAsSent == null ? "" : reasonAsSent.strip();
        if (reason.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Reason is required: say what has changed.");
        }
        if (reason.length() > MAX_REASON) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "Reason must be at most 2,000 characters (you entered " + reason.length() + ").");
        }
        if (conversation.getFollowUpEndedAt() != null || conversation.getSignedOffAt() == null
            || conversation.isOpen()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The plan of " + businessKey
                + " can only be revised while it is agreed and being followed up");
        }
        String requesterName = nameOf(caller.userId()).orElse(caller.userId());
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
        return nameOf(conversation.getManagerId()).orElse("The manager");
    }

    private Optional<String> nameOf(String userId) {
        User user = ProcessPrivileges.asTheProcess(identity,
            () -> identity.createUserQuery().userId(userId).singleResult());
        return Optional.ofNullable(user).map(u -> (u.getFirstName() + " " + u.getLastName()).strip());
    }
}
