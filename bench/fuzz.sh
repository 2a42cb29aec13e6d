#!/usr/bin/env bash
# Runs the fuzz tests of the public endpoints and the parsers longer than the test command does, with a seed, and
# writes the "Hostile input" section of docs/benchmarks.md (the other sections are left as they are).
#   bash bench/fuzz.sh [REQUESTS=20000] [SEED=random]
# A failure names the seed and the request numbers, so that it can be replayed with the same seed; a failed run
# leaves docs/benchmarks.md as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-20000}
SEED=${2:-$RANDOM}
REPORT=$(mktemp)
trap 'rm -f "$REPORT"' EXIT
dotnet build tests/GovPortal.Tests -c Release -nologo -clp:ErrorsOnly
echo "fuzzing with seed $SEED, $REQUESTS requests per test" >&2
started=$(date +%s)
GOVPORTAL_FUZZ_SEED=$SEED GOVPORTAL_FUZZ_REQUESTS=$REQUESTS GOVPORTAL_FUZZ_REPORT=$REPORT \
  dotnet test tests/GovPortal.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~FuzzTests"
minutes=$(( ($(date +%s) - started + 59) / 60 ))

SECTION=$(mktemp)
{
  echo "## Hostile input"
  echo
  echo "\`bash bench/fuzz.sh $REQUESTS $SEED\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), about $minutes minutes; every check"
  echo "passed. \`PublicEndpointFuzzTests\` sends $REQUESTS generated requests to the demo portal (paths, query"
  echo "strings, headers and the bodies of every public form, in both its forms, mostly with a valid form token so"
  echo "that the handlers behind the guard run); \`ParserFuzzTests\` gives $((REQUESTS / 2)) generated texts to each"
  echo "parser. A run fails on any server error other than 503, a stack trace in an answer, an answer slower than"
  echo "30 s or a parser throwing anything but its documented refusal; the test command runs 1,200 of each."
  echo "\"connection closed\": the server answered 413 or 400 and closed the connection on a body it would not read"
  echo "(the client saw the close before the answer); \"not sent\" would be a request the client itself refused."
  echo
  echo "| suite | target | inputs | answered | slowest |"
  echo "|---|---|---:|---|---:|"
  grep '^| ' "$REPORT"
  echo
  grep '^- ' "$REPORT"
} >"$SECTION"
python3 bench/write-section.py "$SECTION" docs/benchmarks.md
rm -f "$SECTION"
cat "$REPORT"
