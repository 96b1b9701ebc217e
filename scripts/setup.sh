#!/usr/bin/env bash
# Installs everything Leastwise needs on a fresh Debian machine. Idempotent: a second run is quick.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
[[ -x /usr/bin/chromium ]] || need_pkgs+=(chromium)
[[ -x /usr/bin/aws ]] || need_pkgs+=(awscli)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_pkgs+=(postgresql)
if ((${#need_pkgs[@]})); then
  echo "setup: installing Debian packages: ${need_pkgs[*]}" >&2
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NEXT_TELEMETRY_DISABLED=1 PRISMA_HIDE_UPDATE_MESSAGE=1
stamp=node_modules/.leastwise-install-stamp
if [[ ! -f $stamp || package-lock.json -nt $stamp ]]; then
  echo "setup: installing npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi

# Generated code (Prisma client) is derived from the schema; regenerate when the schema changes.
if [[ -f scripts/prisma-generate.sh ]]; then bash scripts/prisma-generate.sh; fi
