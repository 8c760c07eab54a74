package org.careerconversations.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.careerconversations.EngineRest.Answer;

/**
 * A browser's session with the webapps: logs in the way Tasklist, Cockpit and Admin do (CSRF token first,
 * then the form login, then the new session's token) and calls their REST APIs with the session cookie.
 */
public class WebappSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrfToken;

    private WebappSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** A session that never logged in. */
    public static WebappSession anonymous(String baseUrl) {
        WebappSession session = new WebappSession(baseUrl);
        session.refreshToken("/camunda/app/tasklist/");
        return session;
    }

    /** Logs in to one webapp; answers the login's HTTP status with the session (200 when it worked). */
    public static WebappSession login(String baseUrl, String app, String user, String password) {
        WebappSession session = new WebappSession(baseUrl);
        session.refreshToken("/camunda/app/" + app + "/");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
        session.loginStatus = session.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/camunda/api/admin/auth/user/default/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", session.csrfToken)
            .POST(HttpRequest.BodyPublishers.ofString(form))).status();
        // the login starts a new session, which has a token of its own
        session.refreshToken("/camunda/api/admin/auth/user/default");
        return session;
    }

    int loginStatus;

    /** The HTTP client that carries this session's cookie (for callers that time their own requests). */
    public HttpClient client() {
        return http;
    }

    /** The session's CSRF token, which the webapps' APIs want on every call that changes or posts. */
    public String csrfToken() {
        return csrfToken;
    }

    /** The login's HTTP status: 200 when it worked. */
    public int loginStatus() {
        return loginStatus;
    }

    /** Calls the app with this session's cookie and CSRF token, a body as JSON. */
    public Answer send(String method, String path, Object body) {
        return send(method, path, body, Map.of());
    }

    /** The same with more headers, as a browser adds them (Origin, Sec-Fetch-Site). */
    public Answer send(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method, publisher);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (csrfToken != null) {
                request.header("X-XSRF-TOKEN", csrfToken);
            }
            headers.forEach(request::header);
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refreshToken(String path) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
        csrfToken = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue).reduce((first, second) -> second).orElse(null);
    }

    /**
     * A GET of a webapp API with this session's cookie at another node ({@code baseUrl}) of the same cluster:
     * the session is kept in the database, so every node knows it.
     */
    public Answer getAt(String baseUrl, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").GET());
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
