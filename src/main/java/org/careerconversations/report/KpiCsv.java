package org.careerconversations.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The KPIs as CSV for a spreadsheet: one row per number, columns {@code figure,item,count,total,value}
 * (RFC 4180: comma separated, CRLF, fields with a comma, quote or line break quoted, quotes doubled). A text
 * that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab or carriage
 * return first: a name, a step, a manager's id from the query) starts with {@code '}, so it is shown, not run.
 */
final class KpiCsv {

    static final String HEADER = "figure,item,count,total,value";

    private KpiCsv() {
    }

    static String write(Kpis kpis) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("period_from", "", "", "", text(kpis.period().from())));
        rows.add(List.of("period_to", "", "", "", text(kpis.period().to())));
        rows.add(List.of("manager", "", "", "", text(kpis.managerId())));
        rows.add(List.of("hr_partner", "", "", "", text(kpis.hrPartnerId())));
        for (Map.Entry<String, Long> phase : kpis.openByPhase().entrySet()) {
            rows.add(List.of("open_conversations", phase.getKey(), phase.getValue(), "", ""));
        }
        for (Kpis.OverdueStep step : kpis.overdueTasksByStep()) {
            rows.add(List.of("overdue_tasks", step.name(), step.count(), "", ""));
        }
        for (Kpis.StepRate step : kpis.onTimeRateByStep()) {
            rows.add(List.of("on_time_rate", step.name(), step.onTime(), step.completed(), text(step.rate())));
        }
        rows.add(List.of("median_days_meeting_to_sign_off", "", "", kpis.daysFromMeetingToSignOff().conversations(),
            text(kpis.daysFromMeetingToSignOff().days())));
        share(rows, "current_development_plan_share", kpis.currentDevelopmentPlan());
        share(rows, "development_action_completion_rate", kpis.developmentActionsDone());
        for (Kpis.MonthAverage month : kpis.jobSatisfactionTrend()) {
            rows.add(List.of("job_satisfaction_average", month.month(), "", month.answers(), month.average()));
        }
        rows.add(List.of("reschedules", "", kpis.reschedules(), "", ""));
        rows.add(List.of("mediations", "", kpis.mediations(), "", ""));

        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(field(row.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static void share(List<List<Object>> rows, String figure, Kpis.Share share) {
        rows.add(List.of(figure, "", share.count(), share.total(), text(share.rate())));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** One CSV field, quoted when it holds a separator, a quote or a line break, never a formula. */
    static String field(Object cell) {
        String value = String.valueOf(cell);
        if (!(cell instanceof Number) && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
