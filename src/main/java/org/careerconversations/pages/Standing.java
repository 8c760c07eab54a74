package org.careerconversations.pages;

import static org.careerconversations.process.ProcessIds.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.careerconversations.pages.PageViews.OpenStep;
import org.careerconversations.process.ProcessPrivileges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a conversation stands, in the reader's words: its phase, whose step it waits for and by when
 * ("Waiting for Maria to document the agreements — due Friday 4 December 2026"). Callers decide first whether
 * the reader may see the conversation; the open tasks are then read as the app.
 */
@Component
class Standing {

    /** Phases, in the order a conversation goes through them, with the words the pages use. */
    static final Map<String, String> PHASES = phases();

    static final String NONE = "none";
    static final String FOLLOWING_UP = "following-up";
    private static final int CHUNK = 500;

    /** What the assignee of each step is waited for, as "Waiting for Maria to …" continues. */
    private static final Map<String, String> STEPS = Map.ofEntries(
        Map.entry(TASK_SCHEDULE_CONVERSATION, "schedule the conversation"),
        Map.entry(TASK_PREPARE_EMPLOYEE, "prepare"),
        Map.entry(TASK_PREPARE_MANAGER, "prepare"),
        Map.entry(TASK_HOLD_CONVERSATION, "hold the conversation and say how it went"),
        Map.entry(TASK_RESOLVE_RESCHEDULING, "decide how the often-moved conversation goes on"),
        Map.entry(TASK_DOCUMENT_AGREEMENTS, "document the agreements"),
        Map.entry(TASK_SIGN_OFF, "review and sign off the agreements"),
        Map.entry(TASK_MEDIATE_SIGN_OFF, "mediate the sign-off"),
        Map.entry(TASK_CHECK_IN_EMPLOYEE, "check in on the plan"),
        Map.entry(TASK_CHECK_IN_MANAGER, "check in on the plan"),
        Map.entry(TASK_REVISE_PLAN, "revise the plan"),
        Map.entry(TASK_AGREE_REVISED_PLAN, "agree to the revised plan"));

    private final TaskService tasks;
    private final IdentityService identity;
    private final NamedParameterJdbcTemplate jdbc;
    private final Words words;
    private final String tasklistPath;

    Standing(TaskService tasks, IdentityService identity, NamedParameterJdbcTemplate jdbc, Words words,
             @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.tasks = tasks;
        this.identity = identity;
        this.jdbc = jdbc;
        this.words = words;
        this.tasklistPath = webappPath + "/app/tasklist/default/#/?task=";
    }

    private static Map<String, String> phases() {
        Map<String, String> phases = new LinkedHashMap<>();
        phases.put(NONE, "No conversation yet");
        phases.put("scheduling", "Scheduling");
        phases.put("preparing", "Preparing and meeting");
        phases.put("documenting", "Documenting the agreements");
        phases.put("signing-off", "Signing off");
        phases.put("mediation", "With HR for mediation");
        phases.put(FOLLOWING_UP, "Agreed, following up the plan");
        phases.put("agreed", "Agreed");
        phases.put("cancelled", "Cancelled");
        return phases;
    }

    /** The phase of a conversation with this status ({@code null}: none yet). */
    static String phaseKey(String status, Instant followUpEndedAt) {
        if (status == null) {
            return NONE;
        }
        if (status.equals("AGREED")) {
            return followUpEndedAt == null ? FOLLOWING_UP : "agreed";
        }
        return status.toLowerCase().replace('_', '-');
    }

    /** The open steps of each of these process instances, the earliest due first. */
    Map<String, List<OpenStep>> openSteps(Collection<String> processInstanceIds, String readerId) {
        List<String> ids = processInstanceIds.stream().filter(id -> id != null).distinct().toList();
        List<Task> open = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
            open.addAll(ProcessPrivileges.asTheProcess(identity,
                () -> tasks.createTaskQuery().processInstanceIdIn(chunk).list()));
        }
        Map<String, String> names = names(open.stream().map(Task::getAssignee).toList());
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Map<String, List<OpenStep>> steps = new HashMap<>();
        open.stream().sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder())))
            .forEach(task -> {
                boolean you = task.getAssignee() != null && task.getAssignee().equals(readerId);
                Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
                String assignee = task.getAssignee() == null ? "someone" : firstName(
                    names.getOrDefault(task.getAssignee(), "someone"));
                steps.computeIfAbsent(task.getProcessInstanceId(), k -> new ArrayList<>()).add(new OpenStep(
                    STEPS.getOrDefault(task.getTaskDefinitionKey(), task.getName()), assignee, you, due,
                    due != null && due.isBefore(now), you ? tasklistPath + task.getId() : null));
            });
        return steps;
    }

    /** "Waiting for you to prepare — due …, and for Maria to prepare — due …", or what happened last. */
    String sentence(String phaseKey, List<OpenStep> steps, Instant signedOffAt, Instant closedAt,
                    Instant followUpEndedAt) {
        if (!steps.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (OpenStep step : steps) {
                String due = step.due() == null ? ""
                    : (step.overdue() ? " — overdue since " : " — due ") + words.day(step.due());
                parts.add((step.you() ? "you" : step.assigneeName()) + " to " + step.step() + due);
            }
            return "Waiting for " + String.join(", and for ", parts);
        }
        return switch (phaseKey) {
            case NONE -> "No career conversation has started yet";
            case FOLLOWING_UP -> "Agreed on " + words.day(signedOffAt) + "; the plan is being followed up";
            case "agreed" -> "Agreed on " + words.day(signedOffAt) + "; followed up until "
                + words.day(followUpEndedAt);
            case "cancelled" -> "Cancelled on " + words.day(closedAt);
            default -> PHASES.getOrDefault(phaseKey, phaseKey);
        };
    }

    /** The people's full names by id (from the organisation). */
    Map<String, String> names(Collection<String> ids) {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids.stream().filter(id -> id != null).toList()));
        Map<String, String> names = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            jdbc.query("select id, name from employee where id in (:ids)", new MapSqlParameterSource("ids",
                wanted.subList(from, Math.min(wanted.size(), from + CHUNK))),
                rs -> {
                    names.put(rs.getString("id"), rs.getString("name"));
                });
        }
        return names;
    }

    static String firstName(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
