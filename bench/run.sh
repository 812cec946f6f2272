#!/usr/bin/env bash
# PCMT benchmark suite (issue 7): national data, then each benchmark beside its hand-written PostgreSQL baseline.
# Usage: bench/run.sh [persons=250000] [rounds=3]   — writes bench/results/latest.md; about 20–25 minutes on 2 cores.
# The program modules (issue 19: agencies, plans, reports, cases, tips generated with the national data) are measured at the end
# of Pcmt.Bench's run (ProgramModuleBenchmarks.cs); `--only program` on Pcmt.Bench runs them alone against a running server.
# `--only aggregates [--filter consolidation,adx,coverage,classification]` runs only the consolidation, ADX, SUPPORT-COVERAGE and
# national classification items with their baselines (AggregateBenchmarks.cs, issue 19 second pass; a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
persons=${1:-250000}
rounds=${2:-3}

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
need_apt=()
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need_apt+=(postgresql postgresql-contrib)
command -v wrk >/dev/null 2>&1 || need_apt+=(wrk)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "Installing ${need_apt[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

work=$(mktemp -d /tmp/pcmt-bench.XXXXXX)
pg_data="$work/pg"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -f "$pg_data/postmaster.pid" ] && run_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$work" postgres
  run_pg() { runuser -u postgres -- "$@"; }
  chmod 755 "$work"; mkdir -p "$pg_data" && chown postgres "$pg_data"
else
  run_pg() { "$@"; }
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
port=$(free_port)
log "PostgreSQL ($pg_bin) on 127.0.0.1:$port, default durability settings"
run_pg "$pg_bin/initdb" -D "$pg_data" -A trust -U pcmt -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -o "-p $port -k $pg_data -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_connections=200" start >/dev/null
psql "host=127.0.0.1 port=$port user=pcmt dbname=postgres" -qc "CREATE DATABASE pcmt_bench" >/dev/null

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "Building (Release)"
dotnet build src/Pcmt -c Release -nologo -v quiet
dotnet build bench/Pcmt.Bench -c Release -nologo -v quiet
app=artifacts/bin/Pcmt/release
export Database__Provider=Postgres
export ConnectionStrings__Pcmt="Host=127.0.0.1;Port=$port;Username=pcmt;Database=pcmt_bench;Maximum Pool Size=60"
export Protection__Keys__1=$(head -c 32 /dev/urandom | base64) Protection__ActiveKey=1 Protection__IndexKey=$(head -c 32 /dev/urandom | base64)
export PCMT_ADMIN_PASSWORD=Bench-Admin-$RANDOM-2026 Jobs__Enabled=false
mkdir -p bench/results
out=bench/results/latest.md
{ echo "# Benchmark run $(date -u +%FT%TZ)"; echo; echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r); PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}')."; echo; } > "$out"

log "Migrating and generating $persons persons"
(cd $app && dotnet pcmt.dll db migrate >/dev/null)
start=$(date +%s.%N)
(cd $app && /usr/bin/time -f "generator peak RSS %M KiB" dotnet pcmt.dll demo generate --scale national --persons "$persons") 2>&1 | tail -2 | tee -a "$out"
echo "Generation wall time: $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s" | tee -a "$out"; echo >> "$out"
psql "host=127.0.0.1 port=$port user=pcmt dbname=pcmt_bench" -qc "VACUUM ANALYZE" >/dev/null

log "Starting the server"
web_port=$(free_port)
(cd $app && ASPNETCORE_ENVIRONMENT=Production Security__RequireTwoFactor=false Security__SignInAttemptsPerMinute=100000 \
  exec dotnet pcmt.dll --urls "http://127.0.0.1:$web_port" >"$work/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$web_port/health/ready" >/dev/null && break; sleep 1; done

log "Benchmarks"
server_dotnet=$(pgrep -P "$server_pid" -f pcmt.dll || echo "$server_pid")
dotnet artifacts/bin/Pcmt.Bench/release/Pcmt.Bench.dll --url "http://127.0.0.1:$web_port" \
  --pg "Host=127.0.0.1;Port=$port;Username=pcmt;Database=pcmt_bench;Maximum Pool Size=20" \
  --admin-password "$PCMT_ADMIN_PASSWORD" --server-pid "$server_dotnet" --import-rows 250000 --rounds "$rounds" --out "$work/bench.md"
cat "$work/bench.md" >> "$out"
kill "$server_pid"; server_pid=""

log "Cold start of the SQLite demo, $rounds times: first start (fresh database file: template copy, administrator) and second start"
firsts=(); seconds=()
for _ in $(seq "$rounds"); do
  rm -f "$work"/demo.db*
  for run in first second; do
    demo_port=$(free_port)
    start=$(date +%s.%N)
    (cd $app && exec env -u Database__Provider -u ConnectionStrings__Pcmt -u Protection__Keys__1 -u Protection__ActiveKey -u Protection__IndexKey \
      ConnectionStrings__Pcmt="Data Source=$work/demo.db" dotnet pcmt.dll --urls "http://127.0.0.1:$demo_port" >"$work/demo.log" 2>&1) &
    demo_pid=$!
    for _ in $(seq 1200); do curl -sf "http://127.0.0.1:$demo_port/Account/Login" >/dev/null && break; sleep 0.05; done
    curl -sf "http://127.0.0.1:$demo_port/Account/Login" >/dev/null || { echo "The SQLite demo did not start:"; tail -20 "$work/demo.log"; exit 1; }
    took=$(python3 -c "print(round($(date +%s.%N) - $start, 2))")
    if [ "$run" = first ]; then firsts+=("$took"); else seconds+=("$took"); fi
    kill "$demo_pid"; wait "$demo_pid" 2>/dev/null || true
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
{ echo "### SQLite demo, start to the first page (login), $rounds runs"; echo
  echo "| Start | Median | Runs |"; echo "|---|---|---|"
  echo "| first (fresh database file: the build's template copied, administrator created) | $(median "${firsts[@]}") s | ${firsts[*]} |"
  echo "| second (existing database) | $(median "${seconds[@]}") s | ${seconds[*]} |"; echo; } | tee -a "$out"
log "Done: $out"
