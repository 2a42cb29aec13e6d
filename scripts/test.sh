#!/usr/bin/env bash
# Builds GovPortal and runs every test of every test project: tests/GovPortal.Tests (unit, HTTP on a real Kestrel,
# publishing on real files, the data layer on SQLite and on a real PostgreSQL started here as a throwaway cluster) and
# tests/GovPortal.BrowserTests (Playwright with Debian's chromium, axe). It installs what the tests need first.
# Extra arguments go to dotnet test, e.g. --filter "Needs!=Browser" (see the README's section on tests).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-tools.sh npm postgresql chromium redis nginx

cluster=$(mktemp -d /tmp/govportal-test-pg.XXXXXX)
rmdir "$cluster"
cleanup() { bash scripts/postgres-throwaway.sh stop "$cluster" >/dev/null 2>&1 || true; }
trap cleanup EXIT
GOVPORTAL_TEST_POSTGRES=$(bash scripts/postgres-throwaway.sh start "$cluster")
export GOVPORTAL_TEST_POSTGRES

dotnet build GovPortal.sln -c Release -nologo -clp:ErrorsOnly
# One project after the other: side by side, the portals of the unit tests and chromium with its portal fight for the
# same two cores, and the run takes twice as long as the two one after another. Both run even when the first fails.
status=0
for project in tests/GovPortal.Tests tests/GovPortal.BrowserTests; do
  dotnet test "$project" -c Release --no-build -nologo "$@" || status=$?
done
exit "$status"
