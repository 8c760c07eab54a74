package org.careerconversations.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A designer's deployment is checked before the engine deploys it, and the engine reaches only the app's
 * own beans:
 * <ul>
 *   <li>every new deployment made by a person — through the REST API as the Modeler does it, or Cockpit;
 *       administrators included — is checked as a whole by {@link DesignerModelRules} and refused with 400
 *       naming each element and rule, before anything of it is stored or run. The app's own deployment of
 *       {@code bpmn/}, {@code dmn/}, {@code forms/} at start (made by no one) is where new code comes in;</li>
 *   <li>expressions resolve only {@link ModelBeans} — the app's steps and helpers — so that a rule that slips
 *       past the check still reaches nothing else of the application;</li>
 *   <li>whoever deploys gets no grant on the deployment (the engine would give them READ and DELETE):
 *       designers read all deployments through their group, and deleting is the administrators' (see
 *       {@link DeploymentsInUse}).</li>
 * </ul>
 */
@Component
class DesignerDeployments extends AbstractProcessEnginePlugin {

    private final ModelBeans beans;
    private final DesignerModelRules rules;
    private final ApplicationContext context;

    DesignerDeployments(ApplicationContext context) {
        this.context = context;
        this.beans = new ModelBeans(context);
        this.rules = new DesignerModelRules(new DesignerExpressions(beans::isStep));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new Check());
        configuration.setResourceAuthorizationProvider(new NoGrantForTheDeployer());
    }

    /** The rules, for a test that proves the app's own models keep them. */
    DesignerModelRules rules() {
        return rules;
    }

    private final class Check implements Deployer {

        @Override
        public void deploy(DeploymentEntity deployment) {
            Authentication user = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthentication();
            // a deployment read back into the cache was checked when it was made
            if (!deployment.isNew() || user == null || user.getUserId() == null) {
                return;
            }
            List<ResourceReport> reports = new ArrayList<>();
            List<String> summary = new ArrayList<>();
            for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
                List<Problem> problems = new ArrayList<>();
                for (DesignerModelRules.Finding finding : rules.check(resource.getKey(),
                    resource.getValue().getBytes())) {
                    problems.add(new Refusal(finding.message(), finding.elementId()));
                    summary.add(resource.getKey() + (finding.elementId() == null ? "" : ", " + finding.elementId())
                        + ": " + finding.message());
                }
                if (!problems.isEmpty()) {
                    reports.add(new ResourceReportImpl(resource.getKey(), problems, List.of()));
                }
            }
            if (!reports.isEmpty()) {
                throw new DeploymentRefused("The deployment was refused, nothing of it was deployed. "
                    + String.join("; ", summary), reports);
            }
        }
    }

    /** Refused like a model the engine cannot parse: 400, with the problems per resource. */
    static final class DeploymentRefused extends ParseException {

        DeploymentRefused(String message, List<ResourceReport> reports) {
            super(message, reports.get(0).getResourceName(), List.of(), List.of());
            this.resorceReports = reports;
        }
    }

    private record Refusal(String message, String elementId) implements Problem {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return elementId;
        }

        @Override
        public List<String> getElementIds() {
            return elementId == null ? List.of() : List.of(elementId);
        }
    }

    private static final class NoGrantForTheDeployer extends DefaultAuthorizationProvider {
        @Override
        public AuthorizationEntity[] newDeployment(Deployment deployment) {
            return null;
        }
    }
}
