#!/usr/bin/env bash
# The bench command (`npm run bench`). It starts Kafka and the store if they are not
# running and builds every project. It starts the services on ports of their own, with
# pid files and logs under .local/bench, and runs every scenario. It writes
# bench/results/latest.json and docs/benchmarks.md, then stops what it started.
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT_DIR"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

log() { printf '[bench] %s\n' "$*"; }

bash deploy/local/install.sh
# Kafka and the store are the shared ones that `npm run infra:up` starts, or reuses when
# they already answer. What this run started, it stops at the end, as `npm test` does.
infra_was_running=false
if (exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/27017) 2>/dev/null; then
  infra_was_running=true
fi
bash deploy/local/infra.sh up
export BENCH_INFRA_DIR="${REGU_LOCAL_DIR:-$ROOT_DIR/.local}"
log "building every project"
mkdir -p "$BENCH_INFRA_DIR/logs"
if ! npx nx run-many -t build --output-style=static >"$BENCH_INFRA_DIR/logs/bench-build.log" 2>&1; then
  tail -30 "$BENCH_INFRA_DIR/logs/bench-build.log" >&2
  log "error: the build failed; the whole output is in $BENCH_INFRA_DIR/logs/bench-build.log" >&2
  exit 1
fi

# The services read these; the ports keep a bench run apart from a stack started by `npm start`.
export REGU_LOCAL_DIR="${BENCH_LOCAL_DIR:-$ROOT_DIR/.local/bench}"
export GATEWAY_PORT="${BENCH_GATEWAY_PORT:-3100}"
export IDENTITY_HTTP_PORT=3101 IDENTITY_TCP_PORT=4101
export DIVISIONS_HTTP_PORT=3102 DIVISIONS_TCP_PORT=4102
export WHATSAPP_HTTP_PORT=3103 WHATSAPP_TCP_PORT=4103
export WHATSAPP_SIMULATOR_PORT=3190
export WHATSAPP_API_BASE_URL="http://127.0.0.1:$WHATSAPP_SIMULATOR_PORT"
export WHATSAPP_SIMULATOR_WEBHOOK_URL="http://127.0.0.1:$WHATSAPP_HTTP_PORT/webhooks/whatsapp"
export IDENTITY_JWKS_URL="http://127.0.0.1:$IDENTITY_HTTP_PORT/.well-known/jwks.json"
export BENCH_READ_BASELINE_PORT=3180 BENCH_PIPELINE_PORT=3181
# Each service gets a database and consumer groups of its own, emptied at each run, so
# figures do not depend on what earlier runs or other test runs left behind.
export IDENTITY_DATABASE_NAME=regu_bench_identity IDENTITY_CONSUMER_GROUP_PREFIX=bench-identity
export DIVISIONS_DATABASE_NAME=regu_bench_divisions DIVISIONS_CONSUMER_GROUP_PREFIX=bench-divisions
export WHATSAPP_DATABASE_NAME=regu_bench_whatsapp WHATSAPP_CONSUMER_GROUP_PREFIX=bench-whatsapp
# Topics are shared with every other stack on the broker, so identity's read model also
# receives other stacks' users. An admin email of this run alone keeps login unambiguous.
export BOOTSTRAP_ADMIN_EMAIL="bench-admin-$(date +%s)@bench.regu.local"
# All load comes from one address, so the default limits (600 requests and 30 logins
# per minute) would reject most of it with 429.
export RATE_LIMIT_PER_MINUTE=10000000 LOGIN_RATE_LIMIT_PER_MINUTE=10000000
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export MONGO_URL="${MONGO_URL:-mongodb://127.0.0.1:27017}"

if [[ -n "$(ls "$REGU_LOCAL_DIR/run/"*.pid 2>/dev/null)" ]] && bash deploy/local/services.sh status | grep -q running; then
  log "error: a bench stack already runs with pid files in $REGU_LOCAL_DIR/run; stop it with REGU_LOCAL_DIR=$REGU_LOCAL_DIR bash deploy/local/services.sh stop" >&2
  exit 1
fi
node -e '
  const { MongoClient } = require("mongodb");
  MongoClient.connect(process.env.MONGO_URL).then(async (client) => {
    for (const name of ["IDENTITY_DATABASE_NAME", "DIVISIONS_DATABASE_NAME", "WHATSAPP_DATABASE_NAME"]) {
      await client.db(process.env[name]).dropDatabase();
    }
    await client.close();
  });
'
# The pids of the stack's node processes. A pid file may record the shell that
# launched a service; its node child outlives that shell, so it is stopped by pid too.
stack_pids() {
  local pid_file pid
  for pid_file in "$REGU_LOCAL_DIR"/run/*.pid; do
    [[ -f "$pid_file" ]] || continue
    pid="$(cat "$pid_file")"
    echo "$pid"
    cat "/proc/$pid/task/$pid/children" 2>/dev/null || true
  done
}

stop_stack() {
  local pids
  pids="$(stack_pids | tr '\n' ' ')"
  bash deploy/local/services.sh stop || true
  for pid in $pids; do
    kill "$pid" 2>/dev/null || true
  done
  if [[ "$infra_was_running" == false ]]; then
    REGU_LOCAL_DIR="$BENCH_INFRA_DIR" bash deploy/local/infra.sh down || true
  fi
}

trap stop_stack EXIT
bash deploy/local/services.sh start
node bench/dist/main.js
