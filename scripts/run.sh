#!/usr/bin/env bash
# Sets up and starts the whole system on this machine: Azurite, one or more silos and the WebFront in the
# Development environment. Stops everything on Ctrl+C or SIGTERM.
#
# Environment (all optional):
#   WEBFRONT_PORT   port of the WebFront on 127.0.0.1 (default 5080)
#   SILO_COUNT      number of silos to start (default 1)
#   RUN_DIR         folder for Azurite data and process logs (default: a new temporary folder, removed at exit)
#   SKIP_BUILD=1    reuse the existing Release build
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT=$(repo_root)
WEBFRONT_PORT=${WEBFRONT_PORT:-5080}
SILO_COUNT=${SILO_COUNT:-1}
if [[ -z "${RUN_DIR:-}" ]]; then
  RUN_DIR=$(mktemp -d -t notifications-run.XXXXXX)
  REMOVE_RUN_DIR=1
else
  mkdir -p "$RUN_DIR"
  REMOVE_RUN_DIR=0
fi
if ! [[ "$SILO_COUNT" =~ ^[1-9]$ ]]; then
  log "SILO_COUNT must be a number from 1 to 9, not '$SILO_COUNT'"
  exit 2
fi

PIDS=()
stop_all() {
  local pid i
  trap - INT TERM EXIT
  # Stop in reverse start order, each process before the next: frontend, silos, then Azurite, which the others
  # need while they shut down (the silos leave the membership table on their way out).
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[i]}
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ $REMOVE_RUN_DIR == 1 ]]; then rm -rf "$RUN_DIR"; fi
  log "stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ensure_azurite "$ROOT"
  build_client "$ROOT"
  log "building the silo and the WebFront (Release)"
  dotnet build "$ROOT/src/Silo/Notifications.Silo.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
  dotnet build "$ROOT/src/WebFront/Notifications.WebFront.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
fi

# Azurite, with its data in the run folder.
BLOB_PORT=$(free_port); QUEUE_PORT=$(free_port); TABLE_PORT=$(free_port)
mkdir -p "$RUN_DIR/azurite"
node "$ROOT/node_modules/azurite/dist/src/azurite.js" --silent --disableTelemetry --skipApiVersionCheck \
  --location "$RUN_DIR/azurite" --blobPort "$BLOB_PORT" --queuePort "$QUEUE_PORT" --tablePort "$TABLE_PORT" \
  >"$RUN_DIR/azurite.log" 2>&1 &
PIDS+=($!)
wait_for_port "$TABLE_PORT" 30 Azurite "${PIDS[-1]}"
log "Azurite: tables on 127.0.0.1:$TABLE_PORT, data in $RUN_DIR/azurite"

export Storage__ConnectionString
Storage__ConnectionString=$(azurite_connection_string "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT")
export Orleans__ClusterId="run-$$"
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development

for ((n = 1; n <= SILO_COUNT; n++)); do
  SILO_PORT=$(free_port); GATEWAY_PORT=$(free_port)
  Silo__SiloPort=$SILO_PORT Silo__GatewayPort=$GATEWAY_PORT \
    dotnet "$ROOT/src/Silo/bin/Release/net10.0/Notifications.Silo.dll" >"$RUN_DIR/silo$n.log" 2>&1 &
  PIDS+=($!)
  wait_for_port "$GATEWAY_PORT" 60 "silo $n" "${PIDS[-1]}" || { tail -20 "$RUN_DIR/silo$n.log" >&2; exit 1; }
  log "silo $n: silo port $SILO_PORT, gateway port $GATEWAY_PORT, log $RUN_DIR/silo$n.log"
done

(cd "$ROOT/src/WebFront" && exec env ASPNETCORE_URLS="http://127.0.0.1:$WEBFRONT_PORT" \
  dotnet "$ROOT/src/WebFront/bin/Release/net10.0/Notifications.WebFront.dll") >"$RUN_DIR/webfront.log" 2>&1 &
PIDS+=($!)
wait_for_http "http://127.0.0.1:$WEBFRONT_PORT/health/ready" 60 WebFront "${PIDS[-1]}" \
  || { tail -20 "$RUN_DIR/webfront.log" >&2; exit 1; }
log "WebFront: http://127.0.0.1:$WEBFRONT_PORT (demo page /?user=alice, OpenAPI /openapi/v1.json), log $RUN_DIR/webfront.log"
log "press Ctrl+C to stop"
echo "READY http://127.0.0.1:$WEBFRONT_PORT"

# Stay up until a signal arrives or a process dies.
while true; do
  for pid in "${PIDS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "process $pid exited; stopping everything (logs in $RUN_DIR)"
      REMOVE_RUN_DIR=0
      exit 1
    fi
  done
  sleep 1 &
  wait $! || true
done
