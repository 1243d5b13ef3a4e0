#!/usr/bin/env bash
# Adds a migration with the same name for both providers, so that SQLite and SQL Server never drift apart.
# Usage: eng/add-migration.sh <Name>
set -euo pipefail
name="${1:?usage: eng/add-migration.sh <MigrationName>}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
export Storage__DataFolder="$(mktemp -d)"
Database__Provider=Sqlite \
  dotnet ef migrations add "$name" --startup-project src/PatientMessageExchange.Web \
  --project src/PatientMessageExchange.Migrations.Sqlite --output-dir Migrations
# The tools only build the model; they never connect, so any well-formed connection string will do.
Database__Provider=SqlServer Database__ConnectionString="Server=localhost;Database=pmx;User Id=sa;Password=unused;TrustServerCertificate=True" \
  dotnet ef migrations add "$name" --startup-project src/PatientMessageExchange.Web \
  --project src/PatientMessageExchange.Migrations.SqlServer --output-dir Migrations
rm -rf "$Storage__DataFolder"
