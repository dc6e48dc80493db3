#!/usr/bin/env bash
# Packaging check, run by .ci/run (or by hand: VENV=.venv bash .ci/packages.sh): build the
# sdist and the wheel (the wheel from the sdist, so the sdist is complete) of the core and of
# every plugins/*/ distribution, then `twine check --strict` them all. Exits non-zero on the
# first failure: a bad classifier or missing metadata (hatchling refuses to build), a README
# that does not render on PyPI, a missing artefact.
# Fast: build, twine and hatchling go into $VENV once; --no-isolation builds with them there.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/.ci/lib.sh"
: "${VENV:?set VENV to the virtual environment to use}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

quietly "$VENV/bin/pip" install --quiet build twine "hatchling>=1.21"
projects=("$repo" "$repo"/plugins/*/)
for project in "${projects[@]}"; do
  name=$(basename "$project")
  [ "$project" = "$repo" ] && name="mitimeline (the core)"
  echo "building $name"
  quietly "$VENV/bin/python" -m build --no-isolation --outdir "$out" "$project"
done
built=$(find "$out" -maxdepth 1 \( -name '*.whl' -o -name '*.tar.gz' \) | wc -l)
if [ "$built" -ne $((2 * ${#projects[@]})) ]; then
  echo "packages: expected an sdist and a wheel for each of ${#projects[@]} projects, found $built files" >&2
  exit 1
fi
"$VENV/bin/twine" check --strict "$out"/*
