#!/usr/bin/env bash
# Adds a migration with the same name for every provider (SQLite, SQL Server, PostgreSQL), so that they never drift
# apart. Usage: eng/add-migration.sh <Name>
set -euo pipefail
name="${1:?usage: eng/add-migration.sh <MigrationName>}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
export Storage__DataFolder="$(mktemp -d)"
trap 'rm -rf "$Storage__DataFolder"' EXIT
dotnet build src/PatientMessageExchange.Web -nologo -v:q -clp:ErrorsOnly
add() {
    local provider="$1" project="$2" connection="$3"
    Database__Provider="$provider" Database__ConnectionString="$connection" \
      dotnet ef migrations add "$name" --no-build --startup-project src/PatientMessageExchange.Web \
      --project "src/$project" --output-dir Migrations
}
# The tools only build the model; they never connect, so any well-formed connection string will do. They need the
# migrations projects built, hence the build of the web project (which references all three) above.
add Sqlite PatientMessageExchange.Migrations.Sqlite ""
add SqlServer PatientMessageExchange.Migrations.SqlServer "Server=localhost;Database=pmx;User Id=sa;Password=unused;TrustServerCertificate=True"
add PostgreSql PatientMessageExchange.Migrations.PostgreSql "Host=localhost;Database=pmx;Username=pmx;Password=unused"
