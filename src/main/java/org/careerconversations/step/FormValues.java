package org.careerconversations.step;

import java.util.Collection;
import java.util.Locale;

/**
 * The one reader of text and choices, for a whole form ({@link SubmittedForm}) and for a row of one of its lists
 * ({@link SubmittedForm.Row}): each says where a value comes from and how a broken rule is reported.
 */
public abstract class FormValues {

    FormValues() {
    }

    /** The value as submitted, or null. */
    abstract Object raw(String key);

    /** The key under which {@link FieldLabels} knows the field's option words. */
    abstract String optionsKey(String key);

    /** Adds a broken rule; the rule continues the field's label: "is required when …". */
    public abstract void reject(String key, String rule);

    public String requiredText(String key, int maxLength) {
        Object raw = raw(key);
        if (raw == null || raw.toString().isBlank()) {
            reject(key, "is required");
            return null;
        }
        return optionalText(key, maxLength);
    }

    /** The text without surrounding white space, or null when the field is empty. */
    public String optionalText(String key, int maxLength) {
        Object raw = raw(key);
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        String value = raw.toString().strip();
        if (value.length() > maxLength) {
            reject(key, String.format(Locale.ENGLISH, "can be at most %,d characters (you entered %,d)", maxLength,
                value.length()));
            return null;
        }
        return value;
    }

    public String requiredChoice(String key, Collection<String> allowed) {
        Object raw = raw(key);
        String value = raw == null ? null : raw.toString().trim();
        if (value == null || value.isEmpty()) {
            reject(key, "is required");
            return null;
        }
        if (!allowed.contains(value)) {
            reject(key, "must be one of: " + String.join(", ", FieldLabels.options(optionsKey(key), allowed))
                + " (you sent " + SubmittedForm.quoted(SubmittedForm.shorten(value)) + ")");
            return null;
        }
        return value;
    }
}
