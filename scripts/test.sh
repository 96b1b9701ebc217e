#!/usr/bin/env bash
# The whole test suite: unit and integration tests (vitest), then the browser tests (Playwright).
# Prints one closing line "Tests: N passed, N failed" over both runners.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; exit 1; }
mkdir -p .tmp
export NEXT_TELEMETRY_DISABLED=1

# Static checks first (a failure fails the run; the tests still run so one stop shows everything).
static_rc=0
echo "== lint (eslint) =="; npm run -s lint || static_rc=1
echo "== typecheck (tsc) =="; npm run -s typecheck || static_rc=1
echo "== format (prettier) =="; npm run -s format:check >/dev/null && echo "formatted" || { npx prettier --list-different .; static_rc=1; }

npx vitest run --reporter=default --reporter=json --outputFile=.tmp/vitest.json
vitest_rc=$?

pw_rc=0
if [[ -f playwright.config.ts && "${SKIP_E2E:-}" != "1" ]]; then
  npx playwright test 2>&1 | tee .tmp/playwright.log
  pw_rc=${PIPESTATUS[0]}
fi

node scripts/test-summary.mjs .tmp/vitest.json .tmp/playwright-results.json
if [[ $static_rc -ne 0 ]]; then echo "Static checks failed (lint, typecheck or format): see above."; fi
if [[ $static_rc -ne 0 || $vitest_rc -ne 0 || $pw_rc -ne 0 ]]; then exit 1; fi
