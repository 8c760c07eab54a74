const { isAny } = require('bpmnlint-utils');

// The Modeler names new elements like Activity_0x7k2ab, Gateway_1c2d3e4, Flow_0abc123: code, tests, logs and
// Cockpit users refer to these ids, so they must read like the diagram (Task_ScheduleConversation).
const GENERATED = /^[A-Za-z]+_[0-9][0-9a-z]{6}$/;

const REFERENCED = [
  'bpmn:Process', 'bpmn:FlowNode', 'bpmn:SequenceFlow', 'bpmn:Message', 'bpmn:Error', 'bpmn:Signal',
  'bpmn:Escalation', 'bpmn:BoundaryEvent'
];

module.exports = function() {
  function check(node, reporter) {
    if (isAny(node, REFERENCED) && node.id && GENERATED.test(node.id)) {
      reporter.report(node.id, 'Generated id "' + node.id + '": give it a name that reads like the diagram, '
        + 'e.g. Task_ScheduleConversation');
    }
  }
  return { check };
};
