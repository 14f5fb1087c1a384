#!/usr/bin/env bash
# Starts, stops and reports the local infrastructure without Docker:
#   - Apache Kafka in KRaft mode (one broker + controller) from Maven Central jars;
#   - a MongoDB-compatible server: MONGO_URL if set, else a `mongod` on PATH,
#     else FerretDB 1.x, built from deploy/local/ferretdb, on a PostgreSQL of its own
#     (REGU_FERRETDB_BACKEND=postgresql, the default) or on SQLite (=sqlite).
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
FERRETDB_BACKEND="${REGU_FERRETDB_BACKEND:-postgresql}"
POSTGRES_PORT="${POSTGRES_PORT:-5433}"
POSTGRES_HOME="$LOCAL_DIR/postgres"
POSTGRES_PID="$LOCAL_DIR/run/postgres.pid"

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
  if [[ -x "$FERRETDB_BIN" && "$FERRETDB_BIN" -nt "$DEPLOY_DIR/ferretdb/go.sum" && "$FERRETDB_BIN" -nt "$DEPLOY_DIR/ferretdb/main.go" ]]; then
    return
  fi
  command -v go >/dev/null || fail "Go is required to build FerretDB (or set MONGO_URL, or put mongod on PATH)"
  log "building FerretDB launcher into $FERRETDB_BIN (first run only, takes a few minutes)"
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  # -v prints each package as it compiles, which is the progress on a first build.
  (cd "$DEPLOY_DIR/ferretdb" && go build -v -o "$FERRETDB_BIN" .)
  [[ -x "$FERRETDB_BIN" ]] || fail "building the FerretDB launcher failed; run 'go build' in $DEPLOY_DIR/ferretdb to see why"
}

# Runs a PostgreSQL command as the postgres user when this script runs as root,
# because PostgreSQL refuses to run as root.
as_postgres_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

postgres_bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$dir" && -x "$dir/postgres" ]] && echo "$dir"
}

ensure_postgres_installed() {
  if [[ -n "$(postgres_bin_dir)" ]]; then
    return
  fi
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    log "installing PostgreSQL from Debian's packages (first run only)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  [[ -n "$(postgres_bin_dir)" ]] ||
    fail "PostgreSQL is not installed; install it (Debian: apt-get install postgresql), or set REGU_FERRETDB_BACKEND=sqlite"
}

postgres_up() {
  ensure_postgres_installed
  local bin data="$POSTGRES_HOME/data"
  bin="$(postgres_bin_dir)"
  mkdir -p "$POSTGRES_HOME/run" "$POSTGRES_HOME/logs" "$LOCAL_DIR/run"
  [[ "$(id -u)" == 0 ]] && chown -R postgres:postgres "$POSTGRES_HOME"

  if as_postgres_owner "$bin/pg_isready" -q -h 127.0.0.1 -p "$POSTGRES_PORT"; then
    log "PostgreSQL already answers on 127.0.0.1:$POSTGRES_PORT; reusing it"
    return
  fi
  if [[ ! -f "$data/PG_VERSION" ]]; then
    log "creating a PostgreSQL cluster in $data for FerretDB"
    as_postgres_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$POSTGRES_HOME/logs/initdb.log" 2>&1 ||
      fail "initdb failed; see $POSTGRES_HOME/logs/initdb.log (the postgres user must be able to write $data)"
  fi

  log "starting PostgreSQL on 127.0.0.1:$POSTGRES_PORT (data: $data)"
  # synchronous_commit=off loses at most the last few commits on a crash and never
  # corrupts data; a development store trades that for speed.
  local run_as=()
  [[ "$(id -u)" == 0 ]] && run_as=(runuser -u postgres --)
  setsid nohup "${run_as[@]}" "$bin/postgres" -D "$data" -c listen_addresses=127.0.0.1 -c port="$POSTGRES_PORT" \
    -c unix_socket_directories="$POSTGRES_HOME/run" -c synchronous_commit=off \
    >"$POSTGRES_HOME/logs/postgres.log" 2>&1 &
  echo $! >"$POSTGRES_PID"
  wait_for "PostgreSQL" 60 as_postgres_owner "$bin/pg_isready" -q -h 127.0.0.1 -p "$POSTGRES_PORT" ||
    fail "PostgreSQL did not start within 60 s; see $POSTGRES_HOME/logs/postgres.log"

  if ! as_postgres_owner "$bin/psql" -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'ferretdb'" | grep -q 1; then
    as_postgres_owner "$bin/createdb" -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres ferretdb
  fi
}

postgres_down() {
  local bin
  bin="$(postgres_bin_dir)"
  if [[ -n "$bin" && -f "$POSTGRES_HOME/data/postmaster.pid" ]] && pid_alive "$POSTGRES_PID"; then
    as_postgres_owner "$bin/pg_ctl" -D "$POSTGRES_HOME/data" stop -m fast >/dev/null
    rm -f "$POSTGRES_PID"
    log "PostgreSQL stopped"
  else
    stop_pid_file "PostgreSQL" "$POSTGRES_PID"
  fi
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
  elif [[ "$FERRETDB_BACKEND" == postgresql ]]; then
    ensure_ferretdb
    postgres_up
    log "starting FerretDB (PostgreSQL backend) on 127.0.0.1:$MONGO_PORT"
    echo "ferretdb-postgresql" >"$MONGO_HOME/kind"
    setsid nohup "$FERRETDB_BIN" -listen-addr "127.0.0.1:$MONGO_PORT" -handler postgresql \
      -postgresql-url "postgres://postgres@127.0.0.1:$POSTGRES_PORT/ferretdb" \
      >"$MONGO_HOME/logs/ferretdb.log" 2>&1 &
  else
    ensure_ferretdb
    log "starting FerretDB (SQLite backend) on 127.0.0.1:$MONGO_PORT (data: $MONGO_HOME/data)"
    echo "ferretdb-sqlite" >"$MONGO_HOME/kind"
    setsid nohup "$FERRETDB_BIN" -listen-addr "127.0.0.1:$MONGO_PORT" -handler sqlite -data-dir "$MONGO_HOME/data" \
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
  if [[ "$mongo_kind" == ferretdb-postgresql ]]; then
    local postgres_state="down"
    port_answers "$POSTGRES_PORT" && postgres_state="up"
    pid_alive "$POSTGRES_PID" && postgres_state="$postgres_state (started here)"
    log "PostgreSQL (FerretDB's storage): $postgres_state on 127.0.0.1:$POSTGRES_PORT"
  fi
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
    postgres_down
    ;;
  status)
    print_status
    ;;
  *)
    echo "usage: $0 up|down|status" >&2
    exit 2
    ;;
esac
