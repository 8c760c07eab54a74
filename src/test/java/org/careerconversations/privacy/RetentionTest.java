package org.careerconversations.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.careerconversations.AppTest;
import org.careerconversations.Conversations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nothing is kept forever: every definition has the configured time to live (three years), the engine's
 * history cleanup removes a conversation's history once it is over, and the app's own record of a
 * conversation goes the same time after it ended.
 */
class RetentionTest extends AppTest {

    private static final int THREE_YEARS = 1095;

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    Retention retention;

    @Test
    void everyProcessAndDecisionHasTheConfiguredTimeToLive() {
        assertThat(repositoryService.createProcessDefinitionQuery().list())
            .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(THREE_YEARS));
        assertThat(repositoryService.createDecisionDefinitionQuery().list())
            .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(THREE_YEARS));
    }

    @Test
    void aModelsOwnTimeToLiveDoesNotWin() {
        Deployment deployment = repositoryService.createDeployment().name("retention probe")
            .addModelInstance("short-lived.bpmn", Bpmn.createExecutableProcess("ShortLived")
                .camundaHistoryTimeToLive(5).startEvent().endEvent().done())
            .addString("short-lived.dmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                             xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="ShortLivedDefinitions"
                             name="Short lived" namespace="https://career-conversations.org/dmn">
                  <decision id="ShortLivedDecision" name="Short lived" camunda:historyTimeToLive="P5D">
                    <decisionTable id="ShortLivedTable">
                      <input id="In">
                        <inputExpression id="InExpression" typeRef="string"><text>x</text></inputExpression>
                      </input>
                      <output id="Out" name="y" typeRef="string" />
                      <rule id="Rule"><inputEntry id="Entry"><text>-</text></inputEntry>
                        <outputEntry id="Output"><text>"y"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """)
            .deploy();
        try {
            ProcessDefinition process = repositoryService.createProcessDefinitionQuery()
                .deploymentId(deployment.getId()).singleResult();
            assertThat(process.getHistoryTimeToLive()).isEqualTo(THREE_YEARS);
            assertThat(repositoryService.createDecisionDefinitionQuery().deploymentId(deployment.getId())
                .singleResult().getHistoryTimeToLive()).isEqualTo(THREE_YEARS);
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void historyCleanupRunsEveryNightInItsWindow() {
        ProcessEngineConfigurationImpl configuration =
            (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty();
    }

    @Test
    void historyCleanupRemovesAnExpiredConversationsHistoryAndNothingYounger() {
        Conversations conversations = new Conversations(engine);
        Instant now = Instant.now();
        String evas = conversations.agreed("hanna", "eva", "maria", "SECRET-eva");
        ClockUtil.setCurrentTime(Date.from(now.plus(1000, ChronoUnit.DAYS)));
        String eriks = conversations.preparing("hanna", "erik", "maria");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(evas).singleResult()
            .getRemovalTime()).isNotNull();

        ClockUtil.setCurrentTime(Date.from(now.plus(THREE_YEARS + 1, ChronoUnit.DAYS)));
        cleanUpHistory(evas);

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(evas).count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(evas).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(evas).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(evas).count()).isZero();
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(evas).count()).isZero();
        assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(evas).count()).isZero();
        assertThat(historyService.createUserOperationLogQuery().processInstanceId(evas).count()).isZero();
        assertThat(engine.getAuthorizationService().createAuthorizationQuery()
            .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(evas).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(eriks).count()).isOne();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(eriks).count()).isPositive();
    }

    @Test
    void theAppsOwnRecordGoesTheSameTimeAfterTheConversationEnded() {
        Conversations conversations = new Conversations(engine);
        Instant now = Instant.now();
        conversations.agreed("hanna", "eva", "maria", "SECRET-eva");
        conversations.preparing("hanna", "erik", "maria");

        ClockUtil.setCurrentTime(Date.from(now.plus(THREE_YEARS - 1, ChronoUnit.DAYS)));
        assertThat(retention.deleteExpiredConversations()).isZero();

        ClockUtil.setCurrentTime(Date.from(now.plus(THREE_YEARS + 1, ChronoUnit.DAYS)));
        assertThat(retention.deleteExpiredConversations()).isOne();
        assertThat(retention.deleteExpiredConversations()).as("idempotent").isZero();

        assertThat(jdbc.queryForList("select business_key from conversation", String.class))
            .containsExactly("erik-1");
        assertThat(jdbc.queryForObject("select count(*) from goal", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from development_action", Integer.class)).isZero();
    }

    /** The nightly job, run now: once is enough for a handful of rows, a few times are allowed. */
    private void cleanUpHistory(String expired) {
        for (int run = 0; run < 5
            && historyService.createHistoricProcessInstanceQuery().processInstanceId(expired).count() > 0; run++) {
            Job job = historyService.cleanUpHistoryAsync(true);
            managementService.executeJob(job.getId());
        }
    }
}
