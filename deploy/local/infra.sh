#!/usr/bin/env bash
# Starts, stops and reports the local infrastructure without Docker:
#   - Apache Kafka in KRaft mode (one broker + controller) from Maven Central jars;
#   - a MongoDB-compatible server: MONGO_URL if set, else a `mongod` on PATH,
#     else FerretDB 1.x with its SQLite backend, built from deploy/local/ferretdb.
# Everything listens on 127.0.0.1; data, logs and pid files live under $REGU_LOCAL_DIR.
#
# Usage: deploy/local/infra.sh up|down|status
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEPLOY_DIR="$ROOT_DIR/deploy/local"
LOCAL_DIR="${REGU_LOCAL_DIR:-$ROOT_DIR/.local}"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
MONGO_PORT="${MONGO_PORT:-27017}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"

# Downloads and builds are shared by every REGU_LOCAL_DIR, so a second broker
# (the integration tests start one to stop it) does not fetch them again.
KAFKA_LIBS="$ROOT_DIR/.local/kafka/libs"
FERRETDB_BIN="$ROOT_DIR/.local/bin/ferretdb-launcher"
KAFKA_HOME="$LOCAL_DIR/kafka"
KAFKA_DATA="$KAFKA_HOME/data"
KAFKA_LOGS="$KAFKA_HOME/logs"
KAFKA_PID="$LOCAL_DIR/run/kafka.pid"
MONGO_HOME="$LOCAL_DIR/mongo"
MONGO_PID="$LOCAL_DIR/run/mongo.pid"

log() { printf '[infra] %s\n' "$*"; }
fail() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pid_alive() {
  [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

# Waits until a command succeeds, or fails after the given number of seconds.
wait_for() {
  local what="$1" seconds="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 0.5
  done
  log "$what is ready"
}

ensure_kafka_jars() {
  if [[ -f "$KAFKA_LIBS/.complete" ]]; then
    return
  fi
  command -v mvn >/dev/null || fail "Maven (mvn) is required to fetch the Kafka jars"
  log "resolving Apache Kafka jars from Maven Central into $KAFKA_LIBS (first run only)"
  mkdir -p "$KAFKA_LIBS"
  # Batch mode still prints one "Downloading from central" line per artifact as progress.
  mvn -B -f "$DEPLOY_DIR/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_LIBS" -DincludeScope=runtime
  touch "$KAFKA_LIBS/.complete"
}

kafka_java() {
  java $KAFKA_HEAP_OPTS -cp "$KAFKA_LIBS/*" \
    -Dkafka.logs.dir="$KAFKA_LOGS" \
    -Dlog4j2.configurationFile="$DEPLOY_DIR/kafka/log4j2.yaml" \
    "$@"
}

kafka_up() {
  if port_answers "$KAFKA_PORT"; then
    log "Kafka already answers on 127.0.0.1:$KAFKA_PORT; reusing it"
    return
  fi
  command -v java >/dev/null || fail "Java 17 or newer is required to run Kafka"
  ensure_kafka_jars
  mkdir -p "$KAFKA_DATA" "$KAFKA_LOGS" "$LOCAL_DIR/run"

  local config="$KAFKA_HOME/server.properties"
  sed -e "s#@LOG_DIRS@#$KAFKA_DATA#" \
    -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" \
    -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    "$DEPLOY_DIR/kafka/server.properties.template" >"$config"

  # KRaft refuses to start on unformatted storage; format once, keep the data after.
  if [[ ! -f "$KAFKA_DATA/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid | tail -n 1)"
    log "formatting Kafka storage in $KAFKA_DATA (cluster $cluster_id)"
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$config" >>"$KAFKA_LOGS/format.log" 2>&1 ||
      fail "formatting Kafka storage failed; see $KAFKA_LOGS/format.log"
  fi

  log "starting Kafka on 127.0.0.1:$KAFKA_PORT (logs: $KAFKA_LOGS)"
  setsid nohup java $KAFKA_HEAP_OPTS -cp "$KAFKA_LIBS/*" \
    -Dkafka.logs.dir="$KAFKA_LOGS" \
    -Dlog4j2.configurationFile="$DEPLOY_DIR/kafka/log4j2.yaml" \
    kafka.Kafka "$config" >"$KAFKA_LOGS/stdout.log" 2>&1 &
  echo $! >"$KAFKA_PID"

  wait_for "Kafka" 90 kafka_started ||
    fail "Kafka did not start within 90 s; see $KAFKA_LOGS/server.log and $KAFKA_LOGS/stdout.log"
}

kafka_started() {
  pid_alive "$KAFKA_PID" || fail "Kafka exited during start-up; see $KAFKA_LOGS/server.log and $KAFKA_LOGS/stdout.log"
  port_answers "$KAFKA_PORT" && grep -q "Kafka Server started" "$KAFKA_LOGS/server.log" 2>/dev/null
}

ensure_ferretdb() {
  if [[ -x "$FERRETDB_BIN" && "$FERRETDB_BIN" -nt "$DEPLOY_DIR/ferretdb/go.sum" ]]; then
    return
  fi
  command -v go >/dev/null || fail "Go is required to build FerretDB (or set MONGO_URL, or put mongod on PATH)"
  log "building FerretDB launcher into $FERRETDB_BIN (first run only, takes a few minutes)"
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  # -v prints each package as it compiles, which is the progress on a first build.
  (cd "$DEPLOY_DIR/ferretdb" && go build -v -o "$FERRETDB_BIN" .)
  [[ -x "$FERRETDB_BIN" ]] || fail "building the FerretDB launcher failed; run 'go build' in $DEPLOY_DIR/ferretdb to see why"
}

mongo_up() {
  if [[ -n "${MONGO_URL:-}" ]]; then
    log "using the MongoDB server at MONGO_URL; nothing to start"
    return
  fi
  if port_answers "$MONGO_PORT"; then
    log "a MongoDB-compatible server already answers on 127.0.0.1:$MONGO_PORT; reusing it"
    return
  fi
  mkdir -p "$MONGO_HOME/data" "$MONGO_HOME/logs" "$LOCAL_DIR/run"

  if command -v mongod >/dev/null; then
    log "starting mongod on 127.0.0.1:$MONGO_PORT (data: $MONGO_HOME/data)"
    echo "mongod" >"$MONGO_HOME/kind"
    setsid nohup mongod --bind_ip 127.0.0.1 --port "$MONGO_PORT" --dbpath "$MONGO_HOME/data" \
      >"$MONGO_HOME/logs/mongod.log" 2>&1 &
  else
    ensure_ferretdb
    log "starting FerretDB (SQLite backend) on 127.0.0.1:$MONGO_PORT (data: $MONGO_HOME/data)"
    echo "ferretdb" >"$MONGO_HOME/kind"
    setsid nohup "$FERRETDB_BIN" -listen-addr "127.0.0.1:$MONGO_PORT" -data-dir "$MONGO_HOME/data" \
      >"$MONGO_HOME/logs/ferretdb.log" 2>&1 &
  fi
  echo $! >"$MONGO_PID"

  wait_for "MongoDB-compatible server" 60 mongo_started ||
    fail "the MongoDB-compatible server did not start within 60 s; see $MONGO_HOME/logs"
}

mongo_started() {
  pid_alive "$MONGO_PID" || fail "the MongoDB-compatible server exited during start-up; see $MONGO_HOME/logs"
  port_answers "$MONGO_PORT"
}

stop_pid_file() {
  local name="$1" pid_file="$2"
  if ! pid_alive "$pid_file"; then
    rm -f "$pid_file"
    log "$name: not started by this script; nothing to stop"
    return
  fi
  local pid
  pid="$(cat "$pid_file")"
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name (pid $pid) did not stop within 30 s; killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
  log "$name stopped"
}

print_status() {
  local kafka_state="down" mongo_state="down" mongo_kind="none"
  port_answers "$KAFKA_PORT" && kafka_state="up"
  pid_alive "$KAFKA_PID" && kafka_state="$kafka_state (started here, pid $(cat "$KAFKA_PID"))"
  if [[ -n "${MONGO_URL:-}" ]]; then
    mongo_state="external (MONGO_URL)"
  else
    port_answers "$MONGO_PORT" && mongo_state="up"
    pid_alive "$MONGO_PID" && mongo_state="$mongo_state (started here, pid $(cat "$MONGO_PID"))"
    [[ -f "$MONGO_HOME/kind" ]] && mongo_kind="$(cat "$MONGO_HOME/kind")"
  fi
  log "Kafka:   $kafka_state  KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT"
  log "MongoDB: $mongo_state  server=$mongo_kind  MONGO_URL=${MONGO_URL:-mongodb://127.0.0.1:$MONGO_PORT}"
  log "data and logs: $LOCAL_DIR"
}

case "${1:-}" in
  up)
    mongo_up
    kafka_up
    print_status
    ;;
  down)
    stop_pid_file "Kafka" "$KAFKA_PID"
    stop_pid_file "MongoDB-compatible server" "$MONGO_PID"
    ;;
  status)
    print_status
    ;;
  *)
    echo "usage: $0 up|down|status" >&2
    exit 2
    ;;
esac
