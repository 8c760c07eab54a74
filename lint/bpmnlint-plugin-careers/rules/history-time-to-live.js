const { is } = require('bpmnlint-utils');

// Retention: the engine refuses to deploy an executable process without a history time to live.
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:Process') && node.isExecutable) {
      const ttl = node.get('camunda:historyTimeToLive') || (node.$attrs || {})['camunda:historyTimeToLive'];
      if (ttl === undefined || ttl === null || String(ttl).trim() === '') {
        reporter.report(node.id, 'Process has no history time to live (camunda:historyTimeToLive)');
      }
    }
  }
  return { check };
};
