#!/usr/bin/env bash
# Adds a migration with the same name to both providers (PostgreSQL and SQLite): one model, two migration sets.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/Pcmt --context AppDbContext -o Infrastructure/Data/Migrations/Postgres
dotnet ef migrations add "$name" --project src/Pcmt --context SqliteAppDbContext -o Infrastructure/Data/Migrations/Sqlite
