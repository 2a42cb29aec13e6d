#!/usr/bin/env bash
# What pictures cost: uploads of camera photos (re-encoded, scaled, copies made) and a full publish of the same site
# before and after a share of its articles got a photo. Writes the "Pictures" section of docs/benchmarks.md (the
# other sections are left as they are).
#   bash bench/pictures.sh [ARTICLES=5000] [PHOTOS=200]
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-5000}
PHOTOS=${2:-200}
PLAIN=$(mktemp -d /tmp/govportal-pictures.XXXXXX)
DATA=$(mktemp -d /tmp/govportal-pictures.XXXXXX)
SECTION=$(mktemp)
trap 'rm -rf "$PLAIN" "$DATA" "$SECTION"' EXIT

dotnet build GovPortal.sln -c Release -nologo -clp:ErrorsOnly
BENCH="dotnet bench/GovPortal.Bench/bin/Release/net10.0/GovPortal.Bench.dll"
# The same generated site twice (the generator is seeded); one of them gets the photos, then each is published in
# full for the first time, so both publishes write every file.
$BENCH generate "$PLAIN" "$ARTICLES" >&2
$BENCH generate "$DATA" "$ARTICLES" >&2
UPLOAD=$($BENCH pictures "$DATA" "$PHOTOS" | grep '^|')
sync
WITHOUT=$($BENCH publish "$PLAIN" | grep '^|')
sync
WITH=$($BENCH publish "$DATA" | grep '^|')
rate() { sed -E 's/.*\*\*([0-9,]+) pages\/s\*\*.*/\1/' <<<"$1" | tr -d ,; }
RATIO=$(python3 -c "import sys; print(f'{int(sys.argv[2]) / int(sys.argv[1]):.2f}')" \
  "$(rate "$WITHOUT")" "$(rate "$WITH")")
ROWS=$(printf '%s\n%s\n%s\n' "$UPLOAD" "${WITHOUT/| full publish |/| full publish, no pictures |}" \
  "${WITH/| full publish |/| full publish, $PHOTOS articles with a photo (ratio to no pictures: **$RATIO**) |}")
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
{
  echo "## Pictures"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bash bench/pictures.sh $ARTICLES $PHOTOS\` on $(nproc) cores" \
    "($CPU), SQLite, Release build."
  echo "The same generated site of $ARTICLES articles twice; in one of them $PHOTOS articles each get a 12-megapixel" \
    "JPEG photo, uploaded through"
  echo "the same checks as the back office's form (decoded, turned upright, scaled to 1,920 px, encoded again without" \
    "EXIF, 480 and 960 px"
  echo "copies made, all written to the upload store), placed in the body and chosen as the 题图. Each site is then" \
    "published in full for the first time."
  echo "Each picture and its two copies are published with the article page (three files more, each with its" \
    "manifest entry and object-store copy; pictures are not gzipped or brotli-compressed)."
  echo
  echo "| what | work | time | rate | other |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "$ROWS"
} >"$SECTION"
python3 bench/write-section.py "$SECTION" docs/benchmarks.md
cat "$SECTION"
