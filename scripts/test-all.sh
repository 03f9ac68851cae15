#!/usr/bin/env bash
# `npm test`: type check, lint, unit tests, API tests on SQLite and PostgreSQL, browser tests in
# headless Chromium. Starts what the suites need (PostgreSQL, Chromium) when we are root on
# Debian; otherwise says exactly what it skipped. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export SYSWARD_LOG_LEVEL=silent
total_pass=0; total_fail=0; skipped=(); failed_steps=()
log=$(mktemp -d)

step() { echo; echo "=== $1"; }
count() { # add the "# pass N / # fail N" lines of a runner's output
  local p f
  p=$(grep -E '^(# |ℹ )pass [0-9]+' "$1" | tail -1 | grep -oE '[0-9]+$' || echo 0)
  f=$(grep -E '^(# |ℹ )fail [0-9]+' "$1" | tail -1 | grep -oE '[0-9]+$' || echo 0)
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
}
run_check() { # name, command...: a check that is not a test runner counts as one test
  local name=$1; shift
  step "$name"
  if "$@"; then total_pass=$((total_pass + 1)); else total_fail=$((total_fail + 1)); failed_steps+=("$name"); fi
}
run_suite() {
  local name=$1; shift
  step "$name"
  "$@" 2>&1 | tee "$log/$name.out"
  local rc=${PIPESTATUS[0]}
  count "$log/$name.out"
  if [ "$rc" != 0 ]; then failed_steps+=("$name"); grep -qE '^(# |ℹ )fail [1-9]' "$log/$name.out" || total_fail=$((total_fail + 1)); fi
}

run_check typecheck npm run -s typecheck
run_check lint npm run -s lint
# The PDF unit tests read their output with poppler-utils (pdftotext, pdftoppm, ...).
sh scripts/ensure-pdf-tools.sh >"$log/pdf-tools.out" 2>&1 || cat "$log/pdf-tools.out" >&2
# The monitoring probes are tested against real peers: ping, snmpd, Network UPS Tools, dnsmasq.
sh scripts/ensure-monitor-peers.sh >"$log/monitor-peers.out" 2>&1 || cat "$log/monitor-peers.out" >&2
run_suite unit bash scripts/run-node-tests.sh unit

# PostgreSQL for the API tests.
if [ -z "${SYSWARD_TEST_POSTGRES_URL:-}" ]; then
  # An instance that was already running (a developer's) is reused and left running.
  pg_isready -q -h 127.0.0.1 -p "${PGPORT:-55432}" 2>/dev/null && already_up=1
  if url=$(sh scripts/start-postgres.sh 2>"$log/pg.err"); then
    export SYSWARD_TEST_POSTGRES_URL=$url
    [ -z "${already_up:-}" ] && started_pg=1
  else
    cat "$log/pg.err" >&2
    skipped+=("API tests on PostgreSQL: could not start PostgreSQL (see above)")
  fi
fi
run_suite api bash scripts/run-node-tests.sh api
[ "${started_pg:-}" = 1 ] && sh scripts/stop-postgres.sh

# Browser tests: the built pages in Debian's Chromium.
if bash scripts/ensure-chromium.sh >"$log/chromium.out" 2>&1; then
  run_check build npm run -s build
  run_suite e2e bash scripts/run-node-tests.sh e2e
else
  cat "$log/chromium.out" >&2
  skipped+=("browser tests: Chromium is not installed and could not be installed (not root?)")
fi

echo
for s in "${skipped[@]}"; do echo "SKIPPED: $s"; done
[ ${#failed_steps[@]} -gt 0 ] && echo "FAILED: ${failed_steps[*]}"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ] && [ ${#failed_steps[@]} = 0 ]
