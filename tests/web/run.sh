#!/usr/bin/env bash
# Runs the browser test of the visitor's phone page. It checks for Debian's Chromium and
# Node.js, then installs playwright-core from package-lock.json when node_modules is missing
# or older than the lock file, so a run without network works once it is installed. Last it
# runs node --test.
#
# Environment: ANTREAN_SERVER_BINARY (the antrean-server to start; CTest sets it),
# ANTREAN_WEB_SCREENSHOTS (screenshot folder, default build/web-screenshots), CHROMIUM
# (default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")"

chromium_path="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  echo "run.sh: $chromium_path is missing: install the Debian package chromium" \
    "(scripts/install-deps installs it)" >&2
  exit 1
fi
for command in node npm; do
  if ! command -v "$command" >/dev/null; then
    echo "run.sh: $command is missing: install Node.js 18 or newer with npm" \
      "(scripts/install-deps installs the Debian packages nodejs and npm)" >&2
    exit 1
  fi
done
node_major="$(node -p 'process.versions.node.split(".")[0]')"
# playwright-core 1.60 is the newest release that runs on Debian 12's own Node.js 18.
if [ "$node_major" -lt 18 ]; then
  echo "run.sh: Node.js $(node --version) is too old: playwright-core 1.60 needs Node.js 18 or newer" >&2
  exit 1
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

exec node --test
