package org.careerconversations.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.careerconversations.web.BufferedBody;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, every request — engine REST API, the app's API, the webapps — is
 * answered {@code 503} with a reason a person can act on, at once instead of after the pool's timeout, and
 * never as a bare {@code 500}. The first requests that meet the outage fail inside the engine (which writes its
 * own error) or the session store, in ways that do not always name the database: any server error is therefore
 * held back until {@link DatabaseStatus} has checked whether the database can be reached.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageFilter {

    static final String MESSAGE = "The database cannot be reached; try again in a minute";

    @Bean
    FilterRegistrationBean<OutageFilter> databaseOutageFilterRegistration(DatabaseStatus status) {
        FilterRegistrationBean<OutageFilter> registration = new FilterRegistrationBean<>(new OutageFilter(status));
        registration.setName("database-outage");
        registration.addUrlPatterns("/*");
        // outside the session store (which reads the database) and every authentication filter
        registration.setOrder(Integer.MIN_VALUE + 2);
        return registration;
    }

    static class OutageFilter extends OncePerRequestFilter {

        private final DatabaseStatus status;

        OutageFilter(DatabaseStatus status) {
            this.status = status;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
            if (status.isDown()) {
                refuse(request, response);
                return;
            }
            HoldServerErrors held = new HoldServerErrors(response);
            try {
                chain.doFilter(request, held);
            } catch (IOException | ServletException | RuntimeException e) {
                if (!response.isCommitted() && status.isDownAfter(Instant.now())) {
                    response.reset();
                    refuse(request, response);
                    return;
                }
                throw e;
            }
            if (held.heldStatus() >= 500 && !response.isCommitted() && status.isDownAfter(Instant.now())) {
                response.reset();
                refuse(request, response);
                return;
            }
            held.release();
        }

        private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "60");
            response.setHeader("Cache-Control", "no-store");
            response.setCharacterEncoding("UTF-8");
            String accept = request.getHeader("Accept");
            if (accept != null && accept.contains("text/html")) {
                response.setContentType("text/plain");
                response.getWriter().write(MESSAGE);
            } else {
                response.setContentType("application/json");
                response.getWriter().write("{\"status\":503,\"message\":\"" + MESSAGE + "\"}");
            }
        }
    }

    /**
     * Passes everything through except a server error (status 500 and above): its status and body are kept
     * until {@link #release()}, so that the filter can still answer something else.
     */
    static final class HoldServerErrors extends HttpServletResponseWrapper {

        private int heldStatus;
        private String heldMessage;
        private boolean heldAsError;
        private final BufferedBody heldBody = new BufferedBody();

        HoldServerErrors(HttpServletResponse response) {
            super(response);
        }

        int heldStatus() {
            return heldStatus;
        }

        @Override
        public void setStatus(int status) {
            if (status >= 500) {
                heldStatus = status;
            } else {
                super.setStatus(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (status >= 500) {
                heldStatus = status;
                heldMessage = message;
                heldAsError = true;
            } else {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public int getStatus() {
            return heldStatus != 0 ? heldStatus : super.getStatus();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return heldStatus == 0 ? super.getOutputStream() : heldBody.stream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (heldStatus == 0) {
                return super.getWriter();
            }
            return heldBody.writer(getCharacterEncoding() == null ? StandardCharsets.ISO_8859_1
                : Charset.forName(getCharacterEncoding()));
        }

        @Override
        public void flushBuffer() throws IOException {
            if (heldStatus == 0) {
                super.flushBuffer();
            }
        }

        @Override
        public void reset() {
            super.reset();
            heldStatus = 0;
            heldBody.reset();
        }

        @Override
        public void resetBuffer() {
            super.resetBuffer();
            heldBody.reset();
        }

        /** Writes what was held back: the error as its writer meant it. */
        void release() throws IOException {
            if (heldStatus == 0) {
                return;
            }
            if (heldAsError) {
                super.sendError(heldStatus, heldMessage);
                return;
            }
            super.setStatus(heldStatus);
            if (heldBody.size() > 0) {
                ServletOutputStream out = super.getOutputStream();
                heldBody.writeTo(out);
                out.flush();
            }
        }
    }
}
