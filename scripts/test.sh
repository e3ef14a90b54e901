#!/usr/bin/env bash
# Sets up and runs every test: the .NET suites (grain logic, persistence on a real Azurite, the whole system with
# SignalR clients, silo failover) and the web client's unit and browser suites. Ends with one line
# "N passed, N failed" and exits non-zero when anything failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT=$(repo_root)
RESULTS=$ROOT/artifacts/test-results
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
cd "$ROOT"
START=$SECONDS

ensure_azurite "$ROOT"

log "building Orleans.sln (Release)"
dotnet build Orleans.sln -c Release --nologo -v quiet -clp:ErrorsOnly

PASSED=0
FAILED=0
STATUS=0

for project in tests/Grains.Tests tests/WebFront.Tests; do
  name=$(basename "$project")
  log "running $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$RESULTS" --blame-hang-timeout 5m </dev/null || STATUS=1
  trx=$RESULTS/$name.trx
  if [[ -f "$trx" ]]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    passed=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
    failed=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  else
    passed=0
    failed=1
  fi
  if [[ $STATUS -ne 0 && $failed -eq 0 ]]; then failed=1; fi
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
  log "$name: $passed passed, $failed failed"
done

# The client's browser suite starts scripts/run.sh, which can reuse the Release build made above.
log "running the web client's tests"
client_output=$RESULTS/client.log
E2E_SKIP_BUILD=1 bash scripts/test-client.sh </dev/null 2>&1 | tee "$client_output" || STATUS=1
client_suites=$(grep -c '^RESULT ' "$client_output" || true)
if [[ $client_suites -lt 2 ]]; then
  log "the web client's tests reported $client_suites of 2 suites"
  FAILED=$((FAILED + 2 - client_suites))
fi
while read -r _ suite passed failed; do
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
done < <(grep '^RESULT ' "$client_output")

log "all suites took $((SECONDS - START)) s"
echo "$PASSED passed, $FAILED failed"
if [[ $FAILED -ne 0 || $STATUS -ne 0 ]]; then
  exit 1
fi
