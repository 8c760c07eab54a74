package org.careerconversations.security.sso;

import static org.assertj.core.api.Assertions.assertThat;

import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.Test;

/** Integrations call the engine REST API and the app's API with the provider's bearer tokens. */
class SsoTokensTest extends SsoAppTest {

    @Test
    void evasTokenReadsHerTasks() {
        Answer tasks = withToken("eva").get("/engine-rest/task?maxResults=50");
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
    }
}
