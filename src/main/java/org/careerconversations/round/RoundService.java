package org.careerconversations.round;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.careerconversations.process.ProcessIds;
import org.careerconversations.process.ProcessVariables;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is due for a career conversation, and starting their conversations a range of employees at a time.
 * Idempotent: someone with an open conversation is not due, and the database refuses a second conversation
 * for the same employee and cycle, so two rounds at once (or one chunk run twice) start each conversation once.
 */
@Service
@Transactional
public class RoundService {

    private final DueEmployees due;
    private final RuntimeService runtime;
    private final RoundSchedule schedule;
    private final EntityManager records;

    RoundService(DueEmployees due, RuntimeService runtime, RoundSchedule schedule, EntityManager records) {
        this.due = due;
        this.runtime = runtime;
        this.schedule = schedule;
        this.records = records;
    }

    /**
     * A range of employee ids: those after {@code afterEmployeeId} (null: from the first) up to and with
     * {@code lastEmployeeId} (null: to the last), and how many of them were due when the round was divided.
     */
    public record Range(String afterEmployeeId, String lastEmployeeId, int due) {
    }

    /**
     * The employees due now (only the direct reports of {@code teamOfManagerId}, if given), divided into
     * ranges of at most {@code careers.rounds.chunk-size} in id order. The ranges meet without gaps, the first
     * open at its start and the last at its end, so that someone who becomes due while the round runs still
     * falls into one.
     */
    @Transactional(readOnly = true)
    public List<Range> divide(LocalDate horizon, String teamOfManagerId) {
        List<String> ids = due.find(null, null, horizon, hireCutoff(horizon), teamOfManagerId, Pageable.unpaged());
        int size = schedule.getChunkSize();
        List<Range> ranges = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            int to = Math.min(ids.size(), from + size);
            ranges.add(new Range(from == 0 ? null : ids.get(from - 1), to == ids.size() ? null : ids.get(to - 1),
                to - from));
        }
        return ranges;
    }

    /** Starts the conversations of the employees in the range who are due now; answers how many it started. */
    public int start(LocalDate horizon, String teamOfManagerId, Range range) {
        List<String> ids = due.find(range.afterEmployeeId(), range.lastEmployeeId(), horizon, hireCutoff(horizon),
            teamOfManagerId, Pageable.unpaged());
        ids.forEach(this::startConversation);
        return ids.size();
    }

    /** What one chunk of the next employees did: how many it started, the last one it looked at, whether more may come. */
    public record Chunk(int started, String lastEmployeeId, boolean more) {
    }

    /**
     * Starts the conversations of the next {@code careers.rounds.chunk-size} employees due after
     * {@code afterEmployeeId} (in id order): one chunk after the other, as rounds ran before they were divided
     * into ranges (a round of that model still running after an upgrade goes on this way).
     */
    public Chunk startChunk(LocalDate horizon, String teamOfManagerId, String afterEmployeeId) {
        List<String> ids = due.find(afterEmployeeId, null, horizon, hireCutoff(horizon), teamOfManagerId,
            PageRequest.of(0, schedule.getChunkSize()));
        ids.forEach(this::startConversation);
        String last = ids.isEmpty() ? afterEmployeeId : ids.get(ids.size() - 1);
        return new Chunk(ids.size(), last, ids.size() == schedule.getChunkSize());
    }

    private void startConversation(String employeeId) {
        runtime.startProcessInstanceByKey(ProcessIds.CAREER_CONVERSATION,
            Variables.createVariables().putValue(ProcessVariables.EMPLOYEE_ID, employeeId));
        // the next start needs none of this one's records: written now and let go, they are not checked for
        // changes again before every query of every later start of the chunk
        records.flush();
        records.clear();
    }

    private LocalDate hireCutoff(LocalDate horizon) {
        return horizon.minus(schedule.getFirstConversationAfter());
    }
}
