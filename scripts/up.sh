#!/usr/bin/env bash
# The README's first command: installs what is missing, builds when the sources changed since the
# last build, and starts Leastwise on http://localhost:${PORT:-3000} (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/setup.sh

# Rebuild when any source file is newer than the last build (or there is none).
stamp="${LEASTWISE_DIST_DIR:-.next}/BUILD_ID"
if [[ ! -f $stamp ]] || [[ -n $(find app components lib proxy.ts instrumentation.ts next.config.js package-lock.json prisma \
      -newer "$stamp" -type f -not -path 'lib/generated/*' -print -quit 2>/dev/null) ]]; then
  echo "up: building the web app (next build)" >&2
  npx next build
fi
exec node scripts/start.mjs
