package org.careerconversations.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.careerconversations.conversation.Conversation;
import org.careerconversations.organisation.Employee;
import org.careerconversations.organisation.EmployeeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The mails a designer writes on a "Send a notification" step: the subject and message to the people of a
 * conversation, with the greeting and the Tasklist link every mail has, through the outbox.
 */
@Component
class DesignerMessages {

    private static final Logger LOG = LoggerFactory.getLogger(DesignerMessages.class);

    /** The choices of "Send to": who of the conversation gets the mail. */
    enum Recipients {
        EMPLOYEE("employee", c -> Stream.of(c.getEmployeeId())),
        MANAGER("manager", c -> Stream.of(c.getManagerId())),
        EMPLOYEE_AND_MANAGER("employeeAndManager", c -> Stream.of(c.getEmployeeId(), c.getManagerId())),
        HR_PARTNER("hrPartner", c -> Stream.of(c.getHrPartnerId()));

        private final String value;
        private final Function<Conversation, Stream<String>> people;

        Recipients(String value, Function<Conversation, Stream<String>> people) {
            this.value = value;
            this.people = people;
        }

        static Optional<Recipients> of(String value) {
            return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
        }

        static List<String> allowed() {
            return Arrays.stream(values()).map(r -> r.value).toList();
        }
    }

    private final Notifications notifications;
    private final EmployeeRepository employees;
    private final MailTemplates templates;
    private final NotificationSettings settings;

    DesignerMessages(Notifications notifications, EmployeeRepository employees, MailTemplates templates,
                     NotificationSettings settings) {
        this.notifications = notifications;
        this.employees = employees;
        this.templates = templates;
        this.settings = settings;
    }

    /** Queues the message to each of {@code recipients} of the conversation; someone it does not have is skipped. */
    void send(Conversation conversation, Recipients recipients, String subject, String message) {
        for (String id : recipients.people.apply(conversation).distinct().toList()) {
            Optional<Employee> person = id == null ? Optional.empty() : employees.findById(id);
            if (person.isEmpty()) {
                LOG.info("Conversation {} has no {} to write to", conversation.getBusinessKey(), recipients.value);
                continue;
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("greetingName", MailFormat.firstName(person.get()));
            variables.put("message", message);
            variables.put("paragraphs", paragraphs(message));
            variables.put("link", settings.tasklistUrl());
            notifications.queue(Notification.Kind.DESIGNER_MESSAGE, person.get(), Optional.empty(),
                conversation.getBusinessKey(), null, templates.render("designer-message", subject, variables));
        }
    }

    /** Paragraphs at empty lines, lines within them kept: how a plain text message reads in HTML. */
    private static List<List<String>> paragraphs(String message) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String paragraph : message.split("\\R\\s*\\R")) {
            if (!paragraph.isBlank()) {
                paragraphs.add(List.of(paragraph.strip().split("\\R")));
            }
        }
        return paragraphs;
    }
}
