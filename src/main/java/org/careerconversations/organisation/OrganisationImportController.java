package org.careerconversations.organisation;

import org.camunda.bpm.engine.IdentityService;
import org.careerconversations.process.ProcessPrivileges;
import org.careerconversations.security.CurrentUser;
import org.careerconversations.security.CurrentUser.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/organisation/import?mode=full|partial} with the CSV as the body ({@code text/csv}); HR and
 * administrators only. 200 with the counts when imported, 400 with a report per line when not.
 */
@RestController
class OrganisationImportController {

    private final OrganisationImport organisationImport;
    private final CurrentUser currentUser;
    private final IdentityService identity;

    OrganisationImportController(OrganisationImport organisationImport, CurrentUser currentUser,
                                 IdentityService identity) {
        this.organisationImport = organisationImport;
        this.currentUser = currentUser;
        this.identity = identity;
    }

    @PostMapping(path = "/api/organisation/import", consumes = "text/csv")
    ResponseEntity<OrganisationImport.Report> importOrganisation(@RequestBody(required = false) String csv,
                                                                 @RequestParam(defaultValue = "full") String mode) {
        Caller caller = currentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "Authentication required"));
        if (!caller.isHr()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only HR and administrators import the organisation");
        }
        OrganisationImport.Mode importMode = switch (mode) {
            case "full" -> OrganisationImport.Mode.FULL;
            case "partial" -> OrganisationImport.Mode.PARTIAL;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "mode must be full (the file is the whole organisation) or partial (was '" + mode + "')");
        };
        if (csv == null || csv.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The body must be the organisation as CSV");
        }
        // the app checked that the caller is HR; users and memberships are then created on the app's behalf
        OrganisationImport.Report report = ProcessPrivileges.asTheProcess(identity,
            () -> organisationImport.importCsv(csv, importMode));
        return ResponseEntity.status(report.imported() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(report);
    }
}
