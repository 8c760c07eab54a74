// Career Conversations' modelling conventions (../../shared/CONVENTIONS.md) as bpmnlint rules. The Modeler
// shows them too: it reads the project's .bpmnlintrc.
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
