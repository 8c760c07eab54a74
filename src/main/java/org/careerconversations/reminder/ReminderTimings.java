package org.careerconversations.reminder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.careerconversations.process.CommandSessions;
import org.careerconversations.process.ProcessIds;
import org.careerconversations.process.ProcessPrivileges;
import org.springframework.stereotype.Component;

/**
 * The ReminderTimings decision's answer for a step (dmn/reminder-timings.dmn). The table's one input is the
 * step, so for a step it answers the same until HR deploys another version of it: the answer is kept per
 * deployed version and step, and the decision runs once per version and step instead of once per task (it was
 * a fifth of the work of starting a conversation). Which version is the latest is asked once per engine command.
 */
@Component
class ReminderTimings {

    private final RepositoryService repository;
    private final DecisionService decisions;
    private final Map<String, Map<String, Object>> answers = new ConcurrentHashMap<>();

    ReminderTimings(RepositoryService repository, DecisionService decisions) {
        this.repository = repository;
        this.decisions = decisions;
    }

    /** The durations the latest version of the table gives for the step, by output name. */
    Map<String, Object> forStep(String taskDefinitionKey) {
        // the person whose step created the task may not read or evaluate decisions; the watch is the process's doing
        CommandContext command = Context.getCommandContext();
        LatestVersion latest = command == null ? new LatestVersion() : command.getSession(LatestVersion.class);
        if (latest.id == null) {
            latest.id = ProcessPrivileges.withoutAuthorizationCheck(() -> repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ProcessIds.REMINDER_TIMINGS).latestVersion().singleResult().getId());
        }
        String version = latest.id;
        String key = version + "/" + taskDefinitionKey;
        Map<String, Object> answer = answers.get(key);
        if (answer == null) {
            answer = Map.copyOf(ProcessPrivileges.withoutAuthorizationCheck(() -> decisions
                .evaluateDecisionTableById(version)
                .variables(Map.of(TaskWatch.TASK_DEFINITION_KEY, taskDefinitionKey))
                .evaluate().getSingleResult().getEntryMap()));
            answers.put(key, answer);
        }
        return answer;
    }

    /** Each engine command's memo of the latest version of the table, once a task of the command asked for it. */
    static final class LatestVersion extends CommandSessions.Memo {

        private String id;
    }
}
