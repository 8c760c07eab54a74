#!/bin/sh
# Lints the models (bpmn/, dmn/, forms/) with node: run by Maven (mvn verify) and usable by hand:
#   lint/lint.sh [projectDir]
# Without node on the machine the lint is skipped with a clear line, so `mvn -B verify` still works there;
# CI has node and fails on a lint error. Skip on purpose with -Dlint.skip=true.
set -e
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null 2>&1; then
  echo "[lint] SKIPPED: node is not installed, bpmn/, dmn/ and forms/ were NOT linted (install Node.js 20 to lint)"
  exit 0
fi
if [ ! -d node_modules/bpmnlint ] || [ ! -d node_modules/bpmnlint-plugin-camunda-compat ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[lint] installing the linters (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node lint/lint.js "$@"
