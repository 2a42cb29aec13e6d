#!/usr/bin/env bash
# Runs the portal with the embedded defaults (SQLite and the published output under ./data of the checkout, demo
# site included: --demo) at http://localhost:5080. Extra arguments go to the portal, e.g. `scripts/run.sh --data
# /srv/gov` (a later --data wins); `scripts/run.sh init --name … --domain …` makes an empty site instead of the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh npm
# dotnet run starts the program in the project folder; state belongs at the top of the checkout.
demo=(--demo)
[[ ${1:-} == init ]] && demo=()
exec dotnet run --project src/GovPortal -c Release -- --data "$PWD/data" "${demo[@]}" "$@"
