package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careerconversations.EngineRest;
import org.careerconversations.EngineRest.Answer;
import org.careerconversations.security.ProbeSuiteTest.Api;
import org.careerconversations.security.ProbeSuiteTest.Channel;
import org.careerconversations.security.ProbeSuiteTest.Probe;
import org.careerconversations.security.sso.SsoAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ProbeSuiteTest}'s attacks with single sign-on: every path of its one list of probes, sent with the
 * attacker's own bearer token from the organisation's identity provider (and with none), judged by the same
 * rules — a denial or an empty answer, nothing of the victim's. The webapps' APIs and the people's pages take no
 * tokens, so those probes must be refused outright. Each probe that a token can reach answers its control, who
 * may read it, with that person's token.
 */
class SsoProbeSuiteTest extends SsoAppTest {

    /** Who tries with their own token, at whose conversation: a colleague, another team's manager, nobody. */
    private static final List<String[]> ATTACKS = List.of(
        new String[] {"erik", "eva"},
        new String[] {"mark", "eva"},
        new String[] {null, "eva"});

    private final Map<String, Map<String, String>> targets = new LinkedHashMap<>();
    private final Map<String, EngineRest> tokens = new LinkedHashMap<>();

    @BeforeEach
    void evaAndErikEachHaveAnAgreedAndAnOpenConversation() {
        targets.put("eva", ProbeSuiteTest.target(engine, jdbc, "eva", "maria"));
        targets.put("erik", ProbeSuiteTest.target(engine, jdbc, "erik", "maria"));
    }

    @Test
    void noProbeReachesAnotherPersonsConversationWithAToken() {
        List<String> findings = new ArrayList<>();
        for (String[] attack : ATTACKS) {
            String attacker = attack[0];
            Map<String, String> victim = targets.get(attack[1]);
            EngineRest client = attacker == null ? rest() : token(attacker);
            for (Probe probe : ProbeSuiteTest.PROBES) {
                String path = ProbeSuiteTest.fill(probe.path(), victim, attacker);
                Object body = ProbeSuiteTest.fill(probe.body(), victim, attacker);
                Answer answer = client.send(probe.method(), ProbeSuiteTest.prefix(probe, Channel.TOKEN) + path, body);
                if (!takesTokens(probe) && attacker != null && answer.status() != 401) {
                    findings.add(attacker + " via TOKEN " + probe.method() + " " + path + " → " + answer.status()
                        + " (expected 401: no tokens here) " + ProbeSuiteTest.shorten(answer.body()));
                }
                ProbeSuiteTest.judge(probe, attacker, victim, Channel.TOKEN, ProbeSuiteTest.requestText(path, body),
                    answer).ifPresent(findings::add);
            }
        }
        assertThat(findings).as("answers that leak or are not a denial").isEmpty();
    }

    @Test
    void everyProbeATokenCanReachAnswersSomeoneEntitledToIt() {
        List<String> dead = new ArrayList<>();
        for (Map<String, String> victim : targets.values()) {
            Map<String, String> controls = Map.of("employee", victim.get("employee"), "manager", "maria",
                "owner", "olga", "hr", "hanna", "admin", "admin", "designer", "hugo");
            for (Probe probe : ProbeSuiteTest.PROBES) {
                if (probe.control() == null || !takesTokens(probe)) {
                    continue;
                }
                String user = controls.get(probe.control());
                String path = ProbeSuiteTest.fill(probe.path(), victim, user);
                Object body = ProbeSuiteTest.fill(probe.body(), victim, user);
                Answer answer = token(user).send(probe.method(), ProbeSuiteTest.prefix(probe, Channel.TOKEN) + path,
                    body);
                if (answer.status() / 100 != 2 || ProbeSuiteTest.isEmpty(answer.body())) {
                    dead.add("TOKEN " + probe.method() + " " + path + " as " + user + " → " + answer.status() + " "
                        + ProbeSuiteTest.shorten(answer.body()));
                }
            }
        }
        assertThat(dead).as("probes that reach nothing even for someone entitled").isEmpty();
    }

    /** The engine REST API and the app's API take bearer tokens; the webapps' APIs and the pages a session. */
    private static boolean takesTokens(Probe probe) {
        return probe.api() == Api.ENGINE || probe.api() == Api.APP;
    }

    private EngineRest token(String user) {
        return tokens.computeIfAbsent(user, this::withToken);
    }
}
