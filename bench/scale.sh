#!/usr/bin/env bash
# Whether a full publish costs the same per page at every size of site: the benchmark site generated at each size
# (10,000, 100,000 and 1,000,000 articles by default), each published once from nothing by `GovPortal.Bench
# publish`. Writes the "Scale" section of docs/benchmarks.md.
#   bash bench/scale.sh [SIZES="10000 100000 1000000"]
# DOC=FILE writes the section into another file (a trial run leaves docs/benchmarks.md as it is).
# A million articles take about 40 GB of disk (database, output with its .gz and .br, object store) and half an hour.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-10000 100000 1000000}
DOC=${DOC:-docs/benchmarks.md}
WORK=$(mktemp -d /tmp/govportal-scale.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

bash scripts/ensure-tools.sh npm
flock /tmp/govportal-build.lock dotnet build GovPortal.sln -c Release -nologo -clp:ErrorsOnly
BENCH="dotnet bench/GovPortal.Bench/bin/Release/net10.0/GovPortal.Bench.dll"

# with_commas N: the whole number N written as the other sections write numbers (1,072).
with_commas() {
  awk -v n="$1" 'BEGIN {
    s = sprintf("%.0f", n)
    while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
    print s out
  }'
}

# One row per size. Every site has a folder of its own and nothing is deleted until the end: on this VM's file
# system (ext4 without a journal), files created soon after many were deleted cost a scan past every freed inode.
for size in $SIZES; do
  site="$WORK/site-$size"
  echo "generating $size articles ..." >&2
  generated=$($BENCH generate "$site" "$size" 2>&1 | grep -o 'generated in [0-9.]* s' | awk '{ print $3 }')
  sync
  echo "publishing $size articles ..." >&2
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" $BENCH publish "$site" >"$WORK/row" 2>"$WORK/log"
  read -r wall user system peak_kb <"$WORK/time"
  sync
  pages=$(grep -m1 -o '| [0-9,]* pages' "$WORK/row" | awk '{ print $2 }' | tr -d ,)
  files=$(find "$site/output/main/public" -type f | wc -l)
  output_mb=$(du -sm "$site/output" | awk '{ print $1 }')
  database_mb=$(du -cm "$site"/govportal.db* | awk 'END { print $1 }')
  cpu_ms=$(awk -v u="$user" -v s="$system" -v p="$pages" 'BEGIN { printf "%.2f", (u + s) * 1000 / p }')
  printf '| %s | %s | %s | %.1f s | **%s pages/s** | **%s ms** | %s MB | %s MB | %s MB | %s s |\n' \
    "$(with_commas "$size")" "$(with_commas "$pages")" "$(with_commas "$files")" "$wall" \
    "$(with_commas "$(awk -v p="$pages" -v w="$wall" 'BEGIN { print p / w }')")" "$cpu_ms" \
    "$(with_commas $((peak_kb / 1024)))" "$(with_commas "$output_mb")" "$(with_commas "$database_mb")" \
    "$generated" >>"$WORK/rows"
  tail -1 "$WORK/rows" >&2
done

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
MEM=$(free -g | awk '/^Mem:/ { print $2 }')
{
  echo "## Scale"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bash bench/scale.sh \"$SIZES\"\` on $(nproc) cores ($CPU)," \
    "${MEM} GiB, Debian $(cut -d. -f1 /etc/debian_version), .NET $(dotnet --version), SQLite, Release build."
  echo "The benchmark site (see Site: 50 channels, articles in the 40 columns) generated at each size and published"
  echo "once from nothing by \`GovPortal.Bench publish\`: every page with its .gz and .br, each written atomically and"
  echo "recorded in the manifest, the object store for the tamper guard, and the search index. Time, CPU (user +"
  echo "system) and peak memory (resident set) are \`/usr/bin/time\`'s for the whole command, start-up included."
  echo
  echo "| articles | pages | files in the output | time | rate | CPU per page | peak memory | output | database |" \
    "generated in |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  cat "$WORK/rows"
} >"$WORK/section.md"
python3 bench/write-section.py "$WORK/section.md" "$DOC"
cat "$WORK/section.md"
