package org.careerconversations.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careerconversations.AppTest;
import org.careerconversations.privacy.PersonalDataStore;
import org.careerconversations.security.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A webapp login lives in the database, where every node finds it: named by its Camunda user, kept fresh when
 * the webapps renew it, and gone when the person is erased.
 */
class WebappSessionsTest extends AppTest {

    private static final String TASK_COUNT = "/camunda/api/engine/engine/default/task/count";

    @Autowired
    WebappSessions sessions;

    @Test
    void aLoginIsStoredUnderItsUserRenewedInTheStoreAndErasedWithThePerson() {
        WebappSession erik = WebappSession.login(baseUrl(), "tasklist", "erik", "demo");
        assertThat(erik.loginStatus()).isEqualTo(200);
        assertThat(sessionsOf("erik")).isOne();
        byte[] stored = storedLogin("erik");

        // later than the webapps keep a login without looking at the user's groups again (5 minutes)
        ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(6 * 60)));
        assertThat(erik.getAt(baseUrl(), TASK_COUNT).status()).isEqualTo(200);

        assertThat(storedLogin("erik")).as("the renewed login is what every node reads").isNotEqualTo(stored);

        sessions.erase("erik", new PersonalDataStore.Subject("erik", "Erik Eriksen", "erik@example.org"));
        assertThat(sessionsOf("erik")).isZero();
        assertThat(erik.getAt(baseUrl(), TASK_COUNT).status()).as("logged out").isEqualTo(401);
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private int sessionsOf(String user) {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class, user);
    }

    private byte[] storedLogin(String user) {
        return jdbc.queryForObject("select a.attribute_bytes from spring_session_attributes a join spring_session s "
            + "on s.primary_id = a.session_primary_id where s.principal_name = ? and a.attribute_name = "
            + "'authenticatedUser'", byte[].class, user);
    }
}
