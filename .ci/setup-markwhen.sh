#!/usr/bin/env bash
# The real Markwhen parser that plugins/mitimeline-markwhen/tests/test_markwhen_parser.py
# reads our .mw exports with: the npm package @markwhen/parser, installed into the
# gitignored folder .cache/markwhen/ of the checkout. The tests' node script
# (plugins/mitimeline-markwhen/tests/parse.mjs) runs it.
# Debian 12, run as root by .ci/run. Idempotent and quiet: does nothing when it is present.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/.ci/lib.sh"
target="$repo/.cache/markwhen"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "installing node and npm"
  apt_install nodejs npm
fi

npm_ensure "$target" mitimeline-markwhen-check @markwhen/parser@1.2.0

# Fail here, not in the tests, if the parser cannot be loaded.
(cd "$target" && node --input-type=module -e 'import("@markwhen/parser").then((m) => { if (typeof m.parse !== "function") { throw new Error("@markwhen/parser has no parse()"); } })')
