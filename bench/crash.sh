#!/usr/bin/env bash
# Kills the portal with SIGKILL at random moments, ROUNDS times for each kind of work (full publish, incremental
# publish, back-office save, upload, view-count flush), and checks after every kill that the next start serves a site
# that agrees with its manifest and its database, with no acknowledged edit lost and no tamper alarm. Writes the
# "Crashes" section of docs/benchmarks.md.
#   bash bench/crash.sh [ROUNDS=50] [SEED=20261201]
# The test command runs the same rounds twice each (tests/GovPortal.Tests/Reliability/CrashRecoveryTests.cs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-50}
SEED=${2:-20261201}
REPORT=$(mktemp)
trap 'rm -f "$REPORT"' EXIT

dotnet build tests/GovPortal.Tests -c Release -nologo -clp:ErrorsOnly
started=$(date +%s)
GOVPORTAL_CRASH_ROUNDS=$ROUNDS GOVPORTAL_CRASH_SEED=$SEED GOVPORTAL_CRASH_REPORT=$REPORT \
  dotnet test tests/GovPortal.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~CrashRecoveryTests"
minutes=$(( ($(date +%s) - started + 59) / 60 ))

SECTION=$(mktemp)
{
  echo "## Crashes"
  echo
  echo "\`bash bench/crash.sh $ROUNDS $SEED\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), about $minutes minutes."
  echo "Each round starts the portal's executable on its own data folder, does the work, kills the process with"
  echo "SIGKILL at a random moment, starts the portal again on the same folder and checks: the files on disk are"
  echo "exactly the manifest's, every live article has its page with its live title and nothing else has one, the"
  echo "site serves, a full tamper sweep finds nothing, and every edit, draft and upload that was answered is there."
  echo "\"Cut off\" counts the kills that caught a publish writing files or a change between its save and its pages"
  echo "(the other kills fell between two operations or during start-up, which the rounds also cover)."
  echo
  echo "| work | rounds | cut off mid-publish | operations answered | lost | tamper alarms after restart |" \
    "time | note |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  cat "$REPORT"
} >"$SECTION"
python3 - "$SECTION" docs/benchmarks.md <<'EOF'
import re, sys
section = open(sys.argv[1], encoding="utf-8").read().rstrip("\n") + "\n"
path = sys.argv[2]
doc = open(path, encoding="utf-8").read()
pattern = re.compile(r"^## Crashes\n.*?(?=^## |\Z)", re.S | re.M)
doc = pattern.sub(lambda _: section + "\n", doc) if pattern.search(doc) else doc.rstrip("\n") + "\n\n" + section
open(path, "w", encoding="utf-8").write(doc)
EOF
rm -f "$SECTION"
cat "$REPORT"
