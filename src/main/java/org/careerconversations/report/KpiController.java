package org.careerconversations.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.careerconversations.security.CurrentUser;
import org.careerconversations.security.CurrentUser.Caller;
import org.careerconversations.security.Groups;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/reports/kpis}: the conversation health for process owners and HR, as JSON, or as CSV with
 * {@code ?format=csv} or {@code Accept: text/csv}. Filters: {@code from}, {@code to} (ISO dates, both days
 * included), {@code managerId}, {@code hrPartnerId}. The Cockpit dashboard plugin reads the JSON.
 */
@RestController
class KpiController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final KpiQueries queries;
    private final CurrentUser currentUser;

    KpiController(KpiQueries queries, CurrentUser currentUser) {
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/reports/kpis")
    ResponseEntity<?> kpis(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to,
                           @RequestParam Optional<String> managerId,
                           @RequestParam Optional<String> hrPartnerId,
                           @RequestParam Optional<String> format,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Caller caller = currentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "Authentication required"));
        if (!caller.isIn(Groups.PROCESS_OWNERS) && !caller.isIn(Groups.HR) && !caller.isIn(Groups.ADMINS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                "The KPIs are for process owners and HR; " + caller.userId() + " is in neither group");
        }
        boolean csv = format.map("csv"::equalsIgnoreCase)
            .orElse(accept != null && accept.toLowerCase().contains("text/csv"));
        if (format.isPresent() && !csv && !"json".equalsIgnoreCase(format.get())) {
            throw new IllegalArgumentException("format must be json or csv (was " + format.get() + ")");
        }
        Kpis kpis = queries.compute(new KpiFilter(from, to, managerId, hrPartnerId), Instant.now());
        if (csv) {
            return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"career-conversation-kpis.csv\"")
                .body(KpiCsv.write(kpis));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(kpis);
    }
}
