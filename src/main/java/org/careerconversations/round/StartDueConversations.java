package org.careerconversations.round;

import static org.careerconversations.process.ProcessVariables.FAILED_ATTEMPTS;
import static org.careerconversations.process.ProcessVariables.HORIZON;
import static org.careerconversations.process.ProcessVariables.LAST_EMPLOYEE_ID;
import static org.careerconversations.process.ProcessVariables.LOOP_COUNTER;
import static org.careerconversations.process.ProcessVariables.MORE_EMPLOYEES;
import static org.careerconversations.process.ProcessVariables.SKIPPED;
import static org.careerconversations.process.ProcessVariables.STARTED;
import static org.careerconversations.process.ProcessVariables.STARTED_COUNT;
import static org.careerconversations.process.ProcessVariables.TEAM_OF_MANAGER_ID;

import java.time.LocalDate;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task_StartDueConversations: one chunk, in its own transaction, while other chunks of the round run on other
 * job threads and nodes. It writes nothing the other chunks write: its results go to its own row of
 * {@code round_chunk} and to variables of its own execution ({@code started}, {@code skipped},
 * {@code failedAttempts}), which the history keeps per chunk.
 */
@Component("startDueConversations")
class StartDueConversations implements JavaDelegate {


    private final RoundService rounds;
    private final RoundChunks chunks;
    private final TransactionTemplate separateTransaction;

    StartDueConversations(RoundService rounds, RoundChunks chunks, PlatformTransactionManager transactions) {
        this.rounds = rounds;
        this.chunks = chunks;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The chunk's number (1, 2, ...) in a round that runs its chunks in parallel, or null in one that does not. */
    static Integer chunkOf(DelegateExecution execution) {
        Object counter = execution.getVariable(LOOP_COUNTER);
        return counter == null ? null : ((Number) counter).intValue() + 1;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate horizon = LocalDate.parse((String) execution.getVariable(HORIZON));
        String team = (String) execution.getVariable(TEAM_OF_MANAGER_ID);
        Integer chunk = chunkOf(execution);
        if (chunk == null) {
            oneAfterTheOther(execution, horizon, team);
            return;
        }
        String round = execution.getProcessInstanceId();
        RoundService.Range range = chunks.range(round, chunk).orElseThrow(() -> new IllegalStateException(
            "Chunk " + chunk + " of the round has no range of employees: the round was not divided"));
        int started;
        try {
            started = rounds.start(horizon, team, range);
        } catch (RuntimeException e) {
            // the attempt rolls back and is retried; the failure is noted in a transaction of its own
            separateTransaction.executeWithoutResult(status -> chunks.failed(round, chunk, describe(e)));
            if (e instanceof OptimisticLockingException) {
                // another node changed what this chunk read: the engine knows this one and retries it as it is
                throw e;
            }
            // the engine's incident (Cockpit) shows this message when the retries have run out
            throw new IllegalStateException("Chunk " + chunk + " of the round could not start the conversations of "
                + "its " + range.due() + " employees due, and none of them was kept; the reason: "
                + reason(e), e);
        }
        int failedBefore = chunks.ranThrough(round, chunk, started);
        execution.setVariableLocal(STARTED, started);
        execution.setVariableLocal(SKIPPED, Math.max(0, range.due() - started));
        execution.setVariableLocal(FAILED_ATTEMPTS, failedBefore);
    }

    /** A round of the model's earlier version, begun before an upgrade: the next chunk after the last one. */
    private void oneAfterTheOther(DelegateExecution execution, LocalDate horizon, String team) {
        RoundService.Chunk chunk = rounds.startChunk(horizon, team, (String) execution.getVariable(LAST_EMPLOYEE_ID));
        execution.setVariable(STARTED_COUNT, ((Number) execution.getVariable(STARTED_COUNT)).intValue()
            + chunk.started());
        execution.setVariable(LAST_EMPLOYEE_ID, chunk.lastEmployeeId());
        execution.setVariable(MORE_EMPLOYEES, chunk.more());
    }

    /** The innermost message: the database's or the mail's own words, without the layers above them. */
    private static String reason(Throwable e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName()
            : innermost.getMessage();
        // Cockpit shows the first lines; the statement the database appends is of no use there
        int statement = message.indexOf("; SQL statement");
        return statement > 0 ? message.substring(0, statement) : message;
    }

    private static String describe(RuntimeException e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text += " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return text;
    }
}
