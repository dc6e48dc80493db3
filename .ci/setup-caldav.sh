#!/usr/bin/env bash
# What plugins/mitimeline-caldav's tests need beyond pip: the openssl command, which makes
# the self-signed certificate of the HTTPS test server (Radicale, Xandikos and python-caldav
# come with the plugin's "test" extra, which the README's test command installs).
# Debian 12, run as root by .ci/run. Idempotent and quiet: does nothing when it is present.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/.ci/lib.sh"

if ! command -v openssl >/dev/null; then
  echo "installing openssl"
  apt_install openssl
fi
openssl version >/dev/null
