#!/usr/bin/env bash
# The real TimelineJS 3 that plugins/mitimeline-timelinejs/tests/test_timelinejs_render.py
# loads our exports into: Debian's Chromium, plus the npm packages @knight-lab/timelinejs (the
# library) and playwright-core (drives the browser; downloads no browser of its own), installed
# into the gitignored folder .cache/timelinejs/ of the checkout.
# Debian 12, run as root by .ci/run. Idempotent and quiet: does nothing when all are present.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/.ci/lib.sh"
target="$repo/.cache/timelinejs"

ensure_chromium
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "installing node and npm"
  apt_install nodejs npm
fi

npm_ensure "$target" mitimeline-timelinejs-check @knight-lab/timelinejs@3.9.11 playwright-core@1.65.1

# Fail here, not in the tests, if a piece is still unusable.
test -f "$target/node_modules/@knight-lab/timelinejs/dist/js/timeline.js"
test -f "$target/node_modules/@knight-lab/timelinejs/dist/css/timeline.css"
check_playwright "$target"
