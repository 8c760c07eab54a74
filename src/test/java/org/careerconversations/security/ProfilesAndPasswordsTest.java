package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * People's names come from the organisation, their passwords must be worth the name, and nobody can lock
 * anyone out for good — the administrator included.
 */
class ProfilesAndPasswordsTest extends AppTest {

    @Autowired
    IdentityService identityService;

    @AfterEach
    void everyoneHasTheDemoPasswordAndNoLock() {
        for (String user : new String[] {"elin", "dora", "admin"}) {
            User stored = identityService.createUserQuery().userId(user).singleResult();
            stored.setPassword("demo");
            identityService.saveUser(stored);
            identityService.unlockUser(user);
        }
    }

    @Test
    void evaCannotRenameHerself() {
        Answer answer = rest().as("eva").send("PUT", "/engine-rest/user/eva/profile",
            Map.of("id", "eva", "firstName", "Hanna", "lastName", "Hart (HR)", "email", "eva@example.org"));
        Answer mail = rest().as("eva").send("PUT", "/engine-rest/user/eva/profile",
            Map.of("id", "eva", "firstName", "Eva", "lastName", "Evers", "email", "eva@evil.example"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.message()).contains("come from the organisation");
        assertThat(mail.status()).as(mail.body()).isEqualTo(403);
        User eva = identityService.createUserQuery().userId("eva").singleResult();
        assertThat(eva.getFirstName() + " " + eva.getLastName() + " " + eva.getEmail())
            .isEqualTo("Eva Evers eva@example.org");
    }

    @Test
    void aPasswordNeedsTwelveCharactersNoUserNameAndNothingCommon() {
        assertThat(changePassword("elin", "a")).contains("at least 12 characters");
        assertThat(changePassword("elin", "elin-is-on-holiday")).contains("must not contain your user name");
        assertThat(changePassword("elin", "Password1234")).contains("most common");
        assertThat(identityService.checkPassword("elin", "demo")).as("unchanged").isTrue();

        Answer good = rest().as("elin").send("PUT", "/engine-rest/user/elin/credentials",
            Map.of("password", "a walk along the river", "authenticatedUserPassword", "demo"));
        assertThat(good.status()).as(good.body()).isEqualTo(204);
        assertThat(identityService.checkPassword("elin", "a walk along the river")).isTrue();
    }

    @Test
    void strangersLockAnAccountForFifteenMinutesAtMostNeverForGood() {
        for (String user : new String[] {"dora", "admin"}) {
            Instant now = Instant.now();
            ClockUtil.setCurrentTime(Date.from(now));
            Duration longestLock = Duration.ZERO;
            for (int wrong = 1; wrong <= 14; wrong++) {
                assertThat(rest().as(user, "guess-" + wrong).get("/engine-rest/user?maxResults=1").status())
                    .isEqualTo(401);
                Instant lockedUntil = lockedUntil(user);
                longestLock = longestLock.compareTo(Duration.between(now, lockedUntil)) > 0 ? longestLock
                    : Duration.between(now, lockedUntil);
                if (wrong < 14) {
                    now = lockedUntil.plusSeconds(1);
                    ClockUtil.setCurrentTime(Date.from(now));
                }
            }
            assertThat(longestLock).as(user + "'s longest lock").isEqualTo(Duration.ofMinutes(15));

            ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(15)).minusSeconds(1)));
            assertThat(rest().as(user).get("/engine-rest/user?maxResults=1").status()).as(user + " still locked")
                .isEqualTo(401);
            ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(15)).plusSeconds(1)));
            assertThat(rest().as(user).get("/engine-rest/user?maxResults=1").status()).as(user + " after the lock")
                .isEqualTo(200);
        }
    }

    private String changePassword(String user, String password) {
        Answer answer = rest().as(user).send("PUT", "/engine-rest/user/" + user + "/credentials",
            Map.of("password", password, "authenticatedUserPassword", "demo"));
        assertThat(answer.status()).as(password + " → " + answer.body()).isEqualTo(400);
        return answer.message();
    }

    private Instant lockedUntil(String user) {
        return jdbc.queryForObject("select LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?", Timestamp.class, user)
            .toInstant();
    }
}
