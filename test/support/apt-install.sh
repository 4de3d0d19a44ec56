#!/usr/bin/env bash
# Installs the Debian packages named as arguments when they are missing (the
# test set-up's only system dependencies: see the README's test command).
# Tries with the package lists present first and refreshes them only if that
# fails (no lists yet on a new machine, or stale ones). Idempotent: with
# everything installed it only checks (< 1 s). Needs root to install.
set -euo pipefail

log() { echo "[apt-install] $*" >&2; }

missing=()
for pkg in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
((${#missing[@]})) || exit 0
if [[ $(id -u) -ne 0 ]]; then
  log "missing Debian packages (${missing[*]}) and not root: install them first"
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
log "apt-get install ${missing[*]}"
if ! apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >/tmp/apt-install.log 2>&1; then
  log "apt-get install failed with current lists; running apt-get update"
  apt-get update >>/tmp/apt-install.log 2>&1
  apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >>/tmp/apt-install.log 2>&1 ||
    { tail -n 30 /tmp/apt-install.log >&2; exit 1; }
fi
