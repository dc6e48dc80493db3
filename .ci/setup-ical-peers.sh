#!/usr/bin/env bash
# The iCalendar peers that tests/test_ical_peers.py checks our .ics exports with, beyond the
# Python ones in the "test" extra (icalendar, ical, vobject, ics):
#   - libical 3 through GObject introspection (gir1.2-ical-3.0 + python3-gi), called from the
#     system /usr/bin/python3 in a subprocess, for its RFC 5545 restriction check;
#   - calcurse, whose importer skips events it cannot read.
# Debian 12, run as root by .ci/run. Idempotent and quiet: does nothing when all are present.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/.ci/lib.sh"

packages=(python3-gi gir1.2-ical-3.0 calcurse)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing iCal peers: ${missing[*]}"
  apt_install "${missing[@]}"
fi

# Fail here, not in the tests, if a peer is still unusable.
/usr/bin/python3 -c 'import gi; gi.require_version("ICalGLib", "3.0"); from gi.repository import ICalGLib'
command -v calcurse >/dev/null
