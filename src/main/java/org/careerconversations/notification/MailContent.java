package org.careerconversations.notification;

/** A rendered mail: subject, plain text and HTML bodies, and an ICS calendar object or {@code null}. */
record MailContent(String subject, String text, String html, String calendar) {
}
