#!/usr/bin/env bash
# Runs the fuzz tests of the public endpoints and the parsers longer than the test command does, with a seed.
#   bash bench/fuzz.sh [REQUESTS=20000] [SEED=random]
# A failure names the seed and the request numbers, so that it can be replayed with the same seed.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-20000}
SEED=${2:-$RANDOM}
dotnet build tests/GovPortal.Tests -c Release -nologo -clp:ErrorsOnly
echo "fuzzing with seed $SEED, $REQUESTS requests per test" >&2
GOVPORTAL_FUZZ_SEED=$SEED GOVPORTAL_FUZZ_REQUESTS=$REQUESTS \
  dotnet test tests/GovPortal.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~FuzzTests"
