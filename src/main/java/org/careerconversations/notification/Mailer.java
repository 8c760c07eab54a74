package org.careerconversations.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a notification to the SMTP server of {@code spring.mail.*}. Spring Boot creates a JavaMailSender only
 * when {@code spring.mail.host} is set; without one (the demo, and by default the {@code postgres} profile)
 * the log says which notification was not sent, to whom (user id) and its subject — never what it says.
 */
@Component
class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationSettings settings;

    Mailer(ObjectProvider<JavaMailSender> mailSender, NotificationSettings settings) {
        this.mailSender = mailSender;
        this.settings = settings;
    }

    /** Sends the mail and answers true, or, with no mail server configured, logs it and answers false. */
    boolean deliver(Notification notification) throws MessagingException {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            // what it says stays in the notification table: a log file is kept and copied where no retention
            // or erasure reaches
            LOG.info("No mail server configured (spring.mail.host): notification {} to {} not sent: \"{}\"",
                notification.getId(), notification.getRecipientId(), notification.getSubject());
            return false;
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper mail = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
            StandardCharsets.UTF_8.name());
        mail.setFrom(settings.from());
        mail.setTo(notification.getRecipient());
        if (notification.getCc().isPresent()) {
            mail.setCc(notification.getCc().get());
        }
        mail.setSubject(notification.getSubject());
        mail.setText(notification.getBodyText(), notification.getBodyHtml());
        if (notification.getCalendar().isPresent()) {
            // the method parameter tells mail clients to offer "add to calendar" / "remove from calendar"
            String method = notification.getKind() == Notification.Kind.CONVERSATION_CANCELLED ? "CANCEL" : "REQUEST";
            mail.addAttachment("invite.ics", new ByteArrayDataSource(notification.getCalendar().get().getBytes(StandardCharsets.UTF_8),
                "text/calendar; charset=UTF-8; method=" + method));
        }
        sender.send(message);
        return true;
    }
}
