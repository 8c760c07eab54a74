package org.careerconversations.privacy;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-subject requests: {@code GET /api/employees/{id}/export} (the employee, their HR partner, an
 * administrator) and {@code DELETE /api/employees/{id}/personal-data} (their HR partner or an administrator,
 * once the employee has left). Authentication: {@link org.careerconversations.security.CurrentUser}.
 */
@RestController
@RequestMapping("/api/employees/{employeeId}")
class PersonalDataController {

    private final PersonalData personalData;

    PersonalDataController(PersonalData personalData) {
        this.personalData = personalData;
    }

    @GetMapping(value = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> export(@PathVariable String employeeId) {
        Map<String, Object> export = personalData.export(employeeId);
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"personal-data-" + employeeId + ".json\"")
            .body(export);
    }

    @DeleteMapping(value = "/personal-data", produces = MediaType.APPLICATION_JSON_VALUE)
    PersonalData.Erasure erase(@PathVariable String employeeId) {
        return personalData.erase(employeeId);
    }
}
