# Shared helpers for the .ci/setup-*.sh scripts (sourced, not run). Debian 12, run as root.

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

apt_install() {  # apt_install PACKAGE...: install Debian packages quietly
  export DEBIAN_FRONTEND=noninteractive
  # Another setup script may hold the dpkg lock: wait for it rather than fail.
  quietly apt-get -o DPkg::Lock::Timeout=600 update -qq
  quietly apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@"
}

ensure_chromium() {  # Debian's Chromium at /usr/bin/chromium
  if [ ! -x /usr/bin/chromium ]; then
    echo "installing chromium"
    apt_install chromium
  fi
}

npm_installed_version() {  # npm_installed_version DIR PACKAGE: its version in DIR, or nothing
  local manifest="$1/node_modules/$2/package.json"
  [ -f "$manifest" ] && node -p "require(process.argv[1]).version" "$manifest" 2>/dev/null || true
}

npm_ensure() {  # npm_ensure DIR NAME PACKAGE@VERSION...: install unless all are at those versions
  local target=$1 name=$2 spec missing=0
  shift 2
  for spec in "$@"; do
    [ "$(npm_installed_version "$target" "${spec%@*}")" = "${spec##*@}" ] || missing=1
  done
  [ "$missing" = 1 ] || return 0
  echo "installing $* into ${target#"$repo"/}"
  mkdir -p "$target"
  [ -f "$target/package.json" ] || echo "{\"name\": \"$name\", \"private\": true}" >"$target/package.json"
  quietly npm install --prefix "$target" --no-audit --no-fund --loglevel=error "$@"
}

check_playwright() {  # check_playwright DIR: playwright-core loads from DIR and Chromium runs
  (cd "$1" && node -e 'require("playwright-core")')
  /usr/bin/chromium --version >/dev/null 2>&1  # its wrapper script writes noise to stderr
}
