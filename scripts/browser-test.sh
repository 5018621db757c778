#!/usr/bin/env bash
# Runs the browser tests (tests/browser/): the real `stdok serve` driven in Debian's headless
# chromium by playwright-core, with axe-core. Installs the npm packages from the lock file when
# node_modules is missing or older than the lock. Fails, never skips, when chromium is missing.
# Usage: scripts/browser-test.sh [BINARY]   (default build/stdok)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export STDOK_BINARY=${1:-${STDOK_BINARY:-$root/build/stdok}}
chromium=${STDOK_CHROMIUM:-/usr/bin/chromium}

if [[ ! -x $chromium ]]; then
  echo "browser-test: $chromium is missing; scripts/install-deps.sh installs Debian's chromium" >&2
  exit 1
fi
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "browser-test: $tool is missing; run scripts/install-deps.sh" >&2; exit 1; }
done
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "browser-test: Node.js $(node --version) is too old; playwright-core needs 20 or later" >&2
  exit 1
fi
if [[ ! -x $STDOK_BINARY ]]; then
  echo "browser-test: $STDOK_BINARY is missing; build first (scripts/build.sh)" >&2
  exit 1
fi

cd tests/browser
stamp=node_modules/.stdok-lock-sha256
lock_sha=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$lock_sha" ]]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sha" >"$stamp"
fi
mkdir -p "$root/build/browser-screenshots"
exec node --test --test-reporter=spec ./*.test.mjs
