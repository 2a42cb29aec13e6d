#!/usr/bin/env bash
# Search on a platform of SITES sites with TOTAL articles in all (站群搜索 at a million articles): every site's index
# built one after another, then the 200 queries of bench/search-queries.txt on one site's own index and on all the
# indexes read as one. Writes the "Search across sites" section of docs/benchmarks.md.
#   bash bench/search-platform.sh [SITES=50] [TOTAL=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
SITES=${1:-50}
TOTAL=${2:-1000000}
DATA=$(mktemp -d /tmp/govportal-search-platform.XXXXXX)
WORK=$(mktemp -d /tmp/govportal-search-platform-work.XXXXXX)
trap 'rm -rf "$DATA" "$WORK"' EXIT

flock /tmp/govportal-build.lock dotnet build GovPortal.sln -c Release -nologo -clp:ErrorsOnly
BENCH="dotnet bench/GovPortal.Bench/bin/Release/net10.0/GovPortal.Bench.dll"

echo "generating $SITES sites with $TOTAL articles in all ..." >&2
GENERATED=$( { /usr/bin/time -f '%e' $BENCH generate-platform "$DATA" "$SITES" "$TOTAL" >&2; } 2>&1 | tail -1)
sync
/usr/bin/time -f '%M' -o "$WORK/memory" $BENCH search-platform "$DATA" bench/search-queries.txt \
  | grep '^|' >"$WORK/rows"
PEAK=$(awk '{ printf "%.0f", $1 / 1024 }' "$WORK/memory")

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
{
  echo "## Search across sites"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bash bench/search-platform.sh $SITES $TOTAL\` on $(nproc)" \
    "cores ($CPU),"
  echo "SQLite, Release build. $SITES sites of $((TOTAL / SITES)) generated articles each (the benchmark site's"
  echo "channels and kind of text, each site with its own seed), $TOTAL in all, generated in ${GENERATED} s."
  echo "Each site's index is built from the database on its own (\`reindex\`: read, extract text, analyse, write),"
  echo "one site after another; then the 200 queries of \`bench/search-queries.txt\` run through the whole search"
  echo "path (cleaning, segmentation, the Lucene query, the count, the first page of ten with highlighted excerpts),"
  echo "three passes after a warm-up: on the index of one site in the middle of the platform, and from the first"
  echo "site over every site's index read as one (全部站点: a Lucene MultiReader, one ranking and one count across"
  echo "the sites)."
  echo
  echo "| what | work | median | p95 | other |"
  echo "|---|---|---|---|---|"
  cat "$WORK/rows"
  echo
  echo "Peak resident memory of the process that built the indexes and ran the searches: $PEAK MB."
} >"$WORK/section.md"
python3 bench/write-section.py "$WORK/section.md"
cat "$WORK/section.md"
