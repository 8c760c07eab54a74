package org.careerconversations.notification;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.careerconversations.conversation.Conversation;
import org.careerconversations.conversation.ConversationService;
import org.careerconversations.notification.DesignerMessages.Recipients;
import org.springframework.stereotype.Component;

/**
 * A step a designer adds from the element template "Send a notification"
 * (.camunda/element-templates/send-notification.json): checks the step's settings and has
 * {@link DesignerMessages} mail the people of this conversation the subject and message written on the step.
 * The settings arrive as input parameters (local variables of the step) rather than injected fields, which
 * would be written into this one shared bean by concurrent steps. They are checked when the step runs; a wrong
 * one fails the step with the field's label and the rule (an incident, since the template makes the step
 * asynchronous).
 */
@Component("sendConversationMessage")
class SendConversationMessage implements JavaDelegate {

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

    private final DesignerMessages messages;
    private final ConversationService conversations;

    SendConversationMessage(DesignerMessages messages, ConversationService conversations) {
        this.messages = messages;
        this.conversations = conversations;
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
        messages.send(conversation, recipients, subject, message);
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
