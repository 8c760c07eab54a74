#!/usr/bin/env node
// Checks the models a designer edits in Camunda Modeler before they can be deployed (issue 7, PITFALLS 10):
//  - bpmn/*.bpmn with bpmnlint and the project's .bpmnlintrc (bpmnlint recommended, the Modeler's
//    Camunda 7.24 compatibility rules, our conventions in lint/bpmnlint-plugin-careers);
//  - dmn/*.dmn: every decision has a history time to live and a readable id;
//  - forms/*.form: valid JSON in the form-js shape (id, type "default", schemaVersion, components of known
//    types, unique keys) and every camunda:formRef of a BPMN finds its form.
// Usage: node lint/lint.js [projectDir]   (default: the repository). Exit code 1 on any error.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const repo = path.resolve(__dirname, '..');
const project = path.resolve(process.argv[2] || repo);
const errors = [];
const error = (file, message) => errors.push(path.relative(project, file) + ': ' + message);
const list = (folder, extension) => {
  const dir = path.join(project, folder);
  return fs.existsSync(dir)
    ? fs.readdirSync(dir).filter(f => f.endsWith(extension)).sort().map(f => path.join(dir, f)) : [];
};

const GENERATED = /^[A-Za-z]+_[0-9][0-9a-z]{6}$/;
// the form-js component types Camunda 7.24's Tasklist renders
const FORM_TYPES = new Set(['default', 'textfield', 'textarea', 'number', 'datetime', 'checkbox', 'checklist',
  'radio', 'select', 'taglist', 'text', 'html', 'image', 'button', 'group', 'dynamiclist', 'separator',
  'spacer', 'table', 'iframe', 'expression', 'filepicker', 'documentPreview']);

// --- BPMN: bpmnlint ---
const bpmnFiles = list('bpmn', '.bpmn');
if (bpmnFiles.length) {
  const cli = path.join(repo, 'node_modules', 'bpmnlint', 'bin', 'bpmnlint.js');
  try {
    const out = execFileSync(process.execPath, [cli, '--config', path.join(repo, '.bpmnlintrc'), ...bpmnFiles],
      { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (out.trim()) process.stdout.write(out);
  } catch (e) {
    process.stdout.write((e.stdout || '') + (e.stderr || ''));
    errors.push('bpmnlint found errors in bpmn/ (listed above)');
  }
}

// --- forms ---
const formIds = new Map();
for (const file of list('forms', '.form')) {
  let form;
  try {
    form = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    error(file, 'not valid JSON: ' + e.message);
    continue;
  }
  if (typeof form.id !== 'string' || !form.id) error(file, 'has no "id" (the camunda:formRef key)');
  else if (formIds.has(form.id)) error(file, 'id "' + form.id + '" is also used by ' + formIds.get(form.id));
  else formIds.set(form.id, path.basename(file));
  if (form.type !== 'default') error(file, 'type must be "default" (was ' + JSON.stringify(form.type) + ')');
  if (!Number.isInteger(form.schemaVersion)) error(file, 'has no schemaVersion');
  if (!Array.isArray(form.components)) {
    error(file, 'has no "components" list');
    continue;
  }
  const keys = new Set();
  const walk = (components, scoped) => components.forEach((c, i) => {
    const where = (c.id || c.key || '#' + i);
    if (!c || typeof c.type !== 'string') return error(file, 'component ' + where + ' has no type');
    if (!FORM_TYPES.has(c.type)) error(file, 'component ' + where + ' has an unknown type "' + c.type + '"');
    if (c.key !== undefined) {
      if (typeof c.key !== 'string' || !c.key) error(file, 'component ' + where + ' has an empty key');
      else if (!scoped && keys.has(c.key)) error(file, 'key "' + c.key + '" is used twice');
      else if (!scoped) keys.add(c.key);
    }
    if (Array.isArray(c.components)) walk(c.components, scoped || c.type === 'dynamiclist');
  });
  walk(form.components, false);
}
for (const file of bpmnFiles) {
  const xml = fs.readFileSync(file, 'utf8');
  for (const m of xml.matchAll(/camunda:formRef="([^"]+)"/g)) {
    if (!formIds.has(m[1])) error(file, 'camunda:formRef="' + m[1] + '" has no form with that id in forms/');
  }
}

// --- DMN ---
for (const file of list('dmn', '.dmn')) {
  const xml = fs.readFileSync(file, 'utf8');
  const decisions = [...xml.matchAll(/<(?:\w+:)?decision\b([^>]*)>/g)];
  if (!decisions.length) error(file, 'has no decision');
  for (const d of decisions) {
    const id = (d[1].match(/\bid="([^"]*)"/) || [])[1] || '?';
    if (!/camunda:historyTimeToLive="[^"]+"/.test(d[1])) {
      error(file, 'decision ' + id + ' has no history time to live (camunda:historyTimeToLive)');
    }
    if (GENERATED.test(id)) error(file, 'decision ' + id + ' has a generated id');
  }
}

const checked = bpmnFiles.length + list('dmn', '.dmn').length + list('forms', '.form').length;
if (errors.length) {
  errors.forEach(e => console.error('[lint] ERROR ' + e));
  console.error('[lint] FAILED: ' + errors.length + ' error(s) in ' + checked + ' model files of ' + project);
  process.exit(1);
}
console.log('[lint] OK: ' + checked + ' model files (bpmn/, dmn/, forms/) pass the checks');
