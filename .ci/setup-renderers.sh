#!/usr/bin/env bash
# The real renderers that tests/test_gantt_render.py checks our Gantt exports with:
# Debian's Chromium, plus the npm packages mermaid (renders the .mmd output) and
# playwright-core (drives the browser; downloads no browser of its own), installed into
# the gitignored folder .cache/gantt-renderers/ of the checkout. tests/render/ holds the
# node script that uses them.
# Debian 12, run as root by .ci/run. Idempotent and quiet: does nothing when all are present.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
target="$repo/.cache/gantt-renderers"
mermaid_version=11.17.2
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

# playwright-core 1.65 needs Node 20 or newer; Debian 12's own nodejs is 18, so do not
# install that one: say what is missing instead.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ] || ! command -v npm >/dev/null; then
  echo "setup-renderers: Node.js >= 20 and npm are needed (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

installed_version() {  # $1: package name; prints its installed version, or nothing
  local manifest="$target/node_modules/$1/package.json"
  [ -f "$manifest" ] && node -p "require(process.argv[1]).version" "$manifest" 2>/dev/null || true
}

if [ "$(installed_version mermaid)" != "$mermaid_version" ] \
    || [ "$(installed_version playwright-core)" != "$playwright_version" ]; then
  echo "installing mermaid@$mermaid_version and playwright-core@$playwright_version into .cache/gantt-renderers"
  mkdir -p "$target"
  [ -f "$target/package.json" ] || echo '{"name": "mitimeline-gantt-check", "private": true}' \
    >"$target/package.json"
  quietly npm install --prefix "$target" --no-audit --no-fund --loglevel=error \
    "mermaid@$mermaid_version" "playwright-core@$playwright_version"
fi

# Fail here, not in the tests, if a piece is still unusable.
test -f "$target/node_modules/mermaid/dist/mermaid.min.js"
(cd "$target" && node -e 'require("playwright-core")')
/usr/bin/chromium --version >/dev/null 2>&1  # its wrapper script writes noise to stderr
