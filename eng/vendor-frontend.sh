#!/usr/bin/env bash
# Copies the front-end libraries the views use from npm into wwwroot/lib. The result is committed, so neither
# running nor testing the app needs npm; run this only to change a version.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
lib="$root/src/PatientMessageExchange.Web/wwwroot/lib"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund bootstrap@5.3.8 htmx.org@2.0.11 chart.js@4.6.1 >/dev/null

rm -rf "$lib"
mkdir -p "$lib/bootstrap/css" "$lib/bootstrap/js" "$lib/htmx" "$lib/chart.js"
cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map "$lib/bootstrap/css/"
cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map "$lib/bootstrap/js/"
cp node_modules/bootstrap/LICENSE "$lib/bootstrap/LICENSE"
cp node_modules/htmx.org/dist/htmx.min.js "$lib/htmx/"
cp node_modules/htmx.org/LICENSE "$lib/htmx/LICENSE"
cp node_modules/chart.js/dist/chart.umd.min.js "$lib/chart.js/" 2>/dev/null || cp node_modules/chart.js/dist/chart.umd.js "$lib/chart.js/chart.umd.min.js"
cp node_modules/chart.js/LICENSE.md "$lib/chart.js/LICENSE.md"
echo "Vendored into $lib:"
find "$lib" -type f | sed "s|$root/||" | sort
