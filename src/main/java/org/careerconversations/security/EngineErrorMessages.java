package org.careerconversations.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.careerconversations.web.BufferedBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error answers of the engine's REST API, as Tasklist, Cockpit and scripts read them, in people's words.
 * The engine puts its own ids in front of every refusal ("Cannot submit task form 0b04…: ", "Cannot
 * instantiate process definition CareerConversation:1:c643…: ") and names, in a 403, the user, the permission
 * and the id of the resource that was asked for — which tells a caller that a conversation exists. This filter
 * keeps the status and the error's type and rewrites the message:
 * <ul>
 *   <li>400 and 404: the app's own rule as it was written, without the engine's prefix;</li>
 *   <li>403 from the engine's authorization checks: "You are not allowed to do this." and nothing else
 *       (the app's own refusals keep their words);</li>
 *   <li>500: a sentence saying that nothing was saved (the details stay in the server's log).</li>
 * </ul>
 * Successful answers pass through untouched and unbuffered.
 */
@Configuration(proxyBeanMethods = false)
public class EngineErrorMessages {

    static final String NOT_ALLOWED = "You are not allowed to do this.";
    static final String SERVER_ERROR =
        "Something went wrong on our side and nothing was saved. Please try again in a minute; if it keeps "
            + "happening, tell your administrator.";

    /** "Cannot <what the engine tried> <an id>: " — the id may hold colons (a process definition id). */
    private static final List<Pattern> PREFIXES = List.of(
        Pattern.compile("^Cannot (submit task form|complete task|resolve task|instantiate process definition"
            + "|start process instance|submit form) \\S+: "),
        Pattern.compile("^Cannot (correlate message|deliver message)[^:]*: "));

    /** The type of the app's own refusals ({@code ConversationStartRejected}), which speak for themselves. */
    private static final String APP_REFUSAL = "InvalidRequestException";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    FilterRegistrationBean<ErrorMessageFilter> engineErrorMessageFilter() {
        FilterRegistrationBean<ErrorMessageFilter> registration = new FilterRegistrationBean<>(new ErrorMessageFilter());
        registration.setName("engine-error-messages");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        // outside the authentication filters, so that their answers are in the same words
        registration.setOrder(Integer.MIN_VALUE + 5);
        return registration;
    }

    /**
     * The message a person reads for an engine error answer with this status, error type and message. A 403
     * of the app's own (a start the app refused, in its own words) keeps its message; the engine's
     * authorization refusals do not.
     */
    static String inPeoplesWords(int status, String type, String message) {
        if (status == HttpServletResponse.SC_FORBIDDEN && !APP_REFUSAL.equals(type)) {
            return NOT_ALLOWED;
        }
        if (status >= 500 && status != HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            return SERVER_ERROR;
        }
        String words = message == null ? "" : message;
        for (Pattern prefix : PREFIXES) {
            words = prefix.matcher(words).replaceFirst("");
        }
        return words;
    }

    static class ErrorMessageFilter extends OncePerRequestFilter {

        private static final Logger LOG = LoggerFactory.getLogger(EngineErrorMessages.class);

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
            ErrorResponse wrapped = new ErrorResponse(response);
            chain.doFilter(request, wrapped);
            wrapped.finish(type -> {
                if (wrapped.getStatus() < 500) {
                    // one line for the operator: what kind of call was refused how; the words went to the caller
                    LOG.warn("{} {} refused: {} {}", request.getMethod(), resourceOf(request.getRequestURI()),
                        wrapped.getStatus(), type);
                }
            });
        }
    }

    private static final List<String> API_ROOTS = List.of("/engine-rest/", "/camunda/api/engine/engine/default/",
        "/camunda/api/", "/api/");

    /**
     * For a log line: the API and the kind of resource asked for ({@code /engine-rest/task/…}), without ids,
     * user names or queries.
     */
    public static String resourceOf(String uri) {
        for (String root : API_ROOTS) {
            int start = uri.indexOf(root);
            if (start >= 0) {
                String rest = uri.substring(start + root.length());
                int slash = rest.indexOf('/');
                return uri.substring(0, start + root.length()) + (slash < 0 ? rest : rest.substring(0, slash) + "/…");
            }
        }
        return uri;
    }

    /**
     * Passes a successful answer straight through; buffers the body of an error answer (the status is known
     * before the body is written) so that its message can be rewritten.
     */
    static final class ErrorResponse extends HttpServletResponseWrapper {

        private final HttpServletResponse response;
        /** The error type of an engine error answer, once its body was read. */
        private String refusedType;
        private BufferedBody buffer;

        ErrorResponse(HttpServletResponse response) {
            super(response);
            this.response = response;
        }

        private boolean buffering() {
            if (buffer == null && getStatus() >= 400 && !isCommitted()) {
                buffer = new BufferedBody();
            }
            return buffer != null;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return buffering() ? buffer.stream() : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return buffering() ? buffer.writer(StandardCharsets.UTF_8) : super.getWriter();
        }

        @Override
        public void setContentLength(int length) {
            if (!buffering()) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!buffering()) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (buffer == null) {
                super.flushBuffer();
            }
        }

        /** Writes the buffered error answer in people's words, after telling {@code refused} its error type. */
        void finish(Consumer<String> refused) throws IOException {
            if (buffer == null) {
                return;
            }
            byte[] body = rewrite(buffer.toByteArray());
            if (refusedType != null) {
                refused.accept(refusedType);
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        }

        private byte[] rewrite(byte[] body) {
            String contentType = getContentType();
            if (body.length == 0 || contentType == null || !contentType.contains("json")) {
                return body;
            }
            try {
                JsonNode json = JSON.readTree(body);
                if (!(json instanceof ObjectNode error) || !error.has("message")) {
                    return body;
                }
                int status = getStatus();
                String type = error.hasNonNull("type") ? error.get("type").asText() : null;
                refusedType = type;
                String words = inPeoplesWords(status, type, error.path("message").asText());
                if (status == HttpServletResponse.SC_BAD_REQUEST || status == HttpServletResponse.SC_NOT_FOUND
                    || APP_REFUSAL.equals(type)) {
                    // the rest of a 400 (a parse error's details per resource) is for the one who sent it
                    error.put("message", words);
                    return JSON.writeValueAsBytes(error);
                }
                // a refusal or a server error: its type and the sentence, none of the engine's details
                ObjectNode answer = JSON.createObjectNode();
                if (type != null) {
                    answer.put("type", type);
                }
                answer.put("message", words);
                return JSON.writeValueAsBytes(answer);
            } catch (IOException notJson) {
                return body;
            }
        }
    }
}
