package org.careerconversations.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/**
 * The server's reading of a submission, without the engine or Spring: each broken rule in the form's words,
 * all of them at once, and the same rules for a field of the form and a field of a list's row.
 */
class SubmittedFormTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static SubmittedForm form(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new SubmittedForm(values::get);
    }

    private static String refusal(SubmittedForm form) {
        try {
            form.throwIfInvalid();
        } catch (FormFieldValidationException e) {
            return e.getMessage();
        }
        throw new AssertionError("the submission was accepted");
    }

    @Test
    void aValidSubmissionIsReadTrimmedAndAccepted() {
        SubmittedForm form = form("meetingPlace", "  Room Tulip ", "jobSatisfaction", 4, "earlierTalkWished", "true",
            "retentionRisk", "low");
        assertThat(form.requiredText("meetingPlace", SubmittedForm.SHORT_TEXT)).isEqualTo("Room Tulip");
        assertThat(form.optionalText("topics", SubmittedForm.LONG_TEXT)).isNull();
        assertThat(form.requiredWholeNumber("jobSatisfaction", 1, 5)).isEqualTo(4);
        assertThat(form.flag("earlierTalkWished")).isTrue();
        assertThat(form.requiredChoice("retentionRisk", List.of("low", "medium", "high"))).isEqualTo("low");
        form.throwIfInvalid();
    }

    @Test
    void everyBrokenRuleIsNamedByItsLabelAtOnce() {
        SubmittedForm form = form("meetingPlace", " ", "wentWell", "x".repeat(2001), "jobSatisfaction", 7,
            "retentionRisk", "unknown", "earlierTalkWished", "maybe");
        form.requiredText("meetingPlace", SubmittedForm.SHORT_TEXT);
        form.requiredText("wentWell", SubmittedForm.LONG_TEXT);
        form.requiredWholeNumber("jobSatisfaction", 1, 5);
        form.requiredChoice("retentionRisk", List.of("low", "medium", "high"));
        form.flag("earlierTalkWished");

        assertThat(refusal(form)).contains(
            "\u201cPlace or video link\u201d is required.",
            "\u201cWhat went well since your last conversation?\u201d can be at most 2,000 characters (you entered "
                + "2,001).",
            "must be a whole number from 1 to 5 (you entered 7).",
            "\u201cRetention risk\u201d must be one of: Low, Medium, High (you sent \u201cunknown\u201d).",
            "must be ticked or not").doesNotContain("meetingPlace", "retentionRisk");
    }

    @Test
    void aMeetingInThePastIsRefusedInPeoplesTime() {
        Instant now = Instant.parse("2026-11-30T09:00:00Z");
        SubmittedForm form = form("meetingAt", "2026-11-29T10:00:00+01:00");
        assertThat(form.requiredFutureInstant("meetingAt", now, AMSTERDAM)).isNull();
        assertThat(refusal(form)).isEqualTo("The meeting time must not be in the past (you entered "
            + "29 Nov 2026 10:00).");

        assertThat(form("meetingAt", "2026-12-01T10:00").requiredFutureInstant("meetingAt", now, AMSTERDAM))
            .isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    }

    @Test
    void aListRowIsReadWithTheSameRulesAndNamedByListAndEntry() {
        SubmittedForm form = form("developmentActions", List.of(
            Map.of("action", "Presentation course", "kind", "training"),
            Map.of("action", "", "kind", ""),
            Map.of("action", "x".repeat(201), "kind", "holiday")));
        List<String> actions = form.list("developmentActions", 1, row -> {
            String action = row.requiredText("action", SubmittedForm.LIST_TEXT);
            row.requiredChoice("kind", Set.of("training", "mentoring"));
            return action;
        });

        assertThat(actions).as("the empty row is left out").hasSize(2).startsWith("Presentation course");
        assertThat(refusal(form)).isEqualTo("\u201cDevelopment plan\u201d, entry 2: \u201cStep\u201d can be at most "
            + "200 characters (you entered 201). \u201cDevelopment plan\u201d, entry 2: \u201cKind of step\u201d must "
            + "be one of: Training or course, Mentoring or coaching (you sent \u201choliday\u201d).");
    }

    @Test
    void aListNeedsItsRowsAndHasALimit() {
        SubmittedForm empty = form("goals", "[]");
        assertThat(empty.list("goals", 1, row -> row)).isEmpty();
        assertThat(refusal(empty)).isEqualTo("\u201cAgreed goals\u201d needs at least 1 entry.");

        List<Map<String, Object>> rows = java.util.stream.IntStream.rangeClosed(1, 21)
            .mapToObj(i -> Map.<String, Object>of("goal", "Goal " + i)).toList();
        SubmittedForm tooMany = form("goals", rows);
        tooMany.list("goals", 1, row -> row);
        assertThat(refusal(tooMany)).isEqualTo("\u201cAgreed goals\u201d can have at most 20 entries (you entered 21).");

        assertThatThrownBy(() -> {
            SubmittedForm notAList = form("goals", "not json");
            notAList.list("goals", 0, row -> row);
            notAList.throwIfInvalid();
        }).isInstanceOf(FormFieldValidationException.class).hasMessage("\u201cAgreed goals\u201d must be a list of "
            + "entries.");
    }
}
