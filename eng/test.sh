#!/usr/bin/env bash
# Runs every test suite of Patient Message eXchange and ends with one line: "N passed, N failed".
# Installs what the tests need when it is missing: Debian's chromium (browser tests), dovecot-imapd (the IMAP
# bounce mailbox), postgresql (the server engine), wrk (the page-load benchmark) and poppler-utils (reading a printed
# PDF), and the local dotnet-ef tool. It starts a throwaway PostgreSQL cluster on a free loopback port and runs every
# suite that touches the database twice: on SQLite files and on PostgreSQL. It also runs the benchmarks in quick mode,
# to prove they still run. Extra arguments go to every `dotnet test` call, e.g. --filter.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
results="$root/.test-results"
# shellcheck source=eng/postgres.sh
source "$root/eng/postgres.sh"
trap pmx_postgres_stop EXIT

step() { printf '\n== %s\n' "$*"; }

install_prerequisites() {
    local missing=()
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
    # wrk drives the page-load benchmark (B6) that the quick benchmark run checks.
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    # pdftotext reads back the Messages Sent report that a browser test prints to PDF.
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    # The server engine of the second run of the database suites (initdb, pg_ctl).
    pmx_postgres_bin >/dev/null || missing+=(postgresql)
    if [ ${#missing[@]} -eq 0 ]; then
        echo "chromium, dovecot-imapd, postgresql, wrk and poppler-utils are present"
        return 0
    fi
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    step "Installing ${missing[*]} from Debian"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Each hosted app watches its configuration files; many test apps at once can use up the default 128 inotify
# instances. Raise the limit where we may, and otherwise let .NET poll instead of watching.
if [ "$(id -u)" -eq 0 ]; then
    sysctl -qw fs.inotify.max_user_instances=2048 2>/dev/null || true
fi
[ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 0)" -ge 1024 ] || export DOTNET_USE_POLLING_FILE_WATCHER=true

step "Prerequisites"
install_prerequisites || { echo "Could not install the test prerequisites."; echo "0 passed, 1 failed"; exit 1; }

# The FHIR sync tests run Medplum's FHIR router under Node (tests/fhir-server). Its packages are pinned in the
# committed package-lock.json and installed with npm ci, again only when the lock file changed since the last install.
install_fhir_server() {
    if ! command -v node >/dev/null 2>&1; then
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        step "Installing nodejs and npm from Debian"
        DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null || return 1
    fi
    local dir="$root/tests/fhir-server" stamp="$root/tests/fhir-server/node_modules/.pmx-lock-sha256"
    local want
    want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        echo "tests/fhir-server packages are up to date"
        return 0
    fi
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) && echo "$want" >"$stamp"
}

step "FHIR test server packages"
install_fhir_server || { echo "npm ci in tests/fhir-server failed."; echo "0 passed, 1 failed"; exit 1; }

step "Restoring local tools"
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed."; echo "0 passed, 1 failed"; exit 1; }

step "Building (warnings are errors)"
if ! dotnet build PatientMessageExchange.sln -nologo -v:q -clp:ErrorsOnly; then
    echo "The build failed."
    echo "0 passed, 1 failed"
    exit 1
fi

# Medplum needs Node 20 or later; Debian 12's nodejs is 18. When the system's Node is older, the FHIR test server runs
# on the Node that the Playwright package ships with the browser tests' build output.
node_major="$(node --version 2>/dev/null | sed -n 's/^v\([0-9]*\).*/\1/p')"
if [ "${node_major:-0}" -lt 20 ] && [ -z "${PMX_NODE:-}" ]; then
    bundled="$(find tests/PatientMessageExchange.BrowserTests/bin -path '*/.playwright/node/linux-x64/node' -type f 2>/dev/null | head -1)"
    if [ -n "$bundled" ]; then
        export PMX_NODE="$root/$bundled"
        echo "System Node is ${node_major:-missing}; the FHIR test server uses $PMX_NODE ($("$PMX_NODE" --version))"
    fi
fi

rm -rf "$results"
mkdir -p "$results"
run_failures=0
# run_suite NAME PROJECT [dotnet test arguments...]: one dotnet test run, with its results in NAME.trx.
run_suite() {
    local name="$1" project="$2"
    shift 2
    step "Testing $name"
    if ! dotnet test "$project" --no-build -nologo \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
        --results-directory "$results" "$@"; then
        run_failures=$((run_failures + 1))
    fi
    if [ ! -f "$results/$name.trx" ]; then
        echo "$name produced no results: counted as one failure."
        run_failures=$((run_failures + 1))
        touch "$results/$name.missing"
    fi
}

for project in tests/*/*.csproj; do
    run_suite "$(basename "$project" .csproj)" "$project" "$@"
done

# The same database-touching tests on PostgreSQL: every integration test (each app gets a database of its own on the
# cluster; a class marked Engine=None checks no engine and is not repeated) and the unit tests that use a database.
step "Starting a throwaway PostgreSQL cluster"
if pmx_postgres_start; then
    export PMX_TEST_ENGINE=PostgreSql
    run_suite PatientMessageExchange.IntegrationTests.PostgreSql tests/PatientMessageExchange.IntegrationTests/PatientMessageExchange.IntegrationTests.csproj \
        --filter "Engine!=None" "$@"
    run_suite PatientMessageExchange.UnitTests.PostgreSql tests/PatientMessageExchange.UnitTests/PatientMessageExchange.UnitTests.csproj \
        --filter "Database=Engine" "$@"
    unset PMX_TEST_ENGINE
else
    echo "PostgreSQL did not start: counted as one failure."
    run_failures=$((run_failures + 1))
    touch "$results/postgresql.missing"
fi

# The benchmark suite in quick mode: it checks that every benchmark still runs (ratios are not judged there), and
# counts as one test. Its table goes to the log for whoever wants a rough look.
step "Benchmarks, quick mode"
bench_dll="bench/PatientMessageExchange.Benchmarks/bin/Debug/net10.0/PatientMessageExchange.Benchmarks.dll"
bench_passed=0
bench_failed=0
if dotnet "$bench_dll" --quick 2>"$results/benchmarks-quick.log"; then
    bench_passed=1
else
    echo "The quick benchmark run failed; see $results/benchmarks-quick.log"
    bench_failed=1
fi

passed=$bench_passed
failed=$bench_failed
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
    p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
    t="$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")"
    a="$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done
missing=$(find "$results" -name '*.missing' | wc -l)
failed=$((failed + missing))
if [ "$failed" -eq 0 ] && [ "$run_failures" -gt 0 ]; then
    # A test host that crashed can leave counters that look clean.
    failed=$run_failures
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$run_failures" -eq 0 ]
