#!/usr/bin/env bash
# Runs every PCMT test on a fresh Debian machine: installs what is missing (PostgreSQL, Chromium),
# starts a throwaway PostgreSQL cluster on a free port, runs the suites, and cleans up.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
need_apt=()
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need_apt+=(postgresql postgresql-contrib)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "Installing ${need_apt[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

work=$(mktemp -d /tmp/pcmt-test.XXXXXX)
pg_data="$work/pg"
cleanup() {
  if [ -f "$pg_data/postmaster.pid" ]; then
    run_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# initdb refuses to run as root: the cluster belongs to the postgres user when we are root.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$work" postgres
  run_pg() { runuser -u postgres -- "$@"; }
  chmod 755 "$work"
  mkdir -p "$pg_data" && chown postgres "$pg_data"
else
  run_pg() { "$@"; }
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log "Starting PostgreSQL ($pg_bin) on 127.0.0.1:$port"
run_pg "$pg_bin/initdb" -D "$pg_data" -A trust -U pcmt -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
  -o "-p $port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export PCMT_TEST_PG="Host=127.0.0.1;Port=$port;Username=pcmt;Database=postgres;Pooling=true;Maximum Pool Size=50"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "Restoring, checking format, building"
dotnet tool restore >/dev/null
dotnet restore Pcmt.slnx -v quiet
dotnet format Pcmt.slnx --verify-no-changes --no-restore
dotnet build Pcmt.slnx -c Release -nologo -v quiet --no-restore

results="$work/results"
mkdir -p "$results"
summary() { # prints "N passed, N failed" from the runner's own summary lines
  python3 - "$@" <<'PY'
import re, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8", errors="replace").read()
    for m in re.finditer(r"total: (\d+)\s+failed: (\d+)\s+succeeded: (\d+)\s+skipped: (\d+)", text):
        failed += int(m.group(2)); passed += int(m.group(3)); skipped += int(m.group(4))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
}

status=0
run_suite() { # name, then the dotnet test arguments
  local name=$1; shift
  log "Tests: $name"
  if ! dotnet test -c Release --no-build "$@" 2>&1 | tee "$results/$name.log"; then status=1; fi
}

run_suite postgres --project tests/Pcmt.Tests
PCMT_TEST_DB=sqlite run_suite sqlite-smoke --project tests/Pcmt.Tests -- --filter-trait "Category=Smoke"
run_suite browser --project tests/Pcmt.EndToEnd

log "Pending model changes (both providers)"
for context in AppDbContext SqliteAppDbContext; do
  if ! dotnet ef migrations has-pending-model-changes --project src/Pcmt --context "$context" --configuration Release --no-build >"$results/ef-$context.log" 2>&1; then
    cat "$results/ef-$context.log"; echo "Pending model changes for $context: run scripts/add-migration.sh"; status=1
  fi
done

log "Summary"
# The failures again, last, so a log cut to its tail still names them.
for f in "$results"/postgres.log "$results"/sqlite-smoke.log "$results"/browser.log; do
  [ -f "$f" ] && grep -A 12 -E '^failed ' "$f" | head -n 80 || true
done
summary "$results"/postgres.log "$results"/sqlite-smoke.log "$results"/browser.log
exit $status
