package org.careerconversations.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each webapp's own API answers only the people who may open that webapp: {@code /camunda/api/cockpit/**}
 * those with Cockpit access, {@code /camunda/api/admin/**} the administrators, {@code /camunda/api/tasklist/**}
 * those with Tasklist access. Camunda lets any logged-in session call them (its plugin API counts instances
 * with its own queries, so an employee logged in to Tasklist learned how many conversations run). Open to
 * every session, as Camunda needs them: logging in and out and reading one's own login
 * ({@code /camunda/api/admin/auth/**}), the first administrator's setup ({@code /camunda/api/admin/setup/**},
 * which Camunda allows only while there is none) and the plugins' static files. A session without a login
 * is left to Camunda's own filter (401).
 */
@Configuration(proxyBeanMethods = false)
class WebappApiAccess {

    @Bean
    FilterRegistrationBean<AppApiFilter> webappApiAccessFilter(
        @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
        FilterRegistrationBean<AppApiFilter> registration = new FilterRegistrationBean<>(new AppApiFilter(applicationPath));
        registration.setName("webapp-api-access");
        for (String app : List.of("cockpit", "admin", "tasklist")) {
            registration.addUrlPatterns(applicationPath + "/api/" + app + "/*");
        }
        registration.setOrder(Integer.MIN_VALUE + 15);
        return registration;
    }

    static class AppApiFilter extends OncePerRequestFilter {

        private final Pattern appPath;

        AppApiFilter(String applicationPath) {
            this.appPath = Pattern.compile("^" + Pattern.quote(applicationPath) + "/api/(cockpit|admin|tasklist)(/.*)?$");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
            Matcher matcher = appPath.matcher(request.getRequestURI().substring(request.getContextPath().length()));
            if (!matcher.matches() || openToEverySession(matcher.group(1), matcher.group(2))) {
                chain.doFilter(request, response);
                return;
            }
            Optional<UserAuthentication> login = WebappLogin.of(request);
            if (login.isPresent() && !login.get().isAuthorizedForApp(matcher.group(1))) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\""
                    + EngineErrorMessages.NOT_ALLOWED + "\"}");
                return;
            }
            chain.doFilter(request, response);
        }

        private static boolean openToEverySession(String app, String rest) {
            String path = rest == null ? "" : rest;
            return "admin".equals(app) && (path.startsWith("/auth/") || path.startsWith("/setup/"))
                || path.matches("/plugin/[^/]+/static/.*");
        }
    }
}
