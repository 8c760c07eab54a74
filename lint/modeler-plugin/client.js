// The Modeler plugin's script: hands the project's lint rules to the Desktop Modeler, which checks a Camunda 7
// diagram with them as it is drawn (the problems panel and the markers on the canvas).
//
// bpmnlint-loader compiles the project's .bpmnlintrc at build time into { config, resolver }, with every rule it
// enables bundled: bpmnlint's recommended rules and ours from lint/bpmnlint-plugin-careers, at the severities the
// build's lint uses.
import { registerClientPlugin } from 'camunda-modeler-plugin-helpers';

import { config, resolver } from '../../.bpmnlintrc';

// The Modeler adds its own Camunda 7 compatibility rules (bpmnlint-plugin-camunda-compat) for the engine version a
// diagram names in modeler:executionPlatformVersion; the .bpmnlintrc's copy of them would only replace the
// settings the Modeler gives those rules.
const rules = Object.fromEntries(
  Object.entries(config.rules).filter(([ name ]) => !name.startsWith('camunda-compat/')));

// 'bpmn' is the Modeler's tab for Camunda 7 diagrams
registerClientPlugin({ config: { rules }, resolver }, 'lintRules.bpmn');
