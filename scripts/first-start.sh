#!/usr/bin/env bash
# First start of the built app on a fresh embedded database, to the first page (login), N times (default 5); prints each
# time and the median, without and with the demo (--Demo:Generate=true, generated after the first page). Build first:
# dotnet build Pcmt.slnx -c Release
# A second argument measures another build or publish folder (e.g. a copy of the previous build, to compare back to back).
set -euo pipefail
cd "$(dirname "$0")/.."
app="$(realpath "${2:-artifacts/bin/Pcmt/release}")"
rounds="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
for demo in false true; do
  times=()
  for _ in $(seq "$rounds"); do
    rm -rf "$work"/*
    start=$(date +%s.%N)
    (cd "$app" && exec env -u Database__Provider -u ConnectionStrings__Pcmt -u ASPNETCORE_ENVIRONMENT PCMT_ADMIN_PASSWORD='First-start-2026' \
      ConnectionStrings__Pcmt="Data Source=$work/pcmt.db" Protection__KeyFile="$work/keys.json" \
      dotnet pcmt.dll --urls "http://127.0.0.1:$port" --Demo:Generate=$demo >"$work.log" 2>&1) &
    pid=$!
    for _ in $(seq 1200); do curl -sf "http://127.0.0.1:$port/Account/Login" >/dev/null && break; sleep 0.05; done
    curl -sf "http://127.0.0.1:$port/Account/Login" >/dev/null || { echo "did not start:"; tail -20 "$work.log"; exit 1; }
    times+=("$(python3 -c "print(round($(date +%s.%N) - $start, 2))")")
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  echo "Demo:Generate=$demo  median $(median "${times[@]}") s  runs: ${times[*]}"
done
rm -f "$work.log"
