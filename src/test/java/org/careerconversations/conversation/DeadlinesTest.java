package org.careerconversations.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The due dates the model asks for, on the engine clock, without the engine or Spring. */
class DeadlinesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    private final Deadlines deadlines = new Deadlines();

    @BeforeEach
    void engineClock() {
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void eachStepIsDueItsTimeAfterNowByDefault() {
        assertThat(deadlines.scheduling().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(deadlines.documenting().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(deadlines.signingOff().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(deadlines.hrDecision().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(deadlines.checkIn().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void preparationIsDueADayBeforeTheMeetingAndHoldingADayAfter() {
        Date meeting = Date.from(NOW.plus(Duration.ofDays(10)));
        assertThat(deadlines.preparation(meeting).toInstant()).isEqualTo(NOW.plus(Duration.ofDays(9)));
        assertThat(deadlines.holding(meeting).toInstant()).isEqualTo(NOW.plus(Duration.ofDays(11)));
    }

    @Test
    void aMeetingTooSoonForTheLeadTimeMakesThePreparationDueAtTheMeeting() {
        Date tomorrowMorning = Date.from(NOW.plus(Duration.ofHours(20)));
        assertThat(deadlines.preparation(tomorrowMorning)).isEqualTo(tomorrowMorning);
    }

    @Test
    void theSettingsChangeTheDueDates() {
        deadlines.setScheduling(Duration.ofDays(3));
        deadlines.setPreparationBeforeMeeting(Duration.ofHours(2));
        deadlines.setCheckIn(Duration.ofDays(14));
        Date meeting = Date.from(NOW.plus(Duration.ofDays(1)));

        assertThat(deadlines.scheduling().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(deadlines.preparation(meeting).toInstant())
            .isEqualTo(meeting.toInstant().minus(Duration.ofHours(2)));
        assertThat(deadlines.checkIn().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(14)));
    }
}
