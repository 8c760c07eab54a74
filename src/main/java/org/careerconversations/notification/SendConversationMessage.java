package org.careerconversations.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.conversation.Conversation;
import org.careerconversations.conversation.ConversationService;
import org.careerconversations.organisation.Employee;
import org.careerconversations.organisation.EmployeeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A step a designer adds from the element template "Send a notification"
 * (.camunda/element-templates/send-notification.json): mails the people of this conversation the subject and
 * message written on the step, with the greeting and the Tasklist link every mail has, through the outbox.
 * The step's settings arrive as input parameters (local variables of the step) rather than injected fields,
 * which would be written into this one shared bean by concurrent steps. They are checked when the step runs;
 * a wrong one fails the step with the field's label and the rule (an incident, since the template makes the
 * step asynchronous).
 */
@Component("sendConversationMessage")
class SendConversationMessage implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(SendConversationMessage.class);

    /** The input parameters the template binds, and what the Modeler calls them. */
    static final String RECIPIENTS = "recipients";
    static final String SUBJECT = "subject";
    static final String MESSAGE = "message";
    static final String RECIPIENTS_LABEL = "Send to";
    static final String SUBJECT_LABEL = "Subject";
    static final String MESSAGE_LABEL = "Message";
    /**
     * The subject column holds 500 characters; a String process variable 4,000, and a longer one cannot be
     * stored. The template says the same.
     */
    static final int SUBJECT_MAX_LENGTH = 200;
    static final int MESSAGE_MAX_LENGTH = 3000;

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
    private final ConversationService conversations;
    private final EmployeeRepository employees;
    private final MailTemplates templates;
    private final NotificationSettings settings;

    SendConversationMessage(Notifications notifications, ConversationService conversations,
                            EmployeeRepository employees, MailTemplates templates, NotificationSettings settings) {
        this.notifications = notifications;
        this.conversations = conversations;
        this.employees = employees;
        this.templates = templates;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String recipientsValue = setting(execution, RECIPIENTS, RECIPIENTS_LABEL, 40);
        Recipients recipients = Recipients.of(recipientsValue).orElseThrow(() -> invalid(execution, RECIPIENTS_LABEL,
            RECIPIENTS, "is \"" + recipientsValue + "\"; it must be one of " + String.join(", ", Recipients.allowed())));
        String subject = setting(execution, SUBJECT, SUBJECT_LABEL, SUBJECT_MAX_LENGTH);
        String message = setting(execution, MESSAGE, MESSAGE_LABEL, MESSAGE_MAX_LENGTH);

        String businessKey = execution.getProcessBusinessKey();
        Conversation conversation = (businessKey == null ? Optional.<Conversation>empty()
            : conversations.findByBusinessKey(businessKey)).orElseThrow(() -> new IllegalStateException(
                step(execution) + " has no conversation to write about (business key " + businessKey
                    + "): put it after \"Open the conversation record\""));
        for (String id : recipients.people.apply(conversation).distinct().toList()) {
            Optional<Employee> person = id == null ? Optional.empty() : employees.findById(id);
            if (person.isEmpty()) {
                LOG.info("{}: conversation {} has no {} to write to", step(execution), businessKey, recipients.value);
                continue;
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("greetingName", MailFormat.firstName(person.get()));
            variables.put("message", message);
            variables.put("paragraphs", paragraphs(message));
            variables.put("link", settings.tasklistUrl());
            notifications.queue(Notification.Kind.DESIGNER_MESSAGE, person.get(), Optional.empty(), businessKey, null,
                templates.render("designer-message", subject, variables));
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

    private static String setting(DelegateExecution execution, String name, String label, int maxLength) {
        Object value = execution.getVariableLocal(name);
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            throw invalid(execution, label, name, "is empty; it must be filled in");
        }
        if (text.length() > maxLength) {
            throw invalid(execution, label, name, "has " + text.length() + " characters; at most " + maxLength
                + " are allowed");
        }
        return text;
    }

    private static IllegalArgumentException invalid(DelegateExecution execution, String label, String name,
                                                    String rule) {
        return new IllegalArgumentException(step(execution) + ": the field \"" + label + "\" (input parameter "
            + name + ") " + rule);
    }

    private static String step(DelegateExecution execution) {
        return "Step \"" + execution.getCurrentActivityName() + "\" (" + execution.getCurrentActivityId() + ")";
    }
}
