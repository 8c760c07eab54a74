package org.careerconversations.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.process.ProcessIds.*;
import static org.careerconversations.process.ProcessVariables.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code ReviewCadence} decision table, evaluated from the real file that production deploys
 * ({@code dmn/review-cadence.dmn}) by a bare DMN engine: no Spring, no process engine.
 * One test per rule, the FIRST-order precedence where rules overlap, and the whole input space.
 */
class ReviewCadenceTest {

    private static final Path DMN_FILE = Path.of("dmn/review-cadence.dmn");
    private static final String DECISION_KEY = REVIEW_CADENCE;

    private static DmnModelInstance model;
    private static DmnDecision decision;
    private static DmnEngine engine;

    /** Rule ids that matched in the last evaluation, reported by the engine itself. */
    private static final List<String> matchedRuleIds = new ArrayList<>();

    @BeforeAll
    static void parseTheRealDecisionFile() throws IOException {
        DmnEngineConfiguration configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        DmnDecisionTableEvaluationListener recordMatchingRules = (DmnDecisionTableEvaluationEvent event) -> {
            matchedRuleIds.clear();
            event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRuleIds::add);
        };
        ((DefaultDmnEngineConfiguration) configuration)
                .customPostDecisionTableEvaluationListeners(List.of(recordMatchingRules));
        engine = configuration.buildEngine();

        try (InputStream in = Files.newInputStream(DMN_FILE)) {
            decision = engine.parseDecision(DECISION_KEY, in);
        }
        model = Dmn.readModelFromFile(DMN_FILE.toFile());
    }

    @BeforeEach
    void forgetLastEvaluation() {
        matchedRuleIds.clear();
    }

    // ---- the model itself ----------------------------------------------------------------------

    @Test
    void decisionIsAFirstHitTableWithAHistoryTimeToLiveTheEngineAccepts() {
        Decision decisionElement = model.getModelElementById(DECISION_KEY);

        assertThat(decision.isDecisionTable()).isTrue();
        assertThat(decision.getName()).isEqualTo("Review cadence");
        assertThat(model.getModelElementsByType(DecisionTable.class))
                .singleElement()
                .extracting(DecisionTable::getHitPolicy)
                .isEqualTo(HitPolicy.FIRST);
        // the process engine refuses to deploy a decision without one; same parser as the engine
        assertThat(ParseUtil.parseHistoryTimeToLive(decisionElement.getCamundaHistoryTimeToLiveString()))
                .isEqualTo(1095);
    }

    @Test
    void everyRuleExplainsItselfInItsAnnotation() {
        assertThat(rules()).allSatisfy(rule -> assertThat(rule.getDescription())
                .as("annotation of %s", rule.getId())
                .isNotNull()
                .extracting(description -> description.getTextContent().trim())
                .asString()
                .hasSizeGreaterThan(20));
    }

    @Test
    void theClasspathCopyIsTheProjectFile() throws IOException {
        try (InputStream onClasspath = getClass().getClassLoader().getResourceAsStream("dmn/review-cadence.dmn")) {
            assertThat(onClasspath).as("dmn/review-cadence.dmn on the test classpath").isNotNull();
            assertThat(onClasspath.readAllBytes()).isEqualTo(Files.readAllBytes(DMN_FILE));
        }
    }

    // ---- one test per rule -------------------------------------------------------------------

    @Test
    void probationMeansThreeMonthsWithHr() {
        Cadence cadence = evaluate(Employee.permanentForYears().employmentType("probation").tenureMonths(2));

        assertThat(cadence.ruleId()).isEqualTo("Rule_Probation");
        assertThat(cadence).extracting(Cadence::monthsToNext, Cadence::checkInWeeks, Cadence::hrJoins)
                .containsExactly(3, 4, true);
        assertThat(cadence.reason()).contains("probation", "look back on your start");
    }

    @Test
    void performanceBelowExpectationsMeansThreeMonthsWithHr() {
        Cadence cadence = evaluate(Employee.permanentForYears().performanceSignal("below"));

        assertThat(cadence.ruleId()).isEqualTo("Rule_PerformanceBelow");
        assertThat(cadence).extracting(Cadence::monthsToNext, Cadence::checkInWeeks, Cadence::hrJoins)
                .containsExactly(3, 4, true);
        assertThat(cadence.reason()).contains("need attention");
    }

    @Test
    void highRetentionRiskMeansThreeMonthsWithHr() {
        Cadence cadence = evaluate(Employee.permanentForYears().retentionRisk("high"));

        assertThat(cadence.ruleId()).isEqualTo("Rule_RetentionRiskHigh");
        assertThat(cadence).extracting(Cadence::monthsToNext, Cadence::checkInWeeks, Cadence::hrJoins)
                .containsExactly(3, 4, true);
        assertThat(cadence.reason()).contains("stay and grow");
    }

    @Test
    void wishForAnEarlierTalkMeansSixMonthsWithoutHr() {
        Cadence cadence = evaluate(Employee.permanentForYears().earlierTalkWished(true));

        assertThat(cadence.ruleId()).isEqualTo("Rule_EarlierTalkWished");
        assertThat(cadence).extracting(Cadence::monthsToNext, Cadence::checkInWeeks, Cadence::hrJoins)
                .containsExactly(6, 6, false);
        assertThat(cadence.reason()).contains("You asked to talk again sooner");
    }

    @Test
    void firstYearMeansSixMonthsWithSixWeeklyCheckIns() {
        Cadence cadence = evaluate(Employee.permanentForYears().tenureMonths(11));

        assertThat(cadence.ruleId()).isEqualTo("Rule_FirstYear");
        assertThat(cadence).extracting(Cadence::monthsToNext, Cadence::checkInWeeks, Cadence::hrJoins)
                .containsExactly(6, 6, false);
        assertThat(cadence.reason()).contains("first year");
    }

    @Test
    void fixedTermContractMeansSixMonthsWithEightWeeklyCheckIns() {
        Cadence cadence = evaluate(Employee.permanentForYears().employmentType("fixed-term"));

        assertThat(cadence.ruleId()).isEqualTo("Rule_FixedTerm");
        assertThat(cadence).extracting(Cadence::monthsToNext, Cadence::checkInWeeks, Cadence::hrJoins)
                .containsExactly(6, 8, false);
        assertThat(cadence.reason()).contains("fixed-term", "next steps");
    }

    @Test
    void mediumRetentionRiskMeansSixMonthsWithoutHr() {
        Cadence cadence = evaluate(Employee.permanentForYears().retentionRisk("medium"));

        assertThat(cadence.ruleId()).isEqualTo("Rule_RetentionRiskMedium");
        assertThat(cadence).extracting(Cadence::monthsToNext, Cadence::checkInWeeks, Cadence::hrJoins)
                .containsExactly(6, 6, false);
        assertThat(cadence.reason()).contains("how things are going for you");
    }

    @Test
    void exceedingExpectationsKeepsTheYearButChecksInEveryEightWeeks() {
        Cadence cadence = evaluate(Employee.permanentForYears().performanceSignal("exceeds"));

        assertThat(cadence.ruleId()).isEqualTo("Rule_PerformanceExceeds");
        assertThat(cadence).extracting(Cadence::monthsToNext, Cadence::checkInWeeks, Cadence::hrJoins)
                .containsExactly(12, 8, false);
        assertThat(cadence.reason()).contains("exceeding expectations");
    }

    @Test
    void anEstablishedEmployeeWhoMeetsExpectationsKeepsTheRegularYearlyRhythm() {
        Cadence cadence = evaluate(Employee.permanentForYears());

        assertThat(cadence.ruleId()).isEqualTo("Rule_RegularRhythm");
        assertThat(cadence).extracting(Cadence::monthsToNext, Cadence::checkInWeeks, Cadence::hrJoins)
                .containsExactly(12, 12, false);
        assertThat(cadence.reason()).contains("regular yearly rhythm");
    }

    @Test
    void missingAndUnknownInputsFallToTheRegularYearlyRhythm() {
        Cadence allNull = evaluate(new Employee(null, null, null, null, null));
        Cadence unexpected = evaluate(new Employee("contractor", 40, "outstanding", "none", false));

        assertThat(allNull.ruleId()).isEqualTo("Rule_RegularRhythm");
        assertThat(unexpected.ruleId()).isEqualTo("Rule_RegularRhythm");
        assertThat(allNull.monthsToNext()).isEqualTo(12);
        assertThat(unexpected.monthsToNext()).isEqualTo(12);
    }

    @Test
    void everyRuleGivesItsOwnReason() {
        List<Cadence> oneForEachRule = oneEvaluationPerRule();

        assertThat(oneForEachRule).extracting(Cadence::ruleId).doesNotHaveDuplicates()
                .containsExactlyElementsOf(ruleIds());
        assertThat(oneForEachRule).extracting(Cadence::reason).doesNotHaveDuplicates();
    }

    // ---- FIRST: precedence where rules overlap -----------------------------------------------

    @Test
    void probationWinsOverEveryOtherSignal() {
        Cadence cadence = evaluate(new Employee("probation", 3, "exceeds", "medium", true));

        assertThat(cadence.ruleId()).isEqualTo("Rule_Probation");
        assertThat(cadence.monthsToNext()).isEqualTo(3);
    }

    @Test
    void probationReasonWinsEvenWhenPerformanceIsBelowAndRiskIsHigh() {
        Cadence cadence = evaluate(new Employee("probation", 3, "below", "high", false));

        assertThat(cadence.ruleId()).isEqualTo("Rule_Probation");
        assertThat(cadence.reason()).contains("probation");
    }

    @Test
    void belowPerformanceWinsOverHighRiskAndOverTheWishForAnEarlierTalk() {
        Cadence cadence = evaluate(new Employee("permanent", 30, "below", "high", true));

        assertThat(cadence.ruleId()).isEqualTo("Rule_PerformanceBelow");
        assertThat(cadence.hrJoins()).isTrue();
    }

    @Test
    void highRiskOutranksTheWishForAnEarlierTalkSoHrStillJoins() {
        Cadence cadence = evaluate(Employee.permanentForYears().retentionRisk("high").earlierTalkWished(true));

        assertThat(cadence.ruleId()).isEqualTo("Rule_RetentionRiskHigh");
        assertThat(cadence).extracting(Cadence::monthsToNext, Cadence::hrJoins).containsExactly(3, true);
    }

    @Test
    void aWishForAnEarlierTalkShortensEvenTheYearOfSomeoneWhoExceeds() {
        Cadence cadence = evaluate(Employee.permanentForYears().performanceSignal("exceeds").earlierTalkWished(true));

        assertThat(cadence.ruleId()).isEqualTo("Rule_EarlierTalkWished");
        assertThat(cadence.monthsToNext()).isEqualTo(6);
    }

    @Test
    void firstYearWinsOverFixedTermAndMediumRisk() {
        Cadence cadence = evaluate(new Employee("fixed-term", 4, "meets", "medium", false));

        assertThat(cadence.ruleId()).isEqualTo("Rule_FirstYear");
        assertThat(cadence.checkInWeeks()).isEqualTo(6);
    }

    @Test
    void twelveMonthsOfTenureIsNoLongerTheFirstYear() {
        assertThat(evaluate(Employee.permanentForYears().tenureMonths(12)).ruleId()).isEqualTo("Rule_RegularRhythm");
        assertThat(evaluate(Employee.permanentForYears().tenureMonths(0)).ruleId()).isEqualTo("Rule_FirstYear");
    }

    @Test
    void fixedTermWinsOverMediumRiskAndExceeding() {
        Cadence cadence = evaluate(new Employee("fixed-term", 24, "exceeds", "medium", false));

        assertThat(cadence.ruleId()).isEqualTo("Rule_FixedTerm");
        assertThat(cadence).extracting(Cadence::monthsToNext, Cadence::checkInWeeks).containsExactly(6, 8);
    }

    @Test
    void mediumRiskShortensTheYearOfSomeoneWhoExceeds() {
        Cadence cadence = evaluate(Employee.permanentForYears().performanceSignal("exceeds").retentionRisk("medium"));

        assertThat(cadence.ruleId()).isEqualTo("Rule_RetentionRiskMedium");
        assertThat(cadence.monthsToNext()).isEqualTo(6);
    }

    @Test
    void tenureArrivingAsLongIsAcceptedLikeAnInteger() {
        VariableMap variables = Employee.permanentForYears().tenureMonths(3).toVariables()
                .putValue(TENURE_MONTHS, 3L);

        assertThat(evaluate(variables).ruleId()).isEqualTo("Rule_FirstYear");
    }

    // ---- the whole input space ---------------------------------------------------------------

    @Test
    void everyInputCombinationMatchesARule() {
        List<String> employmentTypes = Arrays.asList("probation", "permanent", "fixed-term", null, "contractor");
        List<Integer> tenures = Arrays.asList(0, 1, 11, 12, 13, 60, null);
        List<String> performanceSignals = Arrays.asList("exceeds", "meets", "below", "unrated", null);
        List<String> retentionRisks = Arrays.asList("low", "medium", "high", null);
        List<Boolean> earlierTalkWishes = Arrays.asList(true, false, null);

        Set<String> rulesThatFired = new HashSet<>();
        int combinations = 0;
        for (String employmentType : employmentTypes) {
            for (Integer tenure : tenures) {
                for (String performanceSignal : performanceSignals) {
                    for (String retentionRisk : retentionRisks) {
                        for (Boolean earlierTalkWished : earlierTalkWishes) {
                            Employee employee = new Employee(employmentType, tenure, performanceSignal,
                                    retentionRisk, earlierTalkWished);
                            Cadence cadence = evaluate(employee);

                            assertThat(cadence.resultCount()).as("results for %s", employee).isEqualTo(1);
                            assertThat(cadence.monthsToNext()).as("monthsToNext for %s", employee)
                                    .isNotNull().isBetween(1, 24);
                            assertThat(cadence.checkInWeeks()).as("checkInWeeks for %s", employee)
                                    .isNotNull().isBetween(1, 26);
                            assertThat(cadence.hrJoins()).as("hrJoins for %s", employee).isNotNull();
                            assertThat(cadence.reason()).as("reason for %s", employee).isNotBlank();
                            rulesThatFired.add(cadence.ruleId());
                            combinations++;
                        }
                    }
                }
            }
        }

        assertThat(combinations).isEqualTo(5 * 7 * 5 * 4 * 3);
        assertThat(rulesThatFired).as("no rule is shadowed by the ones above it")
                .containsExactlyInAnyOrderElementsOf(ruleIds());
    }

    @Test
    void evenWithoutAnyVariableTheRegularRhythmApplies() {
        Cadence cadence = evaluate(Variables.createVariables());

        assertThat(cadence.ruleId()).isEqualTo("Rule_RegularRhythm");
        assertThat(cadence.monthsToNext()).isEqualTo(12);
    }

    @Test
    void everyReasonStatesTheCadenceItExplains() {
        // the employee reads only the reason: it must not contradict the numbers stored beside it
        List<Cadence> oneForEachRule = oneEvaluationPerRule();

        assertThat(oneForEachRule).allSatisfy(cadence -> {
            assertThat(cadence.reason()).as(cadence.ruleId())
                    .contains("in " + cadence.monthsToNext() + " months")
                    .contains("every " + cadence.checkInWeeks() + " weeks");
            assertThat(cadence.reason().contains("HR partner")).as("%s mentions HR", cadence.ruleId())
                    .isEqualTo(cadence.hrJoins());
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** One typical employee per rule, in the table's order. */
    private static List<Cadence> oneEvaluationPerRule() {
        return List.of(
                evaluate(Employee.permanentForYears().employmentType("probation")),
                evaluate(Employee.permanentForYears().performanceSignal("below")),
                evaluate(Employee.permanentForYears().retentionRisk("high")),
                evaluate(Employee.permanentForYears().earlierTalkWished(true)),
                evaluate(Employee.permanentForYears().tenureMonths(5)),
                evaluate(Employee.permanentForYears().employmentType("fixed-term")),
                evaluate(Employee.permanentForYears().retentionRisk("medium")),
                evaluate(Employee.permanentForYears().performanceSignal("exceeds")),
                evaluate(Employee.permanentForYears()));
    }

    private static List<Rule> rules() {
        return List.copyOf(model.getModelElementsByType(Rule.class));
    }

    private static Set<String> ruleIds() {
        return rules().stream().map(Rule::getId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Cadence evaluate(Employee employee) {
        return evaluate(employee.toVariables());
    }

    private static Cadence evaluate(VariableMap variables) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
        assertThat(matchedRuleIds).as("FIRST reports at most one matching rule").hasSizeLessThanOrEqualTo(1);
        if (result.isEmpty()) {
            return new Cadence(null, 0, null, null, null, null);
        }
        DmnDecisionRuleResult first = result.getFirstResult();
        return new Cadence(matchedRuleIds.get(0), result.size(),
                first.getEntry(CadenceOutput.MONTHS_TO_NEXT), first.getEntry(CadenceOutput.CHECK_IN_WEEKS),
                first.getEntry(CadenceOutput.HR_JOINS), first.getEntry(CadenceOutput.REASON));
    }

    /** The decision's inputs; {@link #permanentForYears()} matches no rule but the catch-all. */
    private record Employee(String employmentType, Integer tenureMonths, String performanceSignal,
                            String retentionRisk, Boolean earlierTalkWished) {

        static Employee permanentForYears() {
            return new Employee("permanent", 36, "meets", "low", false);
        }

        Employee employmentType(String value) {
            return new Employee(value, tenureMonths, performanceSignal, retentionRisk, earlierTalkWished);
        }

        Employee tenureMonths(Integer value) {
            return new Employee(employmentType, value, performanceSignal, retentionRisk, earlierTalkWished);
        }

        Employee performanceSignal(String value) {
            return new Employee(employmentType, tenureMonths, value, retentionRisk, earlierTalkWished);
        }

        Employee retentionRisk(String value) {
            return new Employee(employmentType, tenureMonths, performanceSignal, value, earlierTalkWished);
        }

        Employee earlierTalkWished(Boolean value) {
            return new Employee(employmentType, tenureMonths, performanceSignal, retentionRisk, value);
        }

        VariableMap toVariables() {
            return Variables.createVariables()
                    .putValue(EMPLOYMENT_TYPE, employmentType)
                    .putValue(TENURE_MONTHS, tenureMonths)
                    .putValue(PERFORMANCE_SIGNAL, performanceSignal)
                    .putValue(RETENTION_RISK, retentionRisk)
                    .putValue(EARLIER_TALK_WISHED, earlierTalkWished);
        }
    }

    private record Cadence(String ruleId, int resultCount, Integer monthsToNext, Integer checkInWeeks,
                           Boolean hrJoins, String reason) {
    }
}
