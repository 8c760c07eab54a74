const { is } = require('bpmnlint-utils');

// Every user task has a form, a person it waits for (never "anyone") and a due date: reminders and
// escalations follow the due date.
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const attrs = node.$attrs || {};
    const get = name => node.get('camunda:' + name) || attrs['camunda:' + name];
    if (!get('formRef') && !get('formKey')) {
      reporter.report(node.id, 'User task has no form (camunda:formRef)');
    }
    if (!get('assignee')) {
      reporter.report(node.id, 'User task has no assignee (camunda:assignee)');
    }
    if (!get('dueDate')) {
      reporter.report(node.id, 'User task has no due date (camunda:dueDate)');
    }
  }
  return { check };
};
