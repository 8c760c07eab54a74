#!/usr/bin/env node
// Builds the Camunda Desktop Modeler plugin that checks diagrams with the project's lint rules as they are drawn:
//   node lint/modeler-plugin/build.js <outDir>
// writes <outDir>/career-conversations-lint/ (index.js and client/client.bundle.js), the folder a designer copies
// into the Modeler's resources/plugins. Run by lint/lint.sh --modeler-plugin, which installs the packages first.
'use strict';

const fs = require('fs');
const path = require('path');
const webpack = require('webpack');

const NAME = 'career-conversations-lint';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node lint/modeler-plugin/build.js <outDir>');
  process.exit(2);
}
const pluginDir = path.resolve(outDir, NAME);
const repo = path.resolve(__dirname, '..', '..');

const compiler = webpack({
  mode: 'production',
  context: repo,
  entry: path.join(__dirname, 'client.js'),
  output: {
    path: path.join(pluginDir, 'client'),
    filename: 'client.bundle.js'
  },
  module: {
    rules: [ { test: /\.bpmnlintrc$/, use: 'bpmnlint-loader' } ]
  },
  // the Modeler loads the script into its window as it is: one file, nothing fetched later
  target: 'web',
  devtool: false,
  performance: { hints: false },
  // a build that ends: no cache kept on disk, no watcher
  cache: false
});

fs.rmSync(pluginDir, { recursive: true, force: true });
compiler.run((err, stats) => {
  compiler.close(() => {});
  if (err || stats.hasErrors()) {
    console.error('[modeler-plugin] FAILED: ' + (err ? err.stack || err : stats.toString('errors-only')));
    process.exit(1);
  }
  fs.copyFileSync(path.join(__dirname, 'index.js'), path.join(pluginDir, 'index.js'));
  console.log('[modeler-plugin] built ' + path.relative(process.cwd(), pluginDir)
    + '/: copy this folder into the Camunda Modeler\'s resources/plugins and restart the Modeler');
});
