package org.careerconversations.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.careerconversations.conversation.ConversationEvents.ConversationAgreed;
import org.careerconversations.process.ProcessIds;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the processes did on this node, counted when it committed: conversations opened and agreed, rounds
 * started and completed, and how long each round took. Counted from the models' own steps (by their ids), so
 * a new version deployed from the Modeler is counted the same way.
 */
@Component
class ProcessFigures extends AbstractProcessEnginePlugin {


    private final Counter conversationsOpened;
    private final Counter conversationsAgreed;
    private final Counter roundsStarted;
    private final Timer rounds;

    ProcessFigures(MeterRegistry registry) {
        conversationsOpened = Counter.builder("careers.conversations.opened")
            .description("Conversations opened on this node").register(registry);
        conversationsAgreed = Counter.builder("careers.conversations.agreed")
            .description("Conversations agreed (signed off or closed by HR) on this node").register(registry);
        roundsStarted = Counter.builder("careers.rounds.started")
            .description("Rounds (CycleScheduler) started on this node").register(registry);
        rounds = Timer.builder("careers.rounds.duration")
            .description("Rounds completed on this node, and how long each took from launch to its last chunk")
            .register(registry);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener opened = execution -> afterCommit(conversationsOpened::increment);
        ExecutionListener roundStarted = execution -> afterCommit(roundsStarted::increment);
        ExecutionListener roundEnded = this::roundEnded;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                if (ProcessIds.CYCLE_SCHEDULER.equals(process.getKey())) {
                    process.addListener(ExecutionListener.EVENTNAME_START, roundStarted);
                    process.addListener(ExecutionListener.EVENTNAME_END, roundEnded);
                }
            }

            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (ProcessIds.TASK_OPEN_RECORD.equals(activity.getId())) {
                    activity.addListener(ExecutionListener.EVENTNAME_END, opened);
                }
            }
        });
    }

    @TransactionalEventListener
    void agreed(ConversationAgreed agreed) {
        conversationsAgreed.increment();
    }

    private void roundEnded(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        HistoricProcessInstance round = execution.getProcessEngineServices().getHistoryService()
            .createHistoricProcessInstanceQuery().processInstanceId(execution.getProcessInstanceId()).singleResult();
        Duration took = round == null ? Duration.ZERO
            : Duration.ofMillis(ClockUtil.getCurrentTime().getTime() - round.getStartTime().getTime());
        afterCommit(() -> rounds.record(took));
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
