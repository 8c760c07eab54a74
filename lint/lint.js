#!/usr/bin/env node
// Checks the models a designer edits in Camunda Modeler before they can be deployed (the build runs it; the
// Modeler itself takes the same bpmnlint rules from the plugin this script builds, never from .bpmnlintrc):
//  - bpmn/*.bpmn with bpmnlint and the project's .bpmnlintrc (bpmnlint recommended, the Modeler's
//    Camunda 7.24 compatibility rules, our conventions in lint/bpmnlint-plugin-careers);
//  - dmn/*.dmn: every decision has a history time to live and a readable id;
//  - forms/*.form: imported by form-js 1.8.7, the version Camunda 7.24's Tasklist renders them with (unknown
//    field types, duplicate ids and keys fail there), schemaVersion no newer than it knows, unique form ids, and
//    every camunda:formRef of a BPMN finds its form;
//  - .camunda/element-templates/*.json: valid against @camunda/element-templates-json-schema (the schema the
//    Modeler checks templates with), each id + version once, and every element of bpmn/ that names a template
//    (camunda:modelerTemplate) names an existing one and carries the values it binds.
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
const readJson = file => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    error(file, 'not valid JSON: ' + e.message);
    return undefined;
  }
};

const GENERATED = /^[A-Za-z]+_[0-9][0-9a-z]{6}$/;
const TEMPLATES_FOLDER = path.join('.camunda', 'element-templates');

const bpmnFiles = list('bpmn', '.bpmn');
const formFiles = list('forms', '.form');
const dmnFiles = list('dmn', '.dmn');
const templateFiles = list(TEMPLATES_FOLDER, '.json');

// --- BPMN: bpmnlint ---
function lintBpmn() {
  if (!bpmnFiles.length) {
    return;
  }
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

// --- forms: imported as Tasklist imports them ---
function formImporter() {
  // form-js is a browser library: it needs a DOM to load, not to import a schema
  const { JSDOM } = require('jsdom');
  const { window } = new JSDOM('<!DOCTYPE html><body></body>');
  for (const name of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'KeyboardEvent',
    'DOMParser', 'MutationObserver', 'getComputedStyle']) {
    if (global[name] === undefined) global[name] = window[name];
  }
  const { Form, schemaVersion } = require('@bpmn-io/form-js-viewer');
  const version = require('@bpmn-io/form-js-viewer/package.json').version;
  return {
    version, schemaVersion,
    // the importer alone: what Tasklist does with a form before it renders it (no rendering here)
    check: schema => new Form().get('importer').importSchema(schema)
  };
}

function lintForms() {
  const formIds = new Map();
  const formJs = formFiles.length ? formImporter() : null;
  for (const file of formFiles) {
    const form = readJson(file);
    if (form === undefined) continue;
    if (typeof form.id !== 'string' || !form.id) error(file, 'has no "id" (the camunda:formRef key)');
    else if (formIds.has(form.id)) error(file, 'id "' + form.id + '" is also used by ' + formIds.get(form.id));
    else formIds.set(form.id, path.basename(file));
    if (form.type !== 'default') error(file, 'type must be "default" (was ' + JSON.stringify(form.type) + ')');
    if (!Number.isInteger(form.schemaVersion)) {
      error(file, 'has no schemaVersion');
    } else if (form.schemaVersion > formJs.schemaVersion) {
      error(file, 'schemaVersion ' + form.schemaVersion + ' is newer than Tasklist\'s form-js ' + formJs.version
        + ' knows (' + formJs.schemaVersion + '): save it for Camunda 7.24 in the Modeler');
    }
    if (!Array.isArray(form.components)) {
      error(file, 'has no "components" list');
      continue;
    }
    try {
      formJs.check(form);
    } catch (e) {
      error(file, 'Tasklist\'s form-js ' + formJs.version + ' cannot import it: ' + e.message);
    }
  }
  for (const file of bpmnFiles) {
    const xml = fs.readFileSync(file, 'utf8');
    for (const m of xml.matchAll(/camunda:formRef="([^"]+)"/g)) {
      if (!formIds.has(m[1])) error(file, 'camunda:formRef="' + m[1] + '" has no form with that id in forms/');
    }
  }
}

// --- DMN ---
function lintDmn() {
  for (const file of dmnFiles) {
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
}

// --- element templates ---
/** Reads and validates the templates; answers them by "id@version". */
function lintTemplates() {
  const templates = new Map();
  templates.invalid = new Set();
  const invalid = templates.invalid;
  if (!templateFiles.length) {
    return templates;
  }
  const Ajv = require('ajv');
  const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  for (const file of templateFiles) {
    const json = readJson(file);
    if (json === undefined) continue;
    // a file holds one template or a list of them; each is checked alone, so the messages name it
    for (const template of [].concat(json)) {
      const name = 'template ' + JSON.stringify((template && template.id) || '?');
      if (!validate(template)) {
        const messages = new Set(validate.errors
          // the schema's root allows "a template or a list of templates": that alternative says nothing here
          .filter(e => e.instancePath !== '' || !['oneOf', 'type'].includes(e.keyword))
          // "must match the then schema" comes with the error of the then schema itself
          .filter(e => e.keyword !== 'if')
          .map(e => (e.instancePath || '/') + ' ' + e.message + details(e.params)));
        messages.forEach(m => error(file, name + ' ' + m + ' (element templates JSON schema)'));
        invalid.add(template && template.id);
        continue;
      }
      if (!Number.isInteger(template.version)) {
        error(file, name + ' has no version: models record it in camunda:modelerTemplateVersion');
        continue;
      }
      const key = template.id + '@' + template.version;
      if (templates.has(key)) {
        error(file, name + ' version ' + template.version + ' is also defined in '
          + path.relative(project, templates.get(key).file));
        continue;
      }
      templates.set(key, { template, file });
    }
  }
  return templates;
}

function details(params) {
  if (params.allowedValues) return ': ' + params.allowedValues.join(', ');
  if (params.additionalProperty) return ': ' + params.additionalProperty;
  return '';
}

/** Every templated element of bpmn/ names a template that exists and carries the values it binds. */
async function lintTemplatedElements(templates) {
  const { BpmnModdle } = require('bpmn-moddle');
  const moddle = new BpmnModdle({ camunda: require('camunda-bpmn-moddle/resources/camunda.json') });
  for (const file of bpmnFiles) {
    const { rootElement } = await moddle.fromXML(fs.readFileSync(file, 'utf8'));
    for (const element of elementsOf({ flowElements: rootElement.rootElements || [] })) {
      const id = element.get('camunda:modelerTemplate');
      if (!id) continue;
      const version = element.get('camunda:modelerTemplateVersion');
      const where = element.id + ' (camunda:modelerTemplate="' + id + '", version ' + version + ')';
      const found = templates.get(id + '@' + version);
      if (!found) {
        const known = [...templates.values()].filter(t => t.template.id === id).map(t => t.template.version);
        error(file, where + (templates.invalid.has(id) ? ': its template is not valid (see above)'
          : ': no such template in ' + TEMPLATES_FOLDER + (known.length ? ' (versions there: ' + known.join(', ') + ')' : '')));
        continue;
      }
      const { template } = found;
      if (!template.appliesTo.some(type => element.$instanceOf(type))) {
        error(file, where + ': a ' + element.$type + ' cannot use it (it applies to ' + template.appliesTo.join(', ')
          + ')');
      }
      if (template.elementType && element.$type !== template.elementType.value) {
        error(file, where + ': the template makes it a ' + template.elementType.value + ', it is a '
          + element.$type);
      }
      for (const property of template.properties) {
        const bound = boundValue(element, property.binding);
        if (bound === undefined) continue; // a binding kind we do not read: the schema check is all
        const label = describe(property);
        if (property.type === 'Hidden' && property.value !== undefined && bound !== String(property.value)) {
          error(file, where + ': ' + label + ' is ' + JSON.stringify(bound) + ', the template sets '
            + JSON.stringify(String(property.value)));
        } else if (property.type === 'Dropdown' && !property.choices.some(c => c.value === bound)) {
          error(file, where + ': ' + label + ' is ' + JSON.stringify(bound) + ', the template offers '
            + property.choices.map(c => JSON.stringify(c.value)).join(', '));
        } else if (property.constraints && property.constraints.notEmpty && !bound) {
          error(file, where + ': ' + label + ' must not be empty');
        }
      }
    }
  }
}

function* elementsOf(parent) {
  for (const child of (parent.flowElements || []).concat(parent.artifacts || [])) {
    yield child;
    yield* elementsOf(child);
  }
}

function describe(property) {
  const binding = property.binding;
  return (property.label ? '"' + property.label + '" (' : '') + binding.type
    + (binding.name ? ' ' + binding.name : '') + (property.label ? ')' : '');
}

/** The value an element has for a binding ('' when unset), or undefined for bindings this lint does not read. */
function boundValue(element, binding) {
  const extensions = (element.extensionElements && element.extensionElements.values) || [];
  const text = value => (value === undefined || value === null ? '' : String(value));
  switch (binding.type) {
    case 'property':
      return text(element.get(binding.name));
    case 'camunda:inputParameter': {
      const parameters = extensions.filter(e => e.$instanceOf('camunda:InputOutput'))
        .flatMap(io => io.inputParameters || []);
      const parameter = parameters.find(p => p.name === binding.name);
      return parameter ? text(parameter.value) : '';
    }
    case 'camunda:field': {
      const field = extensions.filter(e => e.$instanceOf('camunda:Field')).find(f => f.name === binding.name);
      return field ? text(field.stringValue || field.string || field.expression) : '';
    }
    case 'camunda:property': {
      const properties = extensions.filter(e => e.$instanceOf('camunda:Properties')).flatMap(p => p.values || []);
      const property = properties.find(p => p.name === binding.name);
      return property ? text(property.value) : '';
    }
    default:
      return undefined;
  }
}

async function main() {
  lintBpmn();
  lintForms();
  lintDmn();
  await lintTemplatedElements(lintTemplates());

  const checked = bpmnFiles.length + dmnFiles.length + formFiles.length + templateFiles.length;
  if (errors.length) {
    errors.forEach(e => console.error('[lint] ERROR ' + e));
    console.error('[lint] FAILED: ' + errors.length + ' error(s) in ' + checked + ' model files of ' + project);
    process.exit(1);
  }
  console.log('[lint] OK: ' + checked + ' model files (bpmn/, dmn/, forms/, ' + TEMPLATES_FOLDER
    + '/) pass the checks');
}

main().catch(e => {
  console.error('[lint] FAILED: ' + (e.stack || e));
  process.exit(1);
});
