#!/usr/bin/env node
// Lints BPMN files the way the Camunda Desktop Modeler does with the built plugin installed:
//   node lint/modeler-plugin/modeler-lint.js <pluginDir> <file.bpmn>...
// The plugin's script runs in a browser window (jsdom) as the Modeler loads it from resources/plugins, and its
// registered lint rules go to @camunda/linting's Linter, the Modeler's own linter, as the Modeler hands them to it
// for a Camunda 7 diagram (type "platform"). Prints each problem as "<file>: <id> <category> <message> (<rule>)";
// exit code 1 on any error. The build's lint runs bpmnlint on the same rules: ModelLintTest compares the two.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const { JSDOM } = require('jsdom');

/** The lintRules.bpmn plugins that the plugin folder's script registers in a Modeler window. */
function registeredLintRules(pluginDir) {
  const descriptor = require(path.resolve(pluginDir, 'index.js'));
  const script = fs.readFileSync(path.resolve(pluginDir, descriptor.script), 'utf8');
  const { window } = new JSDOM('<!DOCTYPE html><body></body>', { runScripts: 'outside-only' });
  window.eval(script);
  const plugins = (window.plugins || []).filter(p => p.type === 'lintRules.bpmn').map(p => p.plugin);
  if (!plugins.length) {
    throw new Error(descriptor.name + ' registers no lintRules.bpmn plugin');
  }
  return { name: descriptor.name, plugins };
}

/** @camunda/linting is published as ES modules with JSON imports: bundled for node here, as the Modeler bundles it. */
function loadModelerLinter() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modeler-linter-'));
  const compiler = webpack({
    mode: 'development',
    target: 'node',
    context: path.resolve(__dirname, '..', '..'),
    entry: require.resolve('@camunda/linting'),
    output: { path: dir, filename: 'linter.js', library: { type: 'commonjs2' } },
    plugins: [ new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }) ],
    devtool: false,
    cache: false
  });
  return new Promise((resolve, reject) => compiler.run((err, stats) => {
    compiler.close(() => {});
    if (err || stats.hasErrors()) {
      reject(err || new Error(stats.toString('errors-only')));
      return;
    }
    try {
      resolve(require(path.join(dir, 'linter.js')).Linter);
    } catch (e) {
      reject(e);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }));
}

async function main() {
  const [ pluginDir, ...files ] = process.argv.slice(2);
  if (!pluginDir || !files.length) {
    console.error('usage: node lint/modeler-plugin/modeler-lint.js <pluginDir> <file.bpmn>...');
    process.exit(2);
  }
  const { name, plugins } = registeredLintRules(pluginDir);
  const Linter = await loadModelerLinter();
  const linter = new Linter({ modeler: 'desktop', type: 'platform', plugins });
  let errors = 0;
  for (const file of files) {
    const reports = await linter.lint(fs.readFileSync(file, 'utf8'));
    for (const report of reports) {
      if (report.category === 'error') errors++;
      console.log(file + ': ' + report.id + ' ' + report.category + ' ' + report.message + ' (' + report.rule + ')');
    }
  }
  console.log('[modeler-plugin] ' + name + ': ' + errors + ' error(s) in ' + files.length + ' file(s)');
  process.exit(errors ? 1 : 0);
}

main().catch(e => {
  console.error('[modeler-plugin] FAILED: ' + (e.stack || e));
  process.exit(1);
});
