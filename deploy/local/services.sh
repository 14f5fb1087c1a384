#!/usr/bin/env bash
# Starts and stops Regu's services as background processes on 127.0.0.1, with logs
# and pid files under $REGU_LOCAL_DIR. Used by start.sh and by the test command.
#
# Usage: deploy/local/services.sh start|stop|status
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_DIR="${REGU_LOCAL_DIR:-$ROOT_DIR/.local}"
RUN_DIR="$LOCAL_DIR/run"
LOG_DIR="$LOCAL_DIR/logs"

# A second stack beside the default one (a benchmark, a teammate's tests) sets
# REGU_PORT_OFFSET to move every port and REGU_STACK to give its services their own
# databases and consumer groups. Two stacks whose offsets differ by exactly 1000
# collide: the TCP ports of one (4001-4003 + offset) are the HTTP ports of the other
# (3001-3003 + offset + 1000). Multiples of 2000 never overlap.
# Kafka and the MongoDB-compatible server are shared.
OFFSET="${REGU_PORT_OFFSET:-0}"
export GATEWAY_PORT="${GATEWAY_PORT:-$((3000 + OFFSET))}"
export IDENTITY_HTTP_PORT="${IDENTITY_HTTP_PORT:-$((3001 + OFFSET))}"
export DIVISIONS_HTTP_PORT="${DIVISIONS_HTTP_PORT:-$((3002 + OFFSET))}"
export WHATSAPP_HTTP_PORT="${WHATSAPP_HTTP_PORT:-$((3003 + OFFSET))}"
export IDENTITY_TCP_PORT="${IDENTITY_TCP_PORT:-$((4001 + OFFSET))}"
export DIVISIONS_TCP_PORT="${DIVISIONS_TCP_PORT:-$((4002 + OFFSET))}"
export WHATSAPP_TCP_PORT="${WHATSAPP_TCP_PORT:-$((4003 + OFFSET))}"
export WHATSAPP_SIMULATOR_PORT="${WHATSAPP_SIMULATOR_PORT:-$((3900 + OFFSET))}"
export IDENTITY_JWKS_URL="${IDENTITY_JWKS_URL:-http://127.0.0.1:$IDENTITY_HTTP_PORT/.well-known/jwks.json}"
export WHATSAPP_API_BASE_URL="${WHATSAPP_API_BASE_URL:-http://127.0.0.1:$WHATSAPP_SIMULATOR_PORT}"
export WHATSAPP_SIMULATOR_WEBHOOK_URL="${WHATSAPP_SIMULATOR_WEBHOOK_URL:-http://127.0.0.1:$WHATSAPP_HTTP_PORT/webhooks/whatsapp}"
if [[ -n "${REGU_STACK:-}" ]]; then
  for service in IDENTITY DIVISIONS WHATSAPP; do
    lower="$(tr '[:upper:]' '[:lower:]' <<<"$service")"
    export "${service}_DATABASE_NAME=regu_${lower}_${REGU_STACK}"
    export "${service}_CONSUMER_GROUP_PREFIX=${lower}-${REGU_STACK}"
  done
fi

# name:directory:health URL, in start order: the gateway reads identity's keys.
SERVICES=(
  "whatsapp-simulator:tools/whatsapp-simulator:http://127.0.0.1:$WHATSAPP_SIMULATOR_PORT/health"
  "identity:services/identity:http://127.0.0.1:$IDENTITY_HTTP_PORT/health"
  "divisions:services/divisions:http://127.0.0.1:$DIVISIONS_HTTP_PORT/health"
  "whatsapp:services/whatsapp:http://127.0.0.1:$WHATSAPP_HTTP_PORT/health"
  "gateway:services/gateway:http://127.0.0.1:$GATEWAY_PORT/health"
)

log() { printf '[services] %s\n' "$*"; }
fail() { printf '[services] error: %s\n' "$*" >&2; exit 1; }

pid_alive() {
  [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

wait_healthy() {
  local name="$1" url="$2" pid_file="$3" deadline=$((SECONDS + 90))
  until curl -fs -o /dev/null --max-time 5 "$url"; do
    pid_alive "$pid_file" || fail "$name exited during start-up; see $LOG_DIR/$name.log"
    ((SECONDS < deadline)) || fail "$name did not answer $url within 90 s; see $LOG_DIR/$name.log"
    sleep 1
  done
  log "$name is healthy ($url)"
}

start_all() {
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name directory url_scheme url_rest <<<"$entry"
    local url="$url_scheme:$url_rest" pid_file="$RUN_DIR/$name.pid"
    if [[ ! -f "$ROOT_DIR/$directory/package.json" ]]; then
      continue
    fi
    if pid_alive "$pid_file"; then
      log "$name already runs (pid $(cat "$pid_file")); reusing it"
      continue
    fi
    # setsid detaches the service from this shell's process group, so callers that wait for
    # the group (CI runners, job wrappers) do not wait for the service.
    # The braces keep `&` on setsid alone, so $! is the process that becomes node. Without
    # them the whole `cd && ...` list runs in a forked bash, the pid file names that bash,
    # and `stop` kills it while node keeps running.
    (cd "$ROOT_DIR/$directory" && { setsid nohup node dist/main.js >>"$LOG_DIR/$name.log" 2>&1 & echo $! >"$pid_file"; })
    wait_healthy "$name" "$url" "$pid_file"
  done
}

stop_all() {
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    local name="${SERVICES[$i]%%:*}" pid_file="$RUN_DIR/${SERVICES[$i]%%:*}.pid"
    if pid_alive "$pid_file"; then
      kill "$(cat "$pid_file")"
      for _ in $(seq 1 40); do
        pid_alive "$pid_file" || break
        sleep 0.25
      done
      pid_alive "$pid_file" && kill -9 "$(cat "$pid_file")" 2>/dev/null
      log "$name stopped"
    fi
    rm -f "$pid_file"
  done
}

status_all() {
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name _ url_scheme url_rest <<<"$entry"
    local state="down"
    pid_alive "$RUN_DIR/$name.pid" && state="running (pid $(cat "$RUN_DIR/$name.pid"))"
    curl -fs -o /dev/null --max-time 3 "$url_scheme:$url_rest" && state="$state, healthy"
    log "$name: $state"
  done
}

case "${1:-}" in
  start) start_all ;;
  stop) stop_all ;;
  status) status_all ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
