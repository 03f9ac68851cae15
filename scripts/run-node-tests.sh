#!/usr/bin/env bash
# Runs one suite with Node's test runner: unit | api | e2e. Prints the runner's own output.
set -uo pipefail
cd "$(dirname "$0")/.."
suite=${1:?suite: unit | api | e2e}
case "$suite" in
  unit) files=$(find server shared web/src scripts -name '*.test.ts' ! -name '*.api.test.ts' ! -path '*/node_modules/*' | sort) ;;
  api) files=$(find server -name '*.api.test.ts' | sort) ;;
  e2e) files=$(find e2e -name '*.test.ts' | sort) ;;
  *) echo "unknown suite $suite" >&2; exit 2 ;;
esac
[ -n "$files" ] || { echo "no $suite tests found" >&2; exit 1; }
conc=2
[ "$suite" = e2e ] && conc=1
# shellcheck disable=SC2086
exec node --import tsx --test --test-concurrency=$conc --test-reporter=spec $files
