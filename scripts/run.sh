#!/usr/bin/env bash
# Runs the portal with the embedded defaults (SQLite and the published output under ./data, demo site included)
# at http://localhost:5080. Extra arguments go to the portal, e.g. `scripts/run.sh --data /srv/govportal`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh npm
exec dotnet run --project src/GovPortal -c Release -- "$@"
