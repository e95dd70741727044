#!/usr/bin/env bash
# npm test: provisions what the tests need (idempotent, cached in .infra/), type-checks, checks module
# boundaries, and runs the unit and integration tests against a real Kafka broker and a real Mongo-wire
# store. Extra arguments go to Jest, e.g. `npm test -- apps/ingest`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash infra/provision.sh all
echo "[test] type-checking (tsc --noEmit, strict)"
npx tsc -p tsconfig.json --noEmit
echo "[test] checking module boundaries (dependency-cruiser, rules in .dependency-cruiser.cjs)"
npx depcruise apps libs e2e infra bench --config .dependency-cruiser.cjs

results=.infra/jest-results.json
rm -f "$results"
status=0
npx jest --ci --json --outputFile="$results" "$@" || status=$?

# One plain summary line, whatever Jest printed above it.
if [ -f "$results" ]; then
  node -e '
    const r = require(process.argv[1]);
    console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
  ' "$(pwd)/$results"
fi
exit "$status"
