#!/bin/sh
# Lints the models with node and builds the Camunda Modeler plugin with the same BPMN rules; run by Maven (mvn verify)
# and usable by hand:
#   lint/lint.sh [projectDir]               lint bpmn/, dmn/, forms/ and .camunda/element-templates/ (lint/lint.js)
#   lint/lint.sh --modeler-plugin outDir    build outDir/career-conversations-lint/ (lint/modeler-plugin/build.js)
# Without node on the machine both are skipped with a clear line, so `mvn -B verify` still works there; CI has node
# and fails on a lint error. Skip on purpose with -Dlint.skip=true (or -DskipTests).
set -e
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null 2>&1; then
  if [ "$1" = --modeler-plugin ]; then
    echo "[lint] SKIPPED: node is not installed, the Camunda Modeler plugin was NOT built (install Node.js 20 to build it)"
  else
    echo "[lint] SKIPPED: node is not installed, bpmn/, dmn/, forms/ and the element templates were NOT linted (install Node.js 20 to lint)"
  fi
  exit 0
fi
# Install scripts stay off: no package here needs one, and two that form-js pulls in (@carbon/grid, @carbon/layout)
# would start IBM's telemetry, which reports usage over the network from a process that outlives the build.
export IBM_TELEMETRY_DISABLED=true
install=false
for module in bpmnlint bpmnlint-plugin-camunda-compat bpmn-moddle camunda-bpmn-moddle ajv \
              @camunda/element-templates-json-schema @bpmn-io/form-js-viewer jsdom \
              webpack bpmnlint-loader camunda-modeler-plugin-helpers @camunda/linting; do
  [ -d "node_modules/$module" ] || install=true
done
if [ "$install" = true ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[lint] installing the linters (npm ci --ignore-scripts)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
if [ "$1" = --modeler-plugin ]; then
  exec node lint/modeler-plugin/build.js "$2"
fi
exec node lint/lint.js "$@"
