package org.careerconversations.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One node at a time gets the database ready: the engine's tables, the deployment of the models, the
 * administrator, groups, authorizations and Tasklist filters. Nodes started together on an empty PostgreSQL
 * database would otherwise each create the schema (all but one failing) or the same filters twice. The lock
 * is PostgreSQL's session-level advisory lock, taken before the engine is built and given back once the app
 * is ready; a node that dies while starting gives it back with its connection. H2 serves one node only and
 * needs none.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
    /** Any number the app owns among the database's advisory locks: "careers" in ASCII. */
    static final long KEY = 0x63617265657273L;

    private final DataSource dataSource;
    private Connection holder;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            try (Statement statement = connection.createStatement()) {
                if (!lockTaken(statement, "select pg_try_advisory_lock(" + KEY + ")")) {
                    LOG.info("Another node is getting the database ready (tables, models, access); waiting for it");
                    statement.execute("select pg_advisory_lock(" + KEY + ")");
                }
            }
            holder = connection;
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not take the start-up lock on the database: " + e.getMessage(), e);
        }
    }

    /** After every other start-up step of the app (they are ordered before this one). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            LOG.warn("Could not give back the start-up lock ({}); it goes with the connection", e.getMessage());
        } finally {
            holder = null;
        }
    }

    @Override
    public void destroy() {
        release();
    }

    private static boolean lockTaken(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            return result.next() && result.getBoolean(1);
        }
    }
}
