#!/usr/bin/env bash
# The real TimelineJS 3 that plugins/mitimeline-timelinejs/tests/test_timelinejs_render.py
# loads our exports into: Debian's Chromium, plus the npm packages @knight-lab/timelinejs (the
# library) and playwright-core (drives the browser; downloads no browser of its own), installed
# into the gitignored folder .cache/timelinejs/ of the checkout.
# Debian 12, run as root by .ci/run. Idempotent and quiet: does nothing when all are present.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
target="$repo/.cache/timelinejs"
timelinejs_version=3.9.11
playwright_version=1.65.1

quietly() {  # run "$@", showing its output only if it fails
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium"
  export DEBIAN_FRONTEND=noninteractive
  # Another setup script may hold the dpkg lock: wait for it rather than fail.
  quietly apt-get -o DPkg::Lock::Timeout=600 update -qq
  quietly apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "installing node and npm"
  export DEBIAN_FRONTEND=noninteractive
  quietly apt-get -o DPkg::Lock::Timeout=600 update -qq
  quietly apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends nodejs npm
fi

installed_version() {  # $1: package name; prints its installed version, or nothing
  local manifest="$target/node_modules/$1/package.json"
  [ -f "$manifest" ] && node -p "require(process.argv[1]).version" "$manifest" 2>/dev/null || true
}

if [ "$(installed_version @knight-lab/timelinejs)" != "$timelinejs_version" ] \
    || [ "$(installed_version playwright-core)" != "$playwright_version" ]; then
  echo "installing @knight-lab/timelinejs@$timelinejs_version and playwright-core@$playwright_version into .cache/timelinejs"
  mkdir -p "$target"
  [ -f "$target/package.json" ] || echo '{"name": "mitimeline-timelinejs-check", "private": true}' \
    >"$target/package.json"
  quietly npm install --prefix "$target" --no-audit --no-fund --loglevel=error \
    "@knight-lab/timelinejs@$timelinejs_version" "playwright-core@$playwright_version"
fi

# Fail here, not in the tests, if a piece is still unusable.
test -f "$target/node_modules/@knight-lab/timelinejs/dist/js/timeline.js"
test -f "$target/node_modules/@knight-lab/timelinejs/dist/css/timeline.css"
(cd "$target" && node -e 'require("playwright-core")')
/usr/bin/chromium --version >/dev/null 2>&1  # its wrapper script writes noise to stderr
