package org.careerconversations.followup;

import java.util.Map;
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
 * time ({@link RevisionRequests} has the rules).
 */
@RestController
class RevisionRequestController {

    private final RevisionRequests revisions;
    private final CurrentUser currentUser;

    RevisionRequestController(RevisionRequests revisions, CurrentUser currentUser) {
        this.revisions = revisions;
        this.currentUser = currentUser;
    }

    record RevisionRequest(String reason) {
    }

    @PostMapping("/api/conversations/{businessKey}/revision-requests")
    ResponseEntity<Map<String, Object>> request(@PathVariable String businessKey,
                                                @RequestBody(required = false) RevisionRequest request) {
        Caller caller = currentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "Authentication required"));
        String managerName = revisions.request(caller, businessKey, request == null ? null : request.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("businessKey", businessKey,
            "message", "The revision of the plan has started: " + managerName
                + " revises it in Tasklist, then the employee agrees to it."));
    }
}
