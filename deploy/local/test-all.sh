#!/usr/bin/env bash
# The test command: unit tests, then integration tests on real Kafka and MongoDB,
# then end-to-end tests through the gateway with every service running.
# Starts the infrastructure and the services when they are not running yet, and stops
# what it started at the end (run `npm run infra:up` first to keep Kafka and the store
# running between runs).
# Ends with one line "N passed, N failed" summed over every Jest run.
set -uo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT_DIR"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
export REGU_TEST_RESULTS_DIR="$ROOT_DIR/.local/test-results"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export MONGO_URL_FOR_TESTS="${MONGO_URL:-mongodb://127.0.0.1:27017}"

bash deploy/local/install.sh || exit 1
rm -rf "$REGU_TEST_RESULTS_DIR"

status=0
run_step() {
  echo "== $1"
  shift
  "$@" || status=1
}

run_step "module boundaries" node tools/module-boundaries/check.js
run_step "unit tests" npx nx run-many -t test --output-style=static --parallel=2

infra_was_running=false
if (exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/27017) 2>/dev/null; then
  infra_was_running=true
fi
bash deploy/local/infra.sh up || exit 1
export MONGO_URL="$MONGO_URL_FOR_TESTS"
run_step "build" npx nx run-many -t build --output-style=static
run_step "integration tests" npx nx run-many -t test-int --output-style=static --parallel=1

# The directory equality test sends over a thousand admin commands from one address
# within a few minutes, above the gateway's default of 600 per minute.
RATE_LIMIT_PER_MINUTE="${RATE_LIMIT_PER_MINUTE:-100000}" bash deploy/local/services.sh start || status=1
run_step "end-to-end tests" npx nx run-many -t test-e2e --output-style=static --parallel=1
bash deploy/local/services.sh stop
if [[ "$infra_was_running" == false ]]; then
  bash deploy/local/infra.sh down
fi

node -e '
  const fs = require("node:fs");
  const dir = process.env.REGU_TEST_RESULTS_DIR;
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of files) {
    const summary = JSON.parse(fs.readFileSync(`${dir}/${file}`, "utf8"));
    console.log(`  ${summary.project} (${summary.kind}): ${summary.passed} passed, ${summary.failed} failed`);
    for (const key of Object.keys(totals)) totals[key] += summary[key];
  }
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
'
exit $status
