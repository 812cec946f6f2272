#!/usr/bin/env bash
# Screenshots of every page at 1366 and 390 px with /usr/bin/chromium (Playwright), into the folder given (default
# artifacts/screenshots); pages wider than the window are listed in overflow.txt there. Builds first.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-artifacts/screenshots}")"
mkdir -p "$out"
dotnet build Pcmt.slnx -c Release -v q
PCMT_SCREENSHOTS="$out" dotnet test -c Release --no-build --project tests/Pcmt.EndToEnd -- --filter-class "Pcmt.EndToEnd.Screenshots"
echo "Screenshots in $out"
cat "$out/overflow.txt"
