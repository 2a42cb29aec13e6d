#!/usr/bin/env bash
# GovPortal's full publish beside Hugo building the same site: the benchmark site exported as a Hugo site
# (GovPortal.Bench export-hugo, templates in bench/hugo/layouts), then RUNS alternating runs of GovPortal's full
# publish, a Hugo build, and a Hugo build followed by gzip and brotli of its pages (GovPortal writes both variants
# of every page, so that row does the same work). Writes the "Hugo" section of docs/benchmarks.md.
#   bash bench/hugo.sh [ARTICLES=100000] [RUNS=3]
# DOC=FILE writes the section into another file (a trial run on a small site leaves docs/benchmarks.md as it is).
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-100000}
RUNS=${2:-3}
DOC=${DOC:-docs/benchmarks.md}
WORK=$(mktemp -d /tmp/govportal-hugo.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

bash scripts/ensure-tools.sh npm hugo
flock /tmp/govportal-build.lock dotnet build GovPortal.sln -c Release -nologo -clp:ErrorsOnly
BENCH="dotnet bench/GovPortal.Bench/bin/Release/net10.0/GovPortal.Bench.dll"

echo "generating $ARTICLES articles in $WORK/corpus ..." >&2
$BENCH generate "$WORK/corpus" "$ARTICLES" >&2
$BENCH export-hugo "$WORK/corpus" "$WORK/hugo" >&2

# timed FILE COMMAND...: runs COMMAND, and appends to FILE its wall time, CPU time (user + system, children
# included) in seconds and peak resident memory in MB (the largest process's, for a pipeline).
timed() {
  local out=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "$@"
  awk '{ printf "%s %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$WORK/time" >>"$out"
}
# The pages a build wrote: its .html files (the .gz and .br variants are not counted).
pages() { find "$1" -type f -name '*.html' | wc -l; }
# Both variants of every .html and .xml file, two compressors at a time, as GovPortal does at publish time
# (gzip level 6; brotli quality 5, window 22).
compress() {
  find "$1" -type f \( -name '*.html' -o -name '*.xml' \) -print0 |
    xargs -0 -P2 -n 500 sh -c 'gzip -6 -k "$@" && brotli -q 5 -w 22 -k "$@"' sh
}
export -f compress
# Average size of a build's .html files, in KB.
average_kb() {
  find "$1" -type f -name '*.html' -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / NR / 1024 }'
}

# Every build writes into a folder of its own, and nothing is deleted until the end: on a file system without a
# journal (this VM's ext4), creating files soon after deleting many makes the kernel skip every recently freed
# inode, which would charge one build for the folder the build before it deleted.
for run in $(seq 1 "$RUNS"); do
  echo "run $run of $RUNS ..." >&2
  cp -a "$WORK/corpus" "$WORK/portal-$run"
  sync
  timed "$WORK/portal.times" $BENCH publish "$WORK/portal-$run" >>"$WORK/portal.rows" 2>"$WORK/portal.log"
  PORTAL_PAGES=$(pages "$WORK/portal-$run/output/main/public")
  PORTAL_KB=$(average_kb "$WORK/portal-$run/output/main/public")
  sync
  timed "$WORK/hugo.times" hugo --quiet -s "$WORK/hugo" -d "$WORK/public-$run"
  HUGO_PAGES=$(pages "$WORK/public-$run")
  HUGO_KB=$(average_kb "$WORK/public-$run")
  # Hugo writes a redirect page for the first page of every paginated list (page/1/); they are among its pages.
  REDIRECTS=$(find "$WORK/public-$run" -path '*/page/1/index.html' | wc -l)
  sync
  timed "$WORK/compressed.times" \
    bash -c 'hugo --quiet -s "$1" -d "$2" && compress "$2"' hugo "$WORK/hugo" "$WORK/compressed-$run"
  COMPRESSED_FILES=$(find "$WORK/compressed-$run" -type f \( -name '*.gz' -o -name '*.br' \) | wc -l)
  sync
done

median() {
  sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); print NR % 2 ? v[m] : (v[m] + v[m + 1]) / 2 }'
}
# column FILE N: the median of column N of a times file (1 wall s, 2 CPU s, 3 peak MB).
column() { awk -v n="$2" '{ print $n }' "$1" | median; }
# with_commas N: the whole number N written as the other sections write numbers (1,072).
with_commas() {
  awk -v n="$1" 'BEGIN {
    s = sprintf("%.0f", n)
    while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
    print s out
  }'
}
# row NAME TIMES PAGES KB: the table row of one way of building the site.
row() {
  local wall cpu memory
  wall=$(column "$2" 1); cpu=$(column "$2" 2); memory=$(column "$2" 3)
  printf '| %s | %s | %s KB | %.1f s | **%s pages/s** | %.2f ms | %s MB |\n' "$1" "$(with_commas "$3")" "$4" \
    "$wall" "$(with_commas "$(awk -v p="$3" -v w="$wall" 'BEGIN { print p / w }')")" \
    "$(awk -v p="$3" -v c="$cpu" 'BEGIN { print c * 1000 / p }')" "$(with_commas "$memory")"
}
rate() { awk -v wall="$(column "$1" 1)" -v pages="$2" 'BEGIN { print pages / wall }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
PORTAL_RATE=$(rate "$WORK/portal.times" "$PORTAL_PAGES")
HUGO_RATE=$(rate "$WORK/hugo.times" "$HUGO_PAGES")
COMPRESSED_RATE=$(rate "$WORK/compressed.times" "$HUGO_PAGES")
# GovPortal's own timer (the publish alone, without starting the process and reading the settings).
OWN_RATE=$(grep -o '\*\*[0-9,]* pages/s' "$WORK/portal.rows" | tr -d '*,' | awk '{ print $1 }' | median)
OWN_RATE=$(with_commas "$OWN_RATE")
OWN_PAGES=$(grep -m1 -o '| [0-9,]* pages' "$WORK/portal.rows" | awk '{ print $2 }')

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
MEM=$(free -g | awk '/^Mem:/ { print $2 }')
HUGO_VERSION=$(hugo version | awk '{ print $2 }')
{
  echo "## Hugo"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bash bench/hugo.sh $ARTICLES $RUNS\` on $(nproc) cores" \
    "($CPU), ${MEM} GiB,"
  echo "Debian $(cut -d. -f1 /etc/debian_version), .NET $(dotnet --version), Hugo $HUGO_VERSION (Debian's package)," \
    "SQLite, Release build."
  echo "The benchmark site ($ARTICLES articles in 50 channels, see Site) is exported by" \
    "\`GovPortal.Bench export-hugo\` as a Hugo"
  echo "site: the same channels as sections, the same published articles (title, date, source, author, body HTML) at"
  echo "the addresses GovPortal gives them, and templates (\`bench/hugo/layouts\`) that render what GovPortal's pages"
  echo "show: the header with the accessibility toolbar's template, the top channels, breadcrumb and footer; article"
  echo "pages; channel lists of twenty with the same pagination; the home page's channel blocks; a feed of twenty per"
  echo "channel. Each build starts from an empty output folder; the three rows alternate (runs of each: $RUNS) and"
  echo "the table gives medians. Time and CPU (user + system) are \`/usr/bin/time\`'s for the whole command, start-up"
  echo "included; memory is the peak resident set of its largest process. Every build writes into a folder of its"
  echo "own, and the folders are deleted after the last run: on this VM's file system (ext4 without a journal), files"
  echo "created within minutes of deleting many others cost the kernel a scan past every recently freed inode, which"
  echo "made a build pay for the folder the build before it deleted."
  echo
  echo "| what | pages (.html) | average page | time | rate | CPU per page | peak memory |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  row "GovPortal full publish: HTML, .gz and .br of every page, manifest, search index" \
    "$WORK/portal.times" "$PORTAL_PAGES" "$PORTAL_KB"
  row "Hugo build: HTML only" "$WORK/hugo.times" "$HUGO_PAGES" "$HUGO_KB"
  row "Hugo build, then \`gzip -6\` and \`brotli -q 5\` of every .html and .xml, two at a time" \
    "$WORK/compressed.times" "$HUGO_PAGES" "$HUGO_KB"
  echo
  echo "GovPortal / Hugo: **$(ratio "$PORTAL_RATE" "$HUGO_RATE")**; GovPortal / (Hugo + compression):" \
    "**$(ratio "$PORTAL_RATE" "$COMPRESSED_RATE")** (pages per second, measured in the same run)."
  echo "GovPortal's own timer, without the process's start-up and counting its feeds and sitemaps as pages too"
  echo "($OWN_PAGES in all), gives $OWN_RATE pages/s."
  echo
  echo "The work is not the same in every respect. GovPortal writes every file under a temporary name and renames it"
  echo "into place, records its SHA-256 in the manifest and keeps a copy in the object store for the tamper guard,"
  echo "builds the search index, and draws a QR code of its address into every article page (inline SVG, which Hugo"
  echo "0.111 has no function to draw: most of the difference in average page size). Its count includes" \
    "$((PORTAL_PAGES - (HUGO_PAGES - REDIRECTS)))"
  echo "pages the Hugo site does not have (statements, site map, 410, 政府信息公开 and 互动交流 pages); Hugo's includes"
  echo "$REDIRECTS redirect pages (\`page/1/\` of every paginated list). The compressed row writes" \
    "$(with_commas "$COMPRESSED_FILES")" \
    ".gz and .br files."
} >"$WORK/section.md"
python3 bench/write-section.py "$WORK/section.md" "$DOC"
cat "$WORK/section.md"
