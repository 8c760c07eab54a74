package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.Test;

/**
 * The app's API against requests other sites make a browser send: a browser that knows the password for it
 * (it never asks for one here) or is logged in to the webapps must not carry out what a page elsewhere
 * wants. And what the API answers about people stays out of caches and is never read as a page.
 */
class ApiRequestsTest extends AppTest {

    private static final String IMPORT = "/api/organisation/import?mode=partial";
    private static final String EVA_UNCHANGED = "id,name,email,managerId,hrPartnerId,hireDate,employmentType,jobTitle\n"
        + "eva,Eva Evers,eva@example.org,maria,hanna,2026-09-01,probation,Software Engineer\n";

    @Test
    void anImportSentFromAnotherSiteIsRefused() {
        EngineRest hanna = rest().as("hanna");

        Answer fromEvil = hanna.withHeader("Origin", "http://evil.example").post(IMPORT, "text/csv", EVA_UNCHANGED);
        Answer referredByEvil = hanna.withHeader("Referer", "http://evil.example/page").post(IMPORT, "text/csv",
            EVA_UNCHANGED);
        Answer sandboxed = hanna.withHeader("Origin", "null").post(IMPORT, "text/csv", EVA_UNCHANGED);
        Answer asAForm = hanna.post(IMPORT, "text/plain", EVA_UNCHANGED);

        assertThat(fromEvil.status()).as(fromEvil.body()).isEqualTo(403);
        assertThat(fromEvil.message()).contains("other sites");
        assertThat(referredByEvil.status()).isEqualTo(403);
        assertThat(sandboxed.status()).isEqualTo(403);
        assertThat(asAForm.status()).as(asAForm.body()).isEqualTo(415);
        // the same import from the app's own pages, or a script, is carried out
        Answer sameSite = hanna.withHeader("Origin", "http://localhost:" + port).post(IMPORT, "text/csv", EVA_UNCHANGED);
        assertThat(sameSite.status()).as(sameSite.body()).isEqualTo(200);
        assertThat(hanna.post(IMPORT, "text/csv", EVA_UNCHANGED).status()).isEqualTo(200);
    }

    @Test
    void aRevisionRequestFromAnotherSiteIsRefusedEvenWithTheWebappLogin() {
        WebappSession eva = WebappSession.login("http://localhost:" + port, "tasklist", "eva", "demo");
        Answer answer = eva.send("POST", "/api/conversations/eva-1/revision-requests", Map.of("reason", "probe"),
            Map.of("Sec-Fetch-Site", "cross-site"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.message()).contains("other sites");
    }

    @Test
    void theApiNeverAsksABrowserForAPassword() {
        Answer anonymous = rest().get("/api/employees/eva/export");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void anExportIsADownloadThatNoCacheKeeps() {
        Answer export = rest().as("eva").get("/api/employees/eva/export");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Cache-Control")).contains("no-store");
        assertThat(export.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(export.header("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
    }
}
