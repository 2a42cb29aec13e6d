#!/usr/bin/env bash
# Renders the seed article page in each form (standard, elder, high contrast, Traditional, 360 px) with chromium and
# saves the pictures in docs/screenshots, which the README links to.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh npm chromium
dotnet build tests/GovPortal.BrowserTests -c Release -nologo -clp:ErrorsOnly
GOVPORTAL_SCREENSHOTS="$PWD/docs/screenshots" dotnet test tests/GovPortal.BrowserTests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~Screenshots_of_the_seed_article"
ls -l docs/screenshots
