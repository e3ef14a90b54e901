#!/usr/bin/env bash
# Runs the benchmarks of docs/benchmarks.md: builds the servers and the harness in Release, installs the npm
# packages the systems need, then runs the harness, which starts and stops every system itself on 127.0.0.1.
#
#   scripts/bench.sh            full run, about 25 minutes; rewrites docs/benchmarks.md and docs/latency-vs-rate.png
#   scripts/bench.sh --quick    about 3 minutes; writes artifacts/bench/benchmarks-quick.md and its plot
#
# Other options (--systems, --skip-soak, --doc, --plot) pass through to the harness; --help lists them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

projects=(
  src/Silo/Notifications.Silo.csproj
  src/WebFront/Notifications.WebFront.csproj
  bench/Notifications.Bench/Notifications.Bench.csproj
  bench/Notifications.Bench.SignalRBaseline/Notifications.Bench.SignalRBaseline.csproj
  bench/Notifications.Bench.EchoServer/Notifications.Bench.EchoServer.csproj
)
for project in "${projects[@]}"; do
  log "building $project (Release)"
  dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly
done

if [[ ! -f node_modules/azurite/dist/src/azurite.js ]]; then
  log "installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [[ ! -d bench/socketio/node_modules/socket.io ]]; then
  log "installing the Socket.IO baseline (npm ci in bench/socketio)"
  (cd bench/socketio && npm ci --no-audit --no-fund --loglevel=error)
fi

exec dotnet bench/Notifications.Bench/bin/Release/net10.0/Notifications.Bench.dll "$@"
