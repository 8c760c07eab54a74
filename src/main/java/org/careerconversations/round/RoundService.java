package org.careerconversations.round;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.careerconversations.process.ProcessIds;
import org.careerconversations.process.ProcessVariables;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is due for a career conversation, and starting their conversations a chunk at a time. Idempotent:
 * someone with an open conversation is not due, and the database refuses a second conversation for the
 * same employee and cycle, so two rounds at once start each conversation once.
 */
@Service
@Transactional
public class RoundService {

    private final DueEmployees due;
    private final RuntimeService runtime;
    private final RoundSchedule schedule;

    RoundService(DueEmployees due, RuntimeService runtime, RoundSchedule schedule) {
        this.due = due;
        this.runtime = runtime;
        this.schedule = schedule;
    }

    /** What one chunk did: how many it started, the last employee it looked at, and whether more may come. */
    public record Chunk(int started, String lastEmployeeId, boolean more) {
    }

    /**
     * Starts the conversations of the next chunk of due employees after {@code afterEmployeeId} (in id order),
     * optionally only the direct reports of {@code teamOfManagerId}.
     */
    public Chunk startChunk(LocalDate horizon, String teamOfManagerId, String afterEmployeeId) {
        LocalDate hireCutoff = horizon.minus(schedule.getFirstConversationAfter());
        List<String> ids = due.find(afterEmployeeId == null ? "" : afterEmployeeId, horizon, hireCutoff,
            teamOfManagerId, PageRequest.of(0, schedule.getChunkSize()));
        for (String employeeId : ids) {
            runtime.startProcessInstanceByKey(ProcessIds.CAREER_CONVERSATION,
                Variables.createVariables().putValue(ProcessVariables.EMPLOYEE_ID, employeeId));
        }
        String last = ids.isEmpty() ? afterEmployeeId : ids.get(ids.size() - 1);
        return new Chunk(ids.size(), last, ids.size() == schedule.getChunkSize());
    }
}
