package org.careerconversations.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The conversation health of the organisation, as {@code GET /api/reports/kpis} answers it.
 * Rates are between 0 and 1, or null when there is nothing to divide by.
 */
record Kpis(
    Period period,
    String managerId,
    String hrPartnerId,
    /* the CareerConversation version Cockpit links point at */
    String processDefinitionId,
    /*
     * conversations opened in the period, by phase: not yet agreed or cancelled (by conversation status), and
     * FOLLOW_UP: agreed, with the plan being followed up
     */
    Map<String, Long> openByPhase,
    /* open tasks past their due date now, of conversations opened in the period, by step */
    List<OverdueStep> overdueTasksByStep,
    /* tasks completed in the period (of conversations with a due date): how many by their due date */
    List<StepRate> onTimeRateByStep,
    /* days from the meeting to the employee's sign-off, for sign-offs in the period */
    Median daysFromMeetingToSignOff,
    /*
     * active employees who have career conversations (those with a manager; of the manager / HR partner) with
     * an agreed plan that is being followed up
     */
    Share currentDevelopmentPlan,
    /* development actions of the current plan versions, of conversations opened in the period, done */
    Share developmentActionsDone,
    /* average job satisfaction (1-5) by month of the meeting, meetings in the period */
    List<MonthAverage> jobSatisfactionTrend,
    /* of conversations opened in the period */
    long reschedules,
    long mediations) {

    record Period(LocalDate from, LocalDate to) {
    }

    /** {@code step} is the model's id (for links), {@code name} what people read. */
    record OverdueStep(String step, String name, long count, List<Instance> oldest) {
    }

    /** A conversation behind a number, for a link to its process instance in Cockpit. */
    record Instance(String processInstanceId, String businessKey) {
    }

    record StepRate(String step, String name, long completed, long onTime, Double rate) {
    }

    record Median(Double days, long conversations) {
    }

    record Share(long count, long total, Double rate) {
        static Share of(long count, long total) {
            return new Share(count, total, total == 0 ? null : (double) count / total);
        }
    }

    record MonthAverage(String month, double average, long answers) {
    }
}
