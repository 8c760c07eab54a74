package org.careerconversations;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests that run the whole app: the real models from bpmn/, dmn/ and forms/, the demo
 * organisation, H2 in memory, jobs off (tests fire timers themselves), metrics on (the management port's
 * Prometheus endpoint). Every subclass must keep exactly
 * this configuration, so that one Spring context (and one process engine named "default", which the REST
 * API looks up) serves them all; the PostgreSQL tests run in their own JVM (see pom.xml).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@AutoConfigureObservability(tracing = false)
public abstract class AppTest {

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected JdbcTemplate jdbc;
    @LocalServerPort
    protected int port;

    protected EngineRest rest() {
        return new EngineRest("http://localhost:" + port);
    }

    /** Each test starts from the demo organisation without conversations, at the real time. */
    @AfterEach
    void removeConversations() {
        ClockUtil.reset();
        List<String> ids = runtimeService.createProcessInstanceQuery().rootProcessInstances().list().stream()
            .map(ProcessInstance::getId).toList();
        if (!ids.isEmpty()) {
            runtimeService.deleteProcessInstances(ids, "test cleanup", true, true);
        }
        List<String> finished = engine.getHistoryService().createHistoricProcessInstanceQuery().list().stream()
            .map(HistoricProcessInstance::getId).toList();
        if (!finished.isEmpty()) {
            engine.getHistoryService().deleteHistoricProcessInstances(finished);
        }
        jdbc.update("delete from check_in_progress");
        jdbc.update("delete from check_in");
        jdbc.update("delete from plan_revision");
        jdbc.update("delete from goal");
        jdbc.update("delete from development_action");
        jdbc.update("delete from conversation");
        jdbc.update("update employee set next_conversation_due = null");
    }
}
