package org.careerconversations.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.careerconversations.conversation.Preparations.ActionInput;
import org.careerconversations.conversation.Preparations.GoalInput;
import org.careerconversations.step.FieldLabels;

/**
 * A plan as people read it: goals and development steps with their kind, dates and progress in words, and what
 * the manager recorded, for the read-only parts of the forms (the process variable {@code planOnRecord}, shown
 * by html components that wrap and show every word), the mails and the manager's look back. Nothing in it is
 * an id or a stored value such as {@code stretch-assignment}. Empty values are left out, so a form can ask
 * {@code {{#if planOnRecord.careerAspirations}}}.
 */
public final class ReadablePlan {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The documented agreement of a conversation: its current plan and what the manager recorded. */
    public static Map<String, Object> of(Conversation c) {
        Map<String, Object> plan = plan(c.getPlanVersion(), inputs(c.currentGoals()), actionInputs(c.currentActions()),
            progressOf(c.currentActions()));
        put(plan, "feedbackSummary", c.getFeedbackSummary());
        put(plan, "careerAspirations", c.getCareerAspirations());
        put(plan, "performance", word("performanceSignal", c.getPerformanceSignal()));
        put(plan, "strengthsObserved", c.getStrengthsObserved());
        put(plan, "areasToGrow", c.getAreasToGrow());
        put(plan, "retentionRisk", word("retentionRisk", c.getRetentionRisk()));
        return plan;
    }

    /**
     * A plan of goals and steps; {@code progress} gives a step's progress value (or null for a step that has
     * none yet).
     */
    public static Map<String, Object> plan(int version, List<GoalInput> goals, List<ActionInput> actions,
                                           Function<ActionInput, String> progress) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("version", version);
        List<Map<String, Object>> goalRows = new ArrayList<>();
        for (GoalInput g : goals) {
            Map<String, Object> row = new LinkedHashMap<>();
            put(row, "goal", g.goal());
            put(row, "measure", g.measure());
            put(row, "targetDate", day(g.targetDate()));
            goalRows.add(row);
        }
        plan.put("goals", goalRows);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (ActionInput a : actions) {
            Map<String, Object> row = new LinkedHashMap<>();
            put(row, "action", a.action());
            put(row, "kind", word("developmentActions.kind", a.kind()));
            put(row, "dueDate", day(a.dueDate()));
            put(row, "support", a.support());
            put(row, "progress", word("status", progress.apply(a)));
            steps.add(row);
        }
        plan.put("steps", steps);
        return plan;
    }

    /** The plan as text: one line per goal and per step, for a mail or a look back at the last plan. */
    public static String text(Map<String, Object> plan) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> g : rows(plan, "goals")) {
            text.append("• Goal: ").append(g.get("goal"));
            Optional.ofNullable(g.get("measure")).ifPresent(m -> text.append(" (you know it is reached when: ")
                .append(m).append(')'));
            Optional.ofNullable(g.get("targetDate")).ifPresent(d -> text.append(", by ").append(d));
            text.append('\n');
        }
        for (Map<String, Object> s : rows(plan, "steps")) {
            text.append("• ").append(s.get("kind")).append(": ").append(s.get("action"));
            Optional.ofNullable(s.get("dueDate")).ifPresent(d -> text.append(", by ").append(d));
            Optional.ofNullable(s.get("progress")).ifPresent(p -> text.append(" — ").append(p));
            text.append('\n');
        }
        return text.toString().strip();
    }

    /**
     * What changed from one version of a plan to the next, in sentences: goals and steps added, dropped or
     * changed (matched by their text).
     */
    public static List<String> changes(List<GoalInput> goalsBefore, List<ActionInput> actionsBefore,
                                       List<GoalInput> goalsAfter, List<ActionInput> actionsAfter) {
        List<String> changes = new ArrayList<>();
        compare(changes, "goal", goalsBefore, goalsAfter, GoalInput::goal,
            g -> List.of(Objects.toString(g.measure(), ""), Objects.toString(g.targetDate(), "")));
        compare(changes, "step", actionsBefore, actionsAfter, ActionInput::action,
            a -> List.of(a.kind(), Objects.toString(a.dueDate(), ""), Objects.toString(a.support(), "")));
        return changes;
    }

    /** A change of one recorded text or choice, if it changed: "The summary of the feedback was rewritten." */
    public static void compareText(List<String> changes, String label, String before, String after) {
        if (!Objects.equals(blankToNull(before), blankToNull(after))) {
            changes.add(after == null || after.isBlank() ? label + " was removed."
                : before == null || before.isBlank() ? label + " was added." : label + " was rewritten.");
        }
    }

    /** A change of a choice, in the options' words: "Performance this period: now … (was …)." */
    public static void compareChoice(List<String> changes, String field, String before, String after) {
        if (before != null && !Objects.equals(before, after)) {
            changes.add(FieldLabels.of(field) + ": now " + word(field, after) + " (was " + word(field, before) + ").");
        }
    }

    /** The plan as the Json value of {@link #VARIABLE}. */
    public static TypedValue json(Map<String, Object> plan) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(plan)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<GoalInput> inputs(List<Goal> goals) {
        return goals.stream().map(g -> new GoalInput(g.getGoal(), g.getMeasure(), g.getTargetDate())).toList();
    }

    public static List<ActionInput> actionInputs(List<DevelopmentAction> actions) {
        return actions.stream().map(a -> new ActionInput(a.getId(), a.getAction(), a.getKind(), a.getDueDate(),
            a.getSupport())).toList();
    }

    /** The progress of the steps of a recorded plan, by their ids. */
    public static Function<ActionInput, String> progressOf(List<DevelopmentAction> actions) {
        Map<Long, String> progress = new LinkedHashMap<>();
        actions.forEach(a -> progress.put(a.getId(), a.getStatus()));
        return a -> a.actionId() == null ? null : progress.get(a.actionId());
    }

    /** A stored choice in the words of the form's option, e.g. "Training or course". */
    public static String word(String field, String value) {
        return value == null ? null : FieldLabels.option(field, value).orElse(value);
    }

    static String day(LocalDate day) {
        return day == null ? null : DAY.format(day);
    }

    private static <T> void compare(List<String> changes, String what, List<T> before, List<T> after,
                                    Function<T, String> text, Function<T, List<String>> details) {
        for (T item : after) {
            Optional<T> earlier = before.stream().filter(b -> text.apply(b).equals(text.apply(item))).findFirst();
            if (earlier.isEmpty()) {
                changes.add("New " + what + ": " + text.apply(item));
            } else if (!details.apply(earlier.get()).equals(details.apply(item))) {
                changes.add("Changed " + what + ": " + text.apply(item));
            }
        }
        for (T item : before) {
            if (after.stream().noneMatch(a -> text.apply(a).equals(text.apply(item)))) {
                changes.add("Dropped " + what + ": " + text.apply(item));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> plan, String key) {
        Object rows = plan.get(key);
        return rows instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static void put(Map<String, Object> row, String key, String value) {
        if (value != null && !value.isBlank()) {
            row.put(key, value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private ReadablePlan() {
    }
}
