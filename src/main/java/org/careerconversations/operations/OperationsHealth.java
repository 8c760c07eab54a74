package org.careerconversations.operations;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of readiness that are the app's own (management port, {@code /actuator/health/readiness}): the
 * database, and the job executor. A node whose job executor is switched off on purpose
 * ({@code camunda.bpm.job-execution.enabled=false}) is ready; one whose job executor should run but does not,
 * is not.
 */
@Configuration(proxyBeanMethods = false)
class OperationsHealth {

    @Bean
    HealthIndicator databaseHealthIndicator(DatabaseStatus database) {
        return () -> {
            if (database.check()) {
                return Health.up().build();
            }
            Health.Builder down = Health.down();
            database.reason().ifPresent(reason -> down.withDetail("reason", reason));
            database.downSince().ifPresent(since -> down.withDetail("since", since.toString()));
            return down.build();
        };
    }

    @Bean
    HealthIndicator jobExecutionHealthIndicator(ObjectProvider<JobExecutor> jobExecutors) {
        return () -> {
            JobExecutor jobExecutor = jobExecutors.getIfAvailable();
            if (jobExecutor == null) {
                return Health.up().withDetail("jobExecution", "switched off on this node").build();
            }
            Health.Builder health = jobExecutor.isActive() ? Health.up() : Health.down();
            return health.withDetail("lockOwner", jobExecutor.getLockOwner())
                .withDetail("lockTimeInMillis", jobExecutor.getLockTimeInMillis())
                .build();
        };
    }
}
