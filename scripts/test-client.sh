#!/usr/bin/env bash
# Builds the web client in src/WebFront/ClientApp and runs its two test suites.
#   client-unit: Vitest with Testing Library in jsdom, against a fake hub connection.
#   client-e2e: Playwright driving Debian's Chromium against the real system. The suite starts scripts/run.sh on a
#   free loopback port and stops it with SIGTERM at the end.
# Prints one line "RESULT <suite> <passed> <failed>" per suite and exits non-zero when anything failed.
#
# Environment (all optional):
#   CHROMIUM_PATH       browser to drive (default /usr/bin/chromium; installed with apt-get when missing)
#   E2E_BASE_URL        run the browser tests against this running system instead of starting one
#   E2E_SKIP_BUILD=1    pass SKIP_BUILD=1 to scripts/run.sh (reuse the existing .NET Release build)
#   E2E_READY_TIMEOUT_S seconds to wait for scripts/run.sh to print READY (default 600)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
APP=$ROOT/src/WebFront/ClientApp
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
REPORT_DIR=$(mktemp -d -t client-tests.XXXXXX)
trap 'rm -rf "$REPORT_DIR"' EXIT

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cd "$APP"
log "installing the web client's packages from package-lock.json"
npm ci --no-audit --no-fund --loglevel=error

if [[ ! -x "$CHROMIUM_PATH" ]]; then
  log "installing Chromium from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null
  apt-get install -y -qq chromium </dev/null >/dev/null
fi

log "checking types, lint rules and formatting, then building into src/WebFront/wwwroot"
npm run --silent lint
npm run --silent format:check
npm run --silent build

FAILED=0

# Runs one Vitest suite and prints its RESULT line from Vitest's JSON report: run_suite NAME [VITEST ARGS...].
run_suite() {
  local name=$1 report=$REPORT_DIR/$1.json code=0 counts passed failed
  shift
  log "running $name"
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$report" </dev/null || code=$?
  if [[ -f "$report" ]]; then
    counts=$(node -e 'const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests);' "$report")
  else
    # No report means the suite could not start (for example, the system never became ready).
    counts="0 1"
  fi
  read -r passed failed <<<"$counts"
  if [[ $code -ne 0 && $failed -eq 0 ]]; then
    failed=1
  fi
  echo "RESULT $name $passed $failed"
  if [[ $failed -ne 0 ]]; then
    FAILED=1
  fi
}

run_suite client-unit
run_suite client-e2e --config vitest.e2e.config.ts

exit $FAILED
