package org.careerconversations.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executor's threads and its shutdown. On SIGTERM the order is: stop acquiring jobs, let the running
 * ones finish (at most {@code careers.jobs.shutdown-wait}), hand every job this node still holds back to the
 * cluster, and only then let the web server and the database pool go. Spring's own shutdown of a task executor
 * stops it at the first sign of closing while the engine keeps acquiring, which left jobs locked by a node that
 * was gone until their lock time ran out.
 */
@Configuration(proxyBeanMethods = false)
class JobExecution {

    static final String TASK_EXECUTOR = "camundaTaskExecutor";

    /** The pool the engine's job executor runs jobs on (replaces the Camunda starter's of the same name). */
    @Bean(TASK_EXECUTOR)
    @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
        matchIfMissing = true)
    static ThreadPoolTaskExecutor camundaTaskExecutor(CamundaBpmProperties properties) {
        JobExecutionProperty jobs = properties.getJobExecution();
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix("job-");
        pool.setCorePoolSize(jobs.getCorePoolSize());
        pool.setMaxPoolSize(jobs.getMaxPoolSize());
        pool.setQueueCapacity(jobs.getQueueCapacity());
        if (jobs.getKeepAliveSeconds() != null) {
            pool.setKeepAliveSeconds(jobs.getKeepAliveSeconds());
        }
        // JobExecutorShutdown drains it in order; Spring must not shut it down early on its own
        pool.setAcceptTasksAfterContextClose(true);
        return pool;
    }

    @Bean
    JobExecutorShutdown jobExecutorShutdown(ObjectProvider<JobExecutor> jobExecutor,
                                            @Qualifier(TASK_EXECUTOR) ObjectProvider<ThreadPoolTaskExecutor> pool,
                                            JdbcTemplate jdbc, Node node,
                                            @Value("${careers.jobs.shutdown-wait:PT15S}") Duration wait) {
        return new JobExecutorShutdown(jobExecutor.getIfAvailable(), pool.getIfAvailable(), jdbc, node, wait);
    }

    static class JobExecutorShutdown implements SmartLifecycle {

        private static final Logger LOG = LoggerFactory.getLogger(JobExecutorShutdown.class);

        private final JobExecutor jobExecutor;
        private final ThreadPoolTaskExecutor pool;
        private final JdbcTemplate jdbc;
        private final Duration wait;
        private volatile boolean running;

        JobExecutorShutdown(JobExecutor jobExecutor, ThreadPoolTaskExecutor pool, JdbcTemplate jdbc, Node node,
                            Duration wait) {
            this.jobExecutor = jobExecutor;
            this.pool = pool;
            this.jdbc = jdbc;
            this.wait = wait;
            if (jobExecutor != null) {
                jobExecutor.setLockOwner(node.name());
            }
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        /** Before the web server's graceful shutdown, which is before the database pool closes. */
        @Override
        public int getPhase() {
            return SmartLifecycle.DEFAULT_PHASE - 512;
        }

        @Override
        public void stop() {
            running = false;
            if (jobExecutor == null || !jobExecutor.isActive()) {
                return;
            }
            Instant begin = Instant.now();
            // no more acquisition; jobs acquired but not begun are unlocked when their turn comes
            jobExecutor.shutdown();
            boolean finished = true;
            if (pool != null) {
                ThreadPoolExecutor threads = pool.getThreadPoolExecutor();
                threads.shutdown();
                try {
                    finished = threads.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    finished = false;
                }
            }
            int released = releaseLocks();
            LOG.info("Job executor stopped in {} ms: {}; {} job(s) handed back to the cluster",
                Duration.between(begin, Instant.now()).toMillis(),
                finished ? "every running job finished" : "jobs still running after " + wait.toSeconds()
                    + " s are abandoned (their transactions roll back)", released);
        }

        /**
         * Jobs this node still holds (acquired but refused by the full pool, or still running after the wait)
         * become available to the other nodes at once instead of when their lock runs out. A job still running
         * here that another node takes fails on commit here: the engine's optimistic locking keeps it single.
         */
        private int releaseLocks() {
            try {
                return jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null "
                    + "where LOCK_OWNER_ = ?", jobExecutor.getLockOwner());
            } catch (RuntimeException e) {
                LOG.warn("Could not hand this node's jobs back (they become free when their lock runs out): {}",
                    e.getMessage());
                return 0;
            }
        }
    }
}
