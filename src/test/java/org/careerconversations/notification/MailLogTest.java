package org.careerconversations.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.careerconversations.process.OrganisationClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Without a mail server (no {@code spring.mail.host}: the demo, and the {@code postgres} profile unless one is
 * configured) the log says which notification was not sent, to whom and about what — never what it says.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailLogTest {

    @Test
    void aMailThatIsNotSentLeavesNoBodyInTheLog(CapturedOutput output) throws Exception {
        Mailer mailer = new Mailer(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
            new NotificationSettings("careers@example.org", "http://localhost/", "PT1M", Duration.ofHours(1),
                new OrganisationClock(), 50, 30_000));
        Notification mail = new Notification(Notification.Kind.SIGN_OFF_REQUESTED, "eva", "eva@example.org", null,
            "eva-1", null, new MailContent("Please review your agreements", "You are on probation until May. "
            + "SECRET-goal", "<p>You are on probation until May. SECRET-goal</p>", null), Instant.now());
        ReflectionTestUtils.setField(mail, "id", 42L);

        assertThat(mailer.deliver(mail)).as("not sent").isFalse();

        assertThat(output.getOut()).contains("notification 42 to eva not sent", "Please review your agreements")
            .doesNotContain("probation", "SECRET-goal", "eva@example.org");
    }
}
