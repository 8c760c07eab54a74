// Career Conversations' modelling conventions as bpmnlint rules, enabled by the project's .bpmnlintrc: the build's
// lint (lint/lint.js) checks bpmn/ with them, and the Camunda Modeler plugin built from lint/modeler-plugin/ shows
// them in the Modeler as a diagram is drawn.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'no-generated-ids': 'error',
        'user-task-complete': 'error',
        'history-time-to-live': 'error'
      }
    }
  },
  rules: {
    'no-generated-ids': './rules/no-generated-ids',
    'user-task-complete': './rules/user-task-complete',
    'history-time-to-live': './rules/history-time-to-live'
  }
};
