#!/usr/bin/env bash
# Generates the Prisma client (lib/generated/prisma) from prisma/schema/*.prisma, offline.
# Skips the work when the schema has not changed since the last run (setup.sh calls this every time).
set -euo pipefail
cd "$(dirname "$0")/.."

out=lib/generated/prisma
hash=$(cat prisma/schema/*.prisma prisma.config.ts package-lock.json | sha256sum | cut -d' ' -f1)
if [[ -f $out/.schema-hash && $(cat "$out/.schema-hash") == "$hash" && "${1:-}" != "--force" ]]; then
  exit 0
fi

# `prisma generate` does not need the native schema engine, but the Prisma 7 CLI insists on
# downloading it first (from a host offline machines cannot reach) unless this variable names an
# existing file. Nothing executes it during generate; migrations use the wasm engine
# (scripts/db-migrate.ts), never this path.
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$(type -P false)}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1 CHECKPOINT_DISABLE=1
rm -rf "$out"
node node_modules/prisma/build/index.js generate >/dev/null
echo "$hash" > "$out/.schema-hash"
echo "prisma: client generated in $out" >&2
