package org.careerconversations.security.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The sign-in as a browser makes it, request by request: the provider is asked with PKCE; a callback with a
 * wrong {@code state} or a code used twice, and the sign-in of someone who has left, are refused with a page and
 * one line in the log, and leave no session behind; the webapps' own password login is closed.
 */
@ExtendWith(OutputCaptureExtension.class)
class SsoSignInTest extends SsoAppTest {

    @LocalManagementPort
    int managementPort;

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    @AfterEach
    void emilWorksHereAgain() {
        jdbc.update("update employee set active = true where id = 'emil'");
    }

    @Test
    void aPageOpensTheSignInWhichAsksTheProviderWithPkce() {
        HttpResponse<String> page = OpenIdProvider.send(browser, APP + "/careers/my-conversations", "text/html");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("You sign in with your organisation's account.", "/sso/sign-in.js");
        HttpResponse<String> api = OpenIdProvider.send(browser, APP + "/camunda/api/engine/engine/default/task",
            "application/json");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("Sign in with your organisation's account first.");
        assertThat(sessionCookie()).as("nobody signed in, nothing kept").isNull();

        String toProvider = OpenIdProvider.location(OpenIdProvider.get(browser, APP + "/sso/sign-in?to="
            + OpenIdProvider.encode("/camunda/app/tasklist/default/#/?task=1")));
        String authorize = OpenIdProvider.location(OpenIdProvider.get(browser, toProvider));
        assertThat(authorize).startsWith(PROVIDER.issuer() + "/oauth2/authorize")
            .contains("code_challenge=", "code_challenge_method=S256", "client_id=" + OpenIdProvider.CLIENT_ID);

        // neither Spring Security's own login page nor another site as the way back
        assertThat(OpenIdProvider.get(browser, APP + "/login").statusCode()).isNotEqualTo(200);
        assertThat(SignInPages.ownPage(new org.springframework.mock.web.MockHttpServletRequest(),
            "//elsewhere.example/")).isEmpty();
    }

    @Test
    void healthAndMetricsStillAnswerOnTheManagementPortOnly() {
        assertThat(OpenIdProvider.get(browser, "http://localhost:" + managementPort + "/actuator/health/liveness")
            .statusCode()).isEqualTo(200);
        assertThat(OpenIdProvider.get(browser, "http://localhost:" + managementPort + "/actuator/prometheus")
            .statusCode()).isEqualTo(200);
        assertThat(OpenIdProvider.send(browser, APP + "/actuator/health", "application/json").statusCode())
            .isEqualTo(404);
    }

    @Test
    void aCallbackWithAWrongStateIsRefusedAndKeepsNothing(CapturedOutput log) {
        String callback = PROVIDER.callback(browser, APP + "/sso/sign-in", "eva");
        String forged = callback.replaceAll("state=[^&]+", "state=forged");

        HttpResponse<String> refused = OpenIdProvider.get(browser, forged);
        assertThat(OpenIdProvider.location(refused)).isEqualTo(APP + "/sso/sign-in-failed");
        assertSignInDidNotWork();
        assertThat(sessionCookie()).isNull();
        assertThat(log.getOut().lines().filter(line -> line.contains("Sign-in with the identity provider failed")))
            .singleElement().asString().contains("authorization_request_not_found");
    }

    @Test
    void aCodeUsedTwiceSignsInOnce(CapturedOutput log) {
        String callback = PROVIDER.callback(browser, APP + "/sso/sign-in?to=%2Fcareers%2Fmy-conversations", "eva");
        assertThat(OpenIdProvider.location(OpenIdProvider.get(browser, callback))).isEqualTo(APP + "/careers/my-conversations");
        String session = sessionCookie();
        assertThat(session).isNotNull();

        // the same callback again, from another browser that got hold of it, and from the same one
        CookieManager otherCookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient other = HttpClient.newBuilder().cookieHandler(otherCookies).build();
        assertThat(OpenIdProvider.location(OpenIdProvider.get(other, callback))).isEqualTo(APP + "/sso/sign-in-failed");
        assertThat(otherCookies.getCookieStore().getCookies()).extracting(HttpCookie::getName)
            .doesNotContain("JSESSIONID");
        assertThat(OpenIdProvider.location(OpenIdProvider.get(browser, callback))).isEqualTo(APP + "/sso/sign-in-failed");
        assertThat(sessionCookie()).as("the first sign-in stays as it was").isEqualTo(session);
        assertThat(log.getOut().lines().filter(line -> line.contains("Sign-in with the identity provider failed")))
            .hasSize(2);
    }

    @Test
    void someoneWhoLeftCannotSignInWithAValidProviderAccount(CapturedOutput log) {
        jdbc.update("update employee set active = false where id = 'emil'");

        String callback = PROVIDER.callback(browser, APP + "/sso/sign-in", "emil");
        assertThat(OpenIdProvider.location(OpenIdProvider.get(browser, callback))).isEqualTo(APP + "/sso/not-listed");
        HttpResponse<String> page = OpenIdProvider.get(browser, APP + "/sso/not-listed");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body().replace("&#39;", "'"))
            .contains("Your account is not in the organisation's list — ask your HR partner.");
        assertThat(sessionCookie()).isNull();
        assertThat(log.getOut().lines().filter(line -> line.contains("Sign-in refused"))).singleElement().asString()
            .contains("WARN").contains("has left the organisation").contains("subject at the identity provider: emil");
    }

    @Test
    void someoneWhoLeavesIsSignedOutAtOnceByTheImport() {
        OpenIdProvider.get(browser, PROVIDER.callback(browser, APP + "/sso/sign-in", "emil"));
        // a second browser of his has signed in and not opened a webapp yet
        HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
        OpenIdProvider.get(phone, PROVIDER.callback(phone, APP + "/sso/sign-in", "emil"));
        OpenIdProvider.get(browser, APP + "/camunda/app/tasklist/default/");
        assertThat(OpenIdProvider.send(browser, APP + "/api/my-conversations", "application/json").statusCode())
            .isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'emil'",
            Integer.class)).isEqualTo(2);

        try {
            Answer imported = withToken("hanna").post("/api/organisation/import?mode=full", "text/csv",
                organisationWithout("emil"));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(imported.json().path("deactivated").asInt()).isOne();

            assertThat(OpenIdProvider.send(browser, APP + "/api/my-conversations", "application/json").statusCode())
                .as("his session").isEqualTo(401);
            assertThat(OpenIdProvider.send(browser, APP + "/camunda/app/tasklist/default/", "text/html")
                .statusCode()).as("Tasklist").isEqualTo(401);
            assertThat(OpenIdProvider.send(phone, APP + "/camunda/app/tasklist/default/", "text/html")
                .statusCode()).as("Tasklist on his phone").isEqualTo(401);
            assertThat(OpenIdProvider.location(OpenIdProvider.get(browser, PROVIDER.callback(browser,
                APP + "/sso/sign-in", "emil")))).as("his provider account is still valid")
                .isEqualTo(APP + "/sso/not-listed");
        } finally {
            Answer restored = withToken("hanna").post("/api/organisation/import?mode=full", "text/csv",
                organisationWithout("nobody"));
            assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        }
    }

    /** The organisation as it stands, as the import's CSV, without one person. */
    private String organisationWithout(String leaver) {
        StringBuilder csv = new StringBuilder("id,name,email,managerId,hrPartnerId,hireDate,employmentType,"
            + "jobTitle\n");
        jdbc.query("select id, name, email, manager_id, hr_partner_id, hire_date, employment_type, job_title "
            + "from employee where id <> ? order by id", row -> {
                for (int column = 1; column <= 8; column++) {
                    String value = row.getString(column);
                    csv.append(value == null ? "" : value).append(column < 8 ? "," : "\n");
                }
            }, leaver);
        return csv.toString();
    }

    @Test
    void theWebappsPasswordLoginIsClosed() {
        String form = "username=admin&password=demo";
        assertThat(OpenIdProvider.post(browser, APP + "/camunda/api/admin/auth/user/default/login/tasklist", form)
            .statusCode()).as("without a sign-in").isEqualTo(401);

        OpenIdProvider.get(browser, PROVIDER.callback(browser, APP + "/sso/sign-in", "eva"));
        OpenIdProvider.get(browser, APP + "/camunda/app/tasklist/default/");
        assertThat(jdbc.queryForList("select principal_name from spring_session", String.class))
            .as("the session, kept in the database under its person").contains("eva");
        String csrfToken = cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> asAdmin = OpenIdProvider.send(browser, java.net.http.HttpRequest.newBuilder(
                URI.create(APP + "/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)));
        assertThat(asAdmin.statusCode()).as("signed in as eva, with the administrator's password").isEqualTo(403);
        assertThat(asAdmin.body()).contains("You are not allowed to do this.");
        assertThat(OpenIdProvider.send(browser, APP + "/camunda/api/admin/auth/user/default", "application/json")
            .body()).contains("\"userId\":\"eva\"");
    }

    private void assertSignInDidNotWork() {
        HttpResponse<String> page = OpenIdProvider.get(browser, APP + "/sso/sign-in-failed");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("Signing in did not work", "Sign in again");
    }

    private String sessionCookie() {
        return cookies.getCookieStore().get(URI.create(APP)).stream().filter(c -> c.getName().equals("JSESSIONID"))
            .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
