#!/usr/bin/env bash
# The SVG converters people turn our Gantt SVGs into PNG and PDF with, which
# tests/test_gantt_converters.py renders the SVG through: rsvg-convert (Debian's
# librsvg2-bin) and the C library cairo that CairoSVG (a Python package of the `test`
# extra) draws with.
# Debian 12, run as root by .ci/run. Idempotent and quiet: does nothing when all are present.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/.ci/lib.sh"

missing=()
command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
ldconfig -p | grep -q 'libcairo\.so\.2 ' || missing+=(libcairo2)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt_install "${missing[@]}"
fi

# Fail here, not in the tests, if a piece is still unusable.
rsvg-convert --version >/dev/null
ldconfig -p | grep -q 'libcairo\.so\.2 '
