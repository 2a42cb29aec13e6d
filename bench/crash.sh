#!/usr/bin/env bash
# Kills the portal with SIGKILL at random moments, ROUNDS times for each kind of work (full publish, incremental
# publish, back-office save, upload, view-count flush), and checks after every kill that the next start serves a site
# that agrees with its manifest and its database, with no acknowledged edit lost and no tamper alarm. Writes the
# "Crashes" section of docs/benchmarks.md.
#   bash bench/crash.sh [ROUNDS=50] [SEED=20261201] [TEST=all]
# TEST narrows the run to one test method of CrashRecoveryTests (e.g. Views_counted); the rows of the other works
# stay as the last run left them.
# The test command runs the same rounds twice each (tests/GovPortal.Tests/Reliability/CrashRecoveryTests.cs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-50}
SEED=${2:-20261201}
TEST=${3:-}
REPORT=$(mktemp)
trap 'rm -f "$REPORT"' EXIT

dotnet build tests/GovPortal.Tests -c Release -nologo -clp:ErrorsOnly
started=$(date +%s)
GOVPORTAL_CRASH_ROUNDS=$ROUNDS GOVPORTAL_CRASH_SEED=$SEED GOVPORTAL_CRASH_REPORT=$REPORT \
  dotnet test tests/GovPortal.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~CrashRecoveryTests.$TEST"
minutes=$(( ($(date +%s) - started + 59) / 60 ))

SECTION=$(mktemp)
{
  echo "## Crashes"
  echo
  echo "Each row is the last run of its work. The last run: \`bash bench/crash.sh $ROUNDS $SEED $TEST\` on" \
    "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
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
old = pattern.search(doc)
# Rows of works this run did not repeat are kept from the last run.
ran = {line.split("|")[1] for line in section.splitlines() if line.startswith("| ") and "---" not in line}
kept = [line for line in (old.group(0).splitlines() if old else [])
        if line.startswith("| ") and line.split("|")[1] not in ran and not line.startswith("| work ")]
section = section + "".join(line + "\n" for line in kept)
doc = pattern.sub(lambda _: section + "\n", doc) if old else doc.rstrip("\n") + "\n\n" + section
open(path, "w", encoding="utf-8").write(doc)
EOF
rm -f "$SECTION"
cat "$REPORT"
