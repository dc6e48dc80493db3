#!/usr/bin/env bash
# The real renderers that tests/test_gantt_render.py checks our Gantt exports with:
# Debian's Chromium, plus the npm packages mermaid (renders the .mmd output) and
# playwright-core (drives the browser; downloads no browser of its own), installed into
# the gitignored folder .cache/gantt-renderers/ of the checkout. tests/render/ holds the
# node script that uses them.
# Debian 12, run as root by .ci/run. Idempotent and quiet: does nothing when all are present.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/.ci/lib.sh"
target="$repo/.cache/gantt-renderers"

ensure_chromium

# playwright-core 1.65 needs Node 20 or newer; Debian 12's own nodejs is 18, so do not
# install that one: say what is missing instead.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ] || ! command -v npm >/dev/null; then
  echo "setup-renderers: Node.js >= 20 and npm are needed (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

npm_ensure "$target" mitimeline-gantt-check mermaid@11.17.2 playwright-core@1.65.1

# Fail here, not in the tests, if a piece is still unusable.
test -f "$target/node_modules/mermaid/dist/mermaid.min.js"
check_playwright "$target"
