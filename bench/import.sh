#!/usr/bin/env bash
# The import benchmark alone (issue 19, goals 2 and 5), against an existing PostgreSQL: 250,000 new persons from CSV and from
# XLSX through the API, beside COPY of the same encrypted rows into `persons`, with the server's peak RSS (VmHWM) per import.
# Usage: PCMT_BENCH_PG="Host=127.0.0.1;Port=55432;Username=pcmt" bench/import.sh [rows=250000] [rounds=3] [persons=250000]
#   PCMT_BENCH_DB   database (default pcmt_imp; created, migrated and filled with national data on the first run)
#   PCMT_BENCH_APP  a built app directory (default artifacts/bin/Pcmt/release, built here), e.g. an older build to compare
#   PCMT_BENCH_ENV  extra environment for the server, e.g. "DOTNET_GCgen0size=0x4000000" (GC settings are measured this way)
# The keys are kept beside the database's state (/tmp/pcmt-import-bench-DB/keys.env) so later runs match the generated data.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-250000}
rounds=${2:-3}
persons=${3:-250000}
base=${PCMT_BENCH_PG:?set PCMT_BENCH_PG, e.g. Host=127.0.0.1;Port=55432;Username=pcmt}
db=${PCMT_BENCH_DB:-pcmt_imp}
app=${PCMT_BENCH_APP:-}
state=/tmp/pcmt-import-bench-$db
mkdir -p "$state"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -z "$app" ]; then
  dotnet build src/Pcmt -c Release -nologo -v quiet
  app=artifacts/bin/Pcmt/release
fi
dotnet build bench/Pcmt.Bench -c Release -nologo -v quiet
app=$(cd "$app" && pwd)

pg_host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$base"); pg_port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$base"); pg_user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$base")
psql_db() { psql "host=$pg_host port=${pg_port:-5432} user=$pg_user dbname=$1" "${@:2}"; }
psql_db postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 || psql_db postgres -qc "CREATE DATABASE $db"
if [ ! -f "$state/keys.env" ]; then
  { echo "export Protection__Keys__1=$(head -c 32 /dev/urandom | base64) Protection__ActiveKey=1 Protection__IndexKey=$(head -c 32 /dev/urandom | base64)"
    echo "export PCMT_ADMIN_PASSWORD=Bench-Admin-$RANDOM-2026"; } > "$state/keys.env"
fi
# shellcheck disable=SC1091
source "$state/keys.env"
export Database__Provider=Postgres ConnectionStrings__Pcmt="$base;Database=$db;Maximum Pool Size=60" Jobs__Enabled=false
(cd "$app" && dotnet pcmt.dll db migrate >/dev/null)
if [ "$(psql_db "$db" -Atc 'SELECT count(*) FROM persons')" = 0 ]; then
  (cd "$app" && /usr/bin/time -f "generator peak RSS %M KiB, %e s" dotnet pcmt.dll demo generate --scale national --persons "$persons") 2>&1 | tail -2
  psql_db "$db" -qc "VACUUM ANALYZE"
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
# shellcheck disable=SC2086
(cd "$app" && exec env ${PCMT_BENCH_ENV:-} ASPNETCORE_ENVIRONMENT=Production Security__RequireTwoFactor=false Security__SignInAttemptsPerMinute=100000 \
  dotnet pcmt.dll --urls "http://127.0.0.1:$port" >"$state/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
echo "Server $server on port $port (${PCMT_BENCH_ENV:-default GC settings}), app $app, load $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet artifacts/bin/Pcmt.Bench/release/Pcmt.Bench.dll --url "http://127.0.0.1:$port" --pg "$base;Database=$db;Maximum Pool Size=20;Command Timeout=900" \
  --admin-password "$PCMT_ADMIN_PASSWORD" --server-pid "$server" --import-rows "$rows" --rounds "$rounds" --only import --out "$state/import.md"
grep -E "^(VmHWM|VmRSS)" "/proc/$server/status" | tr -s ' \t' ' ' | paste -sd, - | sed 's/^/Server memory at the end: /'
