package org.careerconversations.round;

import static org.careerconversations.process.ProcessVariables.CHUNKS_DONE;
import static org.careerconversations.process.ProcessVariables.INTERRUPTION;
import static org.careerconversations.process.ProcessVariables.INTERRUPTIONS;
import static org.careerconversations.process.ProcessVariables.LAST_INTERRUPTION;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.careerconversations.operations.Node;
import org.careerconversations.process.OrganisationClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes an interrupted round visible. Each chunk notes, in a transaction of its own that commits at once, that
 * it has begun ({@code round_chunk_attempt}, keyed by the round and the chunk's number); the note goes with the
 * chunk's own commit. A chunk that finds its note still there was cut off before — the node died, the database
 * went away, or the chunk failed — and says so: in a variable of its own execution, {@code interruption} (which
 * chunk, when and where it began, when and where it ran again), which Cockpit shows while the chunk runs, and in
 * its row of {@code round_chunk}, from which the round's end sets {@code interruptions} (how many times) and
 * {@code lastInterruption} on the round. The chunk itself simply runs again: starting a conversation is
 * idempotent, so nothing is started twice. Chunks run in parallel, so none of this writes to the round's own
 * variables while they run.
 */
@Component
class ChunkAttempts extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkAttempts.class);
    static final String CHUNK_TASK = "Task_StartDueConversations";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm:ss", Locale.ENGLISH);

    private final JdbcTemplate jdbc;
    private final RoundChunks chunks;
    private final TransactionTemplate committedAtOnce;
    private final Node node;
    private final ZoneId zone;
    private final Counter interrupted;

    ChunkAttempts(JdbcTemplate jdbc, RoundChunks chunks, PlatformTransactionManager transactions, Node node,
                  MeterRegistry registry, OrganisationClock clock) {
        this.jdbc = jdbc;
        this.chunks = chunks;
        this.committedAtOnce = new TransactionTemplate(transactions);
        this.committedAtOnce.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.node = node;
        this.zone = clock.zone();
        this.interrupted = Counter.builder("careers.rounds.interrupted")
            .description("Round chunks that ran again after being cut off (crash, outage or failure)")
            .register(registry);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener begin = this::begin;
        ExecutionListener done = this::done;
        ExecutionListener roundEnded = execution -> {
            jdbc.update("delete from round_chunk_attempt where round_id = ?", execution.getProcessInstanceId());
            chunks.forget(execution.getProcessInstanceId());
        };
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (CHUNK_TASK.equals(activity.getId())) {
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, begin);
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, done);
                }
            }

            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                if ("CycleScheduler".equals(process.getKey())) {
                    // built in: also when a round is deleted with "skip custom listeners"
                    process.addBuiltInListener(ExecutionListener.EVENTNAME_END, roundEnded);
                }
            }
        });
    }

    /** A chunk's note that it has begun. */
    private record Attempt(Instant startedAt, String node) {
    }

    private void begin(DelegateExecution execution) {
        String round = execution.getProcessInstanceId();
        Integer parallel = StartDueConversations.chunkOf(execution);
        int chunk = parallel != null ? parallel : number(execution.getVariable(CHUNKS_DONE)) + 1;
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String report = committedAtOnce.execute(status -> {
            List<Attempt> found = jdbc.query(
                "select started_at, node from round_chunk_attempt where round_id = ? and chunk = ?",
                (row, i) -> new Attempt(row.getTimestamp("started_at").toInstant(), row.getString("node")),
                round, chunk);
            if (found.isEmpty()) {
                jdbc.update("insert into round_chunk_attempt (round_id, chunk, started_at, node) values (?, ?, ?, ?)",
                    round, chunk, Timestamp.from(now), node.name());
                return null;
            }
            jdbc.update("update round_chunk_attempt set started_at = ?, node = ? where round_id = ? and chunk = ?",
                Timestamp.from(now), node.name(), round, chunk);
            Attempt before = found.get(0);
            String text = "Chunk " + chunk + " began " + TIME.format(before.startedAt().atZone(zone)) + " on "
                + before.node() + " and did not finish; it ran again " + TIME.format(now.atZone(zone)) + " on "
                + node.name();
            if (parallel != null) {
                chunks.interrupted(round, chunk, text, now);
            }
            return text;
        });
        if (report == null) {
            return;
        }
        if (parallel != null) {
            execution.setVariableLocal(INTERRUPTION, report);
        } else {
            execution.setVariable(INTERRUPTIONS, number(execution.getVariable(INTERRUPTIONS)) + 1);
            execution.setVariable(LAST_INTERRUPTION, report);
        }
        interrupted.increment();
        LOG.warn("Round {} was interrupted: {}", round, report);
    }

    private void done(DelegateExecution execution) {
        Integer parallel = StartDueConversations.chunkOf(execution);
        int chunk = parallel != null ? parallel : number(execution.getVariable(CHUNKS_DONE)) + 1;
        jdbc.update("delete from round_chunk_attempt where round_id = ? and chunk = ?",
            execution.getProcessInstanceId(), chunk);
        if (parallel == null) {
            execution.setVariable(CHUNKS_DONE, chunk);
        }
    }

    static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
