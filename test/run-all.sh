#!/usr/bin/env bash
# Every test, from a fresh machine: installs what it needs (npm packages; Neovim, the second LSP
# client; code-server and the Debian packages for the real-editor tests are installed by the
# harness), type-checks, runs the unit, CLI, language-server and Neovim tests, then the
# integration tests in a real VS Code (code-server + Chromium), then the packaged .vsix
# installed into that VS Code.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

bash test/support/apt-install.sh neovim
npm run typecheck

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

set +e
npx mocha --reporter spec 2>&1 | tee "$results/unit.txt"
unit_status=${PIPESTATUS[0]}
# npm start (the harness's serve mode) and its signals: builds and starts code-server, so not in .mocharc.json.
npx mocha --no-config --timeout 300000 --reporter spec test/harness/serve.test.mjs 2>&1 | tee -a "$results/unit.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || unit_status=1
npm run test:vscode 2>&1 | tee "$results/vscode.txt"
vscode_status=${PIPESTATUS[0]}
npm run test:package 2>&1 | tee "$results/package.txt"
package_status=${PIPESTATUS[0]}
set -e

# Sums every mocha summary in a log: test:vscode runs two suites (trusted, then Restricted Mode).
count() { { grep -Eo "^ *[0-9]+ $1" "$2" || true; } | awk '{ n += $1 } END { print n + 0 }'; }
passed=$(( $(count passing "$results/unit.txt") + $(count passing "$results/vscode.txt") + $(count passing "$results/package.txt") ))
failed=$(( $(count failing "$results/unit.txt") + $(count failing "$results/vscode.txt") + $(count failing "$results/package.txt") ))
if [ "$unit_status" -ne 0 ] || [ "$vscode_status" -ne 0 ] || [ "$package_status" -ne 0 ]; then
  [ "$failed" -eq 0 ] && failed=1
fi
echo
echo "unit: exit $unit_status; vscode: exit $vscode_status; package: exit $package_status"
echo "tests: $passed passed, $failed failed"
[ "$unit_status" -eq 0 ] && [ "$vscode_status" -eq 0 ] && [ "$package_status" -eq 0 ]
