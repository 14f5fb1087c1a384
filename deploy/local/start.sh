#!/usr/bin/env bash
# The start command: installs what is missing, starts Kafka and the MongoDB-compatible
# server, builds every project and starts every service on 127.0.0.1.
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT_DIR"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

bash deploy/local/install.sh
bash deploy/local/infra.sh up
npx nx run-many -t build --output-style=static
bash deploy/local/services.sh start

GATEWAY="http://127.0.0.1:${GATEWAY_PORT:-3000}"
cat <<INFO

Regu is running.
  API:               $GATEWAY/api/v1
  API documentation: $GATEWAY/api/docs
  Admin login:       ${BOOTSTRAP_ADMIN_EMAIL:-admin@regu.local} / ${BOOTSTRAP_ADMIN_PASSWORD:-Regu-admin-2026!}
  Logs:              ${REGU_LOCAL_DIR:-$ROOT_DIR/.local}/logs
Stop with: npm stop
INFO
