package org.careerconversations.notification;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A mail as GreenMail received it, taken apart: addresses, subject, plain text, HTML and the ICS part. */
record ReceivedMail(String from, List<String> to, List<String> cc, String subject, String text, String html,
                    String calendar, String calendarContentType) {

    static ReceivedMail of(MimeMessage message) {
        try {
            Parts parts = new Parts();
            parts.collect(message);
            return new ReceivedMail(((InternetAddress) message.getFrom()[0]).getAddress(),
                addresses(message.getRecipients(RecipientType.TO)), addresses(message.getRecipients(RecipientType.CC)),
                message.getSubject(), parts.text, parts.html, parts.calendar, parts.calendarContentType);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the mail", e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of()
            : Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private static final class Parts {
        String text;
        String html;
        String calendar;
        String calendarContentType;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (part.isMimeType("text/calendar")) {
                calendar = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                calendarContentType = part.getContentType();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            } else if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            }
        }
    }
}
