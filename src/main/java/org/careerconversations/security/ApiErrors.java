package org.careerconversations.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * The app's API answers errors as {@code {"status": 400, "message": "..."}}, like the engine REST API, and
 * logs one WARN line per refusal: what kind of call and the status, never the message (it may name people).
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(ResponseStatusException e, HttpServletRequest request) {
        return answer(e.getStatusCode().value(), String.valueOf(e.getReason()), request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST.value(), String.valueOf(e.getMessage()), request);
    }

    private static ResponseEntity<Map<String, Object>> answer(int status, String message, HttpServletRequest request) {
        if (status >= 400 && status < 500) {
            LOG.warn("{} {} refused: {}", request.getMethod(), EngineErrorMessages.resourceOf(request.getRequestURI()),
                status);
        }
        return ResponseEntity.status(status).body(Map.of("status", status, "message", message));
    }
}
