package org.careerconversations.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.careerconversations.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The people's pages, rendered from templates/pages/ with the data of {@link PagesApi}: My conversations,
 * someone's record, My team and People. They open with the Tasklist login (security/ApiAuthentication) and
 * act through the app's API with the webapps' CSRF token, which the layout puts into the page.
 */
@Controller
class PagesController {

    private final PersonRecords records;
    private final TeamOverview team;
    private final PageLinks links;
    private final CurrentUser currentUser;
    private final Standing standing;
    private final String tasklist;

    PagesController(PersonRecords records, TeamOverview team, PageLinks links, CurrentUser currentUser,
                    Standing standing, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.records = records;
        this.team = team;
        this.links = links;
        this.currentUser = currentUser;
        this.standing = standing;
        this.tasklist = webappPath + "/app/tasklist/default/";
    }

    /** What every page's header needs: who is reading, their pages, the token for calls that change things. */
    @ModelAttribute
    void header(Model model, HttpServletRequest request, HttpServletResponse response) {
        // personal data: not kept in caches, never framed, scripts and styles from the app only
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        currentUser.get().ifPresent(caller -> {
            model.addAttribute("readerName", standing.names(List.of(caller.userId()))
                .getOrDefault(caller.userId(), caller.userId()));
            model.addAttribute("links", links.of(caller));
        });
        model.addAttribute("tasklist", tasklist);
        model.addAttribute("path", request.getRequestURI().substring(request.getContextPath().length()));
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        model.addAttribute("csrfToken", token == null ? "" : token.toString());
    }

    @GetMapping("/careers")
    String home() {
        return "redirect:" + PageLinks.MY_CONVERSATIONS;
    }

    @GetMapping(PageLinks.MY_CONVERSATIONS)
    String myConversations(Model model) {
        model.addAttribute("title", "My conversations");
        records.mine().ifPresent(record -> model.addAttribute("record", record));
        return "pages/record";
    }

    @GetMapping(PageLinks.PEOPLE + "/{employeeId}")
    String person(@PathVariable String employeeId, Model model) {
        var record = records.of(employeeId);
        model.addAttribute("title", record.person().name());
        model.addAttribute("record", record);
        return "pages/record";
    }

    @GetMapping(PageLinks.MY_TEAM)
    String myTeam(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("title", "My team");
        model.addAttribute("team", team.myTeam(page));
        return "pages/team";
    }

    @GetMapping(PageLinks.PEOPLE)
    String people(@RequestParam(required = false) String manager, @RequestParam(required = false) String phase,
                  @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "1") int page,
                  Model model) {
        model.addAttribute("title", "People");
        model.addAttribute("team", team.people(PagesApi.filters(manager, phase, overdue), page));
        return "pages/team";
    }

    /** A refusal or an unknown person: the page says so in a sentence, with the header to go on from. */
    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        header(model, request, response);
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("title", e.getStatusCode().value() == 404 ? "Not found" : "Not for you");
        model.addAttribute("message", e.getReason());
        return "pages/refused";
    }
}
