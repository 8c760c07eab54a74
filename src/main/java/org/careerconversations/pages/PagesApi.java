package org.careerconversations.pages;

import static org.careerconversations.process.ProcessIds.CAREER_CONVERSATION;
import static org.careerconversations.process.ProcessVariables.EMPLOYEE_ID;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.careerconversations.pages.PageViews.Filters;
import org.careerconversations.pages.PageViews.PageLink;
import org.careerconversations.pages.PageViews.PersonRecord;
import org.careerconversations.pages.PageViews.TeamPage;
import org.careerconversations.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The data behind the people's pages, with the same access rules: {@code GET /api/my-conversations},
 * {@code GET /api/people/{employeeId}} (someone's record), {@code GET /api/my-team}, {@code GET /api/people}
 * (filters {@code manager}, {@code phase}, {@code overdue}; 50 a page, {@code page}), {@code GET /api/my-pages}
 * (the pages Tasklist's header offers the caller) and {@code POST /api/people/{employeeId}/conversations}
 * (start a conversation, as the manager or HR partner starts it in Tasklist).
 */
@RestController
class PagesApi {

    private final PersonRecords records;
    private final TeamOverview team;
    private final PageLinks links;
    private final CurrentUser currentUser;
    private final RuntimeService runtime;

    PagesApi(PersonRecords records, TeamOverview team, PageLinks links, CurrentUser currentUser,
             RuntimeService runtime) {
        this.records = records;
        this.team = team;
        this.links = links;
        this.currentUser = currentUser;
        this.runtime = runtime;
    }

    @GetMapping("/api/my-conversations")
    PersonRecord myConversations() {
        return records.mine().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "You are not in the organisation's records, so there are no career conversations of yours."));
    }

    @GetMapping("/api/people/{employeeId}")
    PersonRecord person(@PathVariable String employeeId) {
        return records.of(employeeId);
    }

    @GetMapping("/api/my-team")
    TeamPage myTeam(@RequestParam(defaultValue = "1") int page) {
        return team.myTeam(page);
    }

    @GetMapping("/api/people")
    TeamPage people(@RequestParam(required = false) String manager, @RequestParam(required = false) String phase,
                    @RequestParam(defaultValue = "false") boolean overdue,
                    @RequestParam(defaultValue = "1") int page) {
        return team.people(filters(manager, phase, overdue), page);
    }

    @GetMapping("/api/my-pages")
    List<PageLink> myPages() {
        return links.of(currentUser.get().orElseThrow());
    }

    /**
     * Starts the employee's next conversation as the caller: the process checks, as for a start in Tasklist,
     * that they are the employee's manager or in HR and that no conversation is open.
     */
    @PostMapping("/api/people/{employeeId}/conversations")
    ResponseEntity<Map<String, Object>> start(@PathVariable String employeeId,
                                              @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false)
                                              MediaType contentType) {
        if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send the request as JSON (Content-Type: application/json), e.g. an empty {}.");
        }
        String businessKey;
        try {
            businessKey = runtime.startProcessInstanceByKey(CAREER_CONVERSATION, Map.of(EMPLOYEE_ID, employeeId))
                .getBusinessKey();
        } catch (InvalidRequestException refused) {
            throw new ResponseStatusException(HttpStatus.valueOf(refused.getStatus().getStatusCode()),
                refused.getMessage());
        } catch (AuthorizationException e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                "Only managers and HR partners start career conversations.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("businessKey", businessKey,
            "message", "The career conversation has started: the manager schedules it next, in Tasklist."));
    }

    static Filters filters(String manager, String phase, boolean overdue) {
        return new Filters(blankToNull(manager), blankToNull(phase), overdue);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
