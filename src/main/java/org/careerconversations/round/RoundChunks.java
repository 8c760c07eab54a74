package org.careerconversations.round;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The chunks of the rounds that run (table {@code round_chunk}): each one's range of employees and, once it ran
 * through, what it did. A round's end adds them up ({@link #totals}) and deletes them ({@link #forget}).
 */
@Component
class RoundChunks {

    private final JdbcTemplate jdbc;

    RoundChunks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void plan(String roundId, List<RoundService.Range> ranges) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            RoundService.Range range = ranges.get(i);
            rows.add(new Object[] {roundId, i + 1, range.afterEmployeeId(), range.lastEmployeeId(), range.due()});
        }
        jdbc.batchUpdate("insert into round_chunk (round_id, chunk, after_employee_id, last_employee_id, due) "
            + "values (?, ?, ?, ?, ?)", rows);
    }

    Optional<RoundService.Range> range(String roundId, int chunk) {
        return jdbc.query("select after_employee_id, last_employee_id, due from round_chunk "
                + "where round_id = ? and chunk = ?", (row, i) -> new RoundService.Range(
                row.getString("after_employee_id"), row.getString("last_employee_id"), row.getInt("due")),
            roundId, chunk).stream().findFirst();
    }

    /** The chunk ran through: how many it started. Answers the attempts that had failed before. */
    int ranThrough(String roundId, int chunk, int started) {
        jdbc.update("update round_chunk set started = ? where round_id = ? and chunk = ?", started, roundId, chunk);
        return jdbc.queryForObject("select failed_attempts from round_chunk where round_id = ? and chunk = ?",
            Integer.class, roundId, chunk);
    }

    /** An attempt of the chunk failed (in a transaction of its own: the attempt's rolls back). */
    void failed(String roundId, int chunk, String reason) {
        jdbc.update("update round_chunk set failed_attempts = failed_attempts + 1, last_failure = ? "
            + "where round_id = ? and chunk = ?", shorten(reason, 2000), roundId, chunk);
    }

    /** An attempt of the chunk had been cut off before it could commit, as {@code report} says. */
    void interrupted(String roundId, int chunk, String report, Instant at) {
        jdbc.update("update round_chunk set interruptions = interruptions + 1, last_interruption = ?, "
            + "interrupted_at = ? where round_id = ? and chunk = ?", shorten(report, 500), Timestamp.from(at),
            roundId, chunk);
    }

    /** What the chunks of a round did, added up. */
    record Totals(int chunks, int started, int skipped, int failedAttempts, int interruptions,
                  String lastInterruption) {
    }

    Totals totals(String roundId) {
        Totals totals = jdbc.queryForObject("select count(*) as chunks, coalesce(sum(started), 0) as started, "
                + "coalesce(sum(case when due > coalesce(started, 0) then due - coalesce(started, 0) else 0 end), 0) "
                + "as skipped, coalesce(sum(failed_attempts), 0) as failed, coalesce(sum(interruptions), 0) as cut "
                + "from round_chunk where round_id = ?",
            (row, i) -> new Totals(row.getInt("chunks"), row.getInt("started"), row.getInt("skipped"),
                row.getInt("failed"), row.getInt("cut"), null), roundId);
        String last = jdbc.queryForList("select last_interruption from round_chunk where round_id = ? "
                + "and last_interruption is not null order by interrupted_at desc", String.class, roundId)
            .stream().findFirst().orElse(null);
        return new Totals(totals.chunks(), totals.started(), totals.skipped(), totals.failedAttempts(),
            totals.interruptions(), last);
    }

    void forget(String roundId) {
        jdbc.update("delete from round_chunk where round_id = ?", roundId);
    }

    private static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
