package org.careerconversations.step;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reads the values a form (or a REST call) submitted for a step and checks them against the same rules the
 * form states. Values arrive as Tasklist sends them: text as String, numbers as Integer or Long, date-times as
 * ISO strings, lists as Json. Every broken rule is collected; {@link #throwIfInvalid()} rejects the submission
 * with one message that names each field by its label on the form ({@link FieldLabels}) and says the rule
 * with what was entered, in people's format, so the task stays open and nothing is stored.
 */
public final class SubmittedForm extends FormValues {

    public static final int LONG_TEXT = 2000;
    public static final int SHORT_TEXT = 200;
    public static final int LIST_TEXT = 200;
    static final int MAX_LIST_ROWS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How a refusal writes a date and time: "29 Nov 2026 09:00", in the organisation's time zone. */
    private static final DateTimeFormatter ENTERED = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final Function<String, Object> variables;
    private final List<String> problems = new ArrayList<>();
    private String firstField;

    /** The values of a task's or a start's variables, as the form (or a REST call) submitted them. */
    public SubmittedForm(VariableScope variables) {
        this(variables::getVariable);
    }

    /** The values a form submitted, by field key. */
    SubmittedForm(Function<String, Object> values) {
        this.variables = values;
    }

    @Override
    Object raw(String field) {
        return variables.apply(field);
    }

    @Override
    String optionsKey(String field) {
        return field;
    }

    public int requiredWholeNumber(String field, int min, int max) {
        Object raw = raw(field);
        String rule = "must be a whole number from " + min + " to " + max;
        if (raw == null || raw.toString().isBlank()) {
            reject(field, "is required (a whole number from " + min + " to " + max + ")");
            return min;
        }
        try {
            long value = raw instanceof Number n ? wholeNumber(n) : Long.parseLong(raw.toString().trim());
            if (value < min || value > max) {
                reject(field, rule + " (you entered " + value + ")");
                return min;
            }
            return (int) value;
        } catch (NumberFormatException e) {
            reject(field, rule + " (you entered " + quoted(shorten(raw.toString())) + ")");
            return min;
        }
    }

    public boolean flag(String field) {
        Object raw = raw(field);
        if (raw == null) {
            return false;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = raw.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        reject(field, "must be ticked or not (true or false; you sent " + quoted(shorten(text)) + ")");
        return false;
    }

    /** A date and time that must not lie before {@code notBefore} (now, for a meeting to come). */
    public Instant requiredFutureInstant(String field, Instant notBefore, ZoneId zone) {
        Instant value = requiredInstant(field, zone);
        if (value != null && value.isBefore(notBefore)) {
            reject(field, "must not be in the past (you entered " + entered(value, zone) + ")");
            return null;
        }
        return value;
    }

    /** A date and time that must lie between {@code notBefore} and {@code notAfter} (now, for a past event). */
    public Instant requiredPastInstant(String field, Instant notBefore, Instant notAfter, ZoneId zone) {
        Instant value = requiredInstant(field, zone);
        if (value == null) {
            return null;
        }
        if (value.isAfter(notAfter)) {
            reject(field, "must not be in the future (you entered " + entered(value, zone) + ")");
            return null;
        }
        if (value.isBefore(notBefore)) {
            reject(field, "must not be before " + entered(notBefore, zone) + ", when this conversation was started"
                + " (you entered " + entered(value, zone) + ")");
            return null;
        }
        return value;
    }

    private Instant requiredInstant(String field, ZoneId zone) {
        Object raw = raw(field);
        if (raw == null || raw.toString().isBlank()) {
            reject(field, "is required");
            return null;
        }
        if (raw instanceof Date date) {
            return date.toInstant();
        }
        Instant value = parseInstant(raw.toString().trim(), zone);
        if (value == null) {
            reject(field, "must be a date and time such as 2026-12-01T10:00+01:00 (you sent "
                + quoted(shorten(raw.toString())) + ")");
        }
        return value;
    }

    /** "29 Nov 2026 09:00": a date and time as a refusal shows what someone entered. */
    static String entered(Instant instant, ZoneId zone) {
        return ENTERED.format(instant.atZone(zone));
    }

    /**
     * The rows of a dynamic list, each turned into a value by {@code row}; {@code minRows} rows are
     * required.
     */
    public <T> List<T> list(String field, int minRows, Function<Row, T> row) {
        List<Map<String, Object>> rows = rows(field);
        if (rows == null) {
            return List.of();
        }
        List<Map<String, Object>> filled = rows.stream().filter(r -> r != null && !isBlankRow(r)).toList();
        if (filled.size() < minRows) {
            reject(field, "needs at least " + minRows + (minRows == 1 ? " entry" : " entries"));
        }
        if (filled.size() > MAX_LIST_ROWS) {
            reject(field, "can have at most " + MAX_LIST_ROWS + " entries (you entered " + filled.size() + ")");
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < filled.size(); i++) {
            result.add(row.apply(new Row(field, i + 1, filled.get(i))));
        }
        return result;
    }

    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(firstField, String.join(" ", problems));
        }
    }

    /**
     * Adds a broken rule for a field (its key, or {@code list.field} in a row), for checks that need more
     * than one field. The rule continues the field's label: "is required when …".
     */
    @Override
    public void reject(String field, String rule) {
        problem(field, FieldLabels.named(field) + " " + rule);
    }

    private void problem(String field, String sentence) {
        if (firstField == null) {
            firstField = field;
        }
        problems.add(sentence + (sentence.endsWith(".") ? "" : "."));
    }

    /** One row of a dynamic list; problems are reported as "“Agreed goals”, entry 2: “Goal” is required." */
    public final class Row extends FormValues {
        private final String list;
        private final int number;
        private final Map<String, Object> values;

        private Row(String list, int number, Map<String, Object> values) {
            this.list = list;
            this.number = number;
            this.values = values;
        }

        /** The row's number in its list, counting from 1. */
        public int number() {
            return number;
        }

        @Override
        Object raw(String key) {
            return values.get(key);
        }

        @Override
        String optionsKey(String key) {
            return list + "." + key;
        }

        /** A whole number such as an id, or null when empty. */
        public Long optionalId(String key) {
            Object raw = values.get(key);
            if (raw == null || raw.toString().isBlank()) {
                return null;
            }
            try {
                return raw instanceof Number n ? n.longValue() : Long.parseLong(raw.toString().trim());
            } catch (NumberFormatException e) {
                reject(key, "must be a number (you sent " + quoted(shorten(raw.toString())) + ")");
                return null;
            }
        }

        public LocalDate optionalDate(String key) {
            Object raw = values.get(key);
            if (raw == null || raw.toString().isBlank()) {
                return null;
            }
            String text = raw.toString().trim();
            try {
                // a date picker sends yyyy-MM-dd; a date-time value keeps its date part
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeException e) {
                reject(key, "must be a date such as 2027-03-31 (you sent " + quoted(shorten(text)) + ")");
                return null;
            }
        }

        /** A broken rule of one field of this row; {@code key} is the row's field, or null for the whole row. */
        @Override
        public void reject(String key, String rule) {
            String where = FieldLabels.named(list) + ", entry " + number + ": ";
            problem(list, where + (key == null ? rule : FieldLabels.named(list + "." + key) + " " + rule));
        }
    }

    /** A label or a value as a refusal quotes it: “Place or video link”. */
    static String quoted(String text) {
        return "\u201c" + text + "\u201d";
    }

    private List<Map<String, Object>> rows(String field) {
        Object raw = raw(field);
        if (raw == null) {
            return new ArrayList<>();
        }
        if (raw instanceof List<?> list) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?>)) {
                    reject(field, "must be a list of entries");
                    return null;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) item;
                rows.add(row);
            }
            return rows;
        }
        // Json (Spin) and String both print as JSON text
        String json = raw.toString();
        if (json.isBlank()) {
            return new ArrayList<>();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        } catch (JsonProcessingException e) {
            reject(field, "must be a list of entries");
            return null;
        }
    }

    private static boolean isBlankRow(Map<String, Object> row) {
        return row.values().stream().allMatch(v -> v == null || v.toString().isBlank());
    }

    private static long wholeNumber(Number n) {
        double d = n.doubleValue();
        if (d != Math.rint(d)) {
            throw new NumberFormatException();
        }
        return n.longValue();
    }

    private static Instant parseInstant(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException ignored) {
            // try the next shape
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException ignored) {
            // try the next shape
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
