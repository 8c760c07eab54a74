package org.careerconversations.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.careerconversations.process.ProcessIds;
import org.careerconversations.process.ProcessPrivileges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nothing is kept forever. The engine deletes history by itself, nightly in the cleanup window
 * of application.yaml, each instance its time to live after it started; this class makes every definition's
 * time to live the configured one, and deletes the app's own conversations the same time after they ended.
 * The deletion is one set of idempotent statements: every node of a cluster may run it at the same time.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final RetentionSettings settings;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final AppRecords app;
    private final ObjectProvider<PersonalDataStore> stores;
    private final JdbcTemplate jdbc;

    Retention(RetentionSettings settings, RepositoryService repository, IdentityService identity, AppRecords app,
              ObjectProvider<PersonalDataStore> stores, JdbcTemplate jdbc) {
        this.settings = settings;
        this.repository = repository;
        this.identity = identity;
        this.app = app;
        this.stores = stores;
        this.jdbc = jdbc;
    }

    /**
     * Gives every deployed process and decision definition — all versions, also those deployed before the
     * configuration changed — the configured history time to live. It applies to instances started from now
     * on; history written earlier keeps the removal time it was given.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void applyHistoryTimeToLive() {
        ProcessPrivileges.runAsTheProcess(identity, () -> {
            for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
                int days = settings.daysFor(definition.getKey());
                if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
                    repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                }
            }
            for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
                int days = settings.daysFor(definition.getKey());
                if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
                    repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
                }
            }
        });
    }

    /**
     * Deletes the conversations (with goals, development actions and what other features keep of them)
     * that ended longer than the CareerConversation time to live ago.
     *
     * @return the number of conversations deleted
     */
    @Scheduled(cron = "${careers.retention.cleanup-cron:0 30 1 * * *}", zone = "${careers.time-zone}")
    @Transactional
    public int deleteExpiredConversations() {
        Instant cutoff = ClockUtil.getCurrentTime().toInstant()
            .minus(settings.daysFor(ProcessIds.CAREER_CONVERSATION), ChronoUnit.DAYS);
        List<Long> expired = jdbc.queryForList("select id from conversation where closed_at is not null "
            + "and closed_at < ? order by id", Long.class, Timestamp.from(cutoff));
        if (expired.isEmpty()) {
            return 0;
        }
        for (PersonalDataStore store : stores.orderedStream().toList()) {
            store.forgetConversations(expired);
        }
        app.deleteConversations(expired);
        LOG.info("Retention: deleted {} conversation(s) that ended before {}", expired.size(), cutoff);
        return expired.size();
    }
}
