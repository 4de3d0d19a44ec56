#!/usr/bin/env bash
# Installs what the real-editor test harness needs, offline-friendly:
#   - Debian packages: chromium (the browser Playwright drives), ripgrep
#     (stands in for the ripgrep binary code-server would download) and
#     libkrb5-dev (headers for the `kerberos` native module it builds);
#   - code-server (a real VS Code 1.100.3 served over HTTP) into a private
#     folder, by default <repo>/.cache/code-server (override with
#     CODE_SERVER_DIR).
# Idempotent: a second run only checks that everything is there (< 1 s).
# See test/harness/README.md for the harness as a whole.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# @vscode/ripgrep version pinned by code-server 4.100.3's VS Code, and the
# archive name its postinstall looks for in its cache before downloading.
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CODE_SERVER_DIR="${CODE_SERVER_DIR:-$REPO_ROOT/.cache/code-server}"
CODE_SERVER_BIN="$CODE_SERVER_DIR/node_modules/.bin/code-server"
# Written only after a complete, verified install, so an interrupted install
# (which can leave the bin link behind) is redone rather than trusted.
MARKER="$CODE_SERVER_DIR/.installed-$CODE_SERVER_VERSION"

log() { echo "[install-code-server] $*" >&2; }

# --- Debian packages ---------------------------------------------------------
"$REPO_ROOT/test/support/apt-install.sh" libkrb5-dev ripgrep chromium

# --- code-server ---------------------------------------------------------------
if [[ -f "$MARKER" && -x "$CODE_SERVER_BIN" ]]; then
  exit 0
fi

# Two runs at once (e.g. parallel test jobs) must not both install: the
# second waits here, then finds the marker.
mkdir -p "$CODE_SERVER_DIR"
exec 9>"$CODE_SERVER_DIR/.install.lock"
flock 9
if [[ -f "$MARKER" && -x "$CODE_SERVER_BIN" ]]; then
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$node_major" != 20 ]]; then
  # code-server 4.100.3's postinstall refuses any other Node; later
  # code-server lines want Node 22+ instead.
  log "code-server $CODE_SERVER_VERSION needs Node 20 (found $(node -v))"
  exit 1
fi

# The ripgrep postinstall downloads from GitHub unless it finds this archive in
# its cache under os.tmpdir(); Debian's rg (same major line) works in its place.
tmp_root="$(node -p 'require("os").tmpdir()')"
rg_cache="$tmp_root/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
if [[ ! -s "$rg_cache/$RIPGREP_ARCHIVE" ]]; then
  mkdir -p "$rg_cache"
  tar -czf "$rg_cache/$RIPGREP_ARCHIVE.tmp" -C /usr/bin rg
  mv "$rg_cache/$RIPGREP_ARCHIVE.tmp" "$rg_cache/$RIPGREP_ARCHIVE"
fi

log "installing code-server@$CODE_SERVER_VERSION into $CODE_SERVER_DIR (takes about a minute)"
rm -f "$MARKER"
cat >"$CODE_SERVER_DIR/package.json" <<EOF
{
  "name": "program-briefs-code-server",
  "private": true,
  "description": "Private install of code-server for test/harness; not a project dependency (its postinstall only accepts Node 20).",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" }
}
EOF

# npm 11 skips dependency install scripts unless allowed, and code-server is
# nothing but install scripts: its postinstall runs further `npm install`s
# in lib/vscode and lib/vscode/extensions, whose native modules (node-pty,
# kerberos, spdlog, watcher, ...) must build. An allow list cannot reach
# those nested installs: they are projects of their own (own package.json,
# so an allowScripts field here is not read), and npm exports an allow list
# from any npmrc to its scripts' environment, where the nested npm then
# rejects it (EALLOWSCRIPTS: not allowed in project-scoped installs). So
# allow all scripts, for this private folder only. The exposure is the same
# as an exact allow list: code-server ships npm-shrinkwrap.json files at all
# three levels, so the pinned version fixes every package that runs.
export npm_config_dangerously_allow_all_scripts=true
# node-gyp must not download Node headers (offline): use the system's.
if [[ "$(npm config get nodedir)" == "null" || -z "$(npm config get nodedir)" ]] &&
  [[ -f /usr/include/node/node_version.h ]]; then
  export npm_config_nodedir=/usr
fi
# node-pty's install runs `npx node-gyp`; without this npx waits for a
# "Need to install... Ok to proceed?" answer that never comes.
export npm_config_yes=true
# code-server's postinstall insists on --unsafe-perm when run as root.
export npm_config_unsafe_perm=true
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

install_log="$CODE_SERVER_DIR/install.log"
if ! (cd "$CODE_SERVER_DIR" && npm install --no-save --no-package-lock >"$install_log" 2>&1); then
  log "npm install failed; last lines of $install_log:"
  tail -n 40 "$install_log" >&2
  exit 1
fi

# Verify the pieces that fail silently when an install script is skipped.
cs_pkg="$CODE_SERVER_DIR/node_modules/code-server"
for f in \
  "$cs_pkg/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" \
  "$cs_pkg/lib/vscode/node_modules/node-pty/build/Release/pty.node" \
  "$cs_pkg/lib/vscode/node_modules.asar"; do
  if [[ ! -e "$f" ]]; then
    log "install looks incomplete: $f is missing (see $install_log)"
    exit 1
  fi
done
# Proves it starts; the XDG dirs keep its default config and logs out of $HOME.
version="$(XDG_CONFIG_HOME="$CODE_SERVER_DIR/.xdg/config" XDG_DATA_HOME="$CODE_SERVER_DIR/.xdg/data" \
  "$CODE_SERVER_BIN" --version | grep -m 1 'with Code')"
touch "$MARKER"
log "code-server $version ready"
