#!/usr/bin/env bash
# Stops every service and the infrastructure that start.sh started.
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$ROOT_DIR/deploy/local/services.sh" stop
bash "$ROOT_DIR/deploy/local/infra.sh" down
