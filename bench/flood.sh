#!/usr/bin/env bash
# Floods: mixed traffic at a fixed rate against the portal on loopback (published pages, 适老版 and 繁體 pages, assets,
# the 404 page, search, view counts, the public forms with their tokens), then a burst at a multiple of that rate,
# then the rate again; writes the "Floods" section of docs/benchmarks.md (the other sections are left as they are).
#   flock /tmp/govportal-build.lock bash bench/flood.sh [MINUTES=10] [RATE=300]
# On a shared machine run it inside the build lock, as above (it builds, then measures). Environment: WARMUP_SECONDS
# (20), BURST_SECONDS (45), BURST_MULTIPLE (10), RECOVERY_SECONDS (30), ADDRESSES (4096), DOC (docs/benchmarks.md; -
# to print only). Exit status 1 when the steady phase had any answer other than the expected one.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/free-port.sh
MINUTES=${1:-10}
RATE=${2:-300}
WARMUP=${WARMUP_SECONDS:-20}
BURST=${BURST_SECONDS:-45}
MULTIPLE=${BURST_MULTIPLE:-10}
RECOVERY=${RECOVERY_SECONDS:-30}
ADDRESSES=${ADDRESSES:-4096}
DOC=${DOC:-docs/benchmarks.md}
WORK=$(mktemp -d /tmp/govportal-flood.XXXXXX)
APP_PID=""
COUNTERS_PID=""
cleanup() {
  if [[ -n $COUNTERS_PID ]]; then kill "$COUNTERS_PID" 2>/dev/null; wait "$COUNTERS_PID" 2>/dev/null || true; fi
  if [[ -n $APP_PID ]]; then kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build bench/GovPortal.Bench -c Release -nologo -clp:ErrorsOnly >&2
# dotnet-counters and dotnet-gcdump (the repository's tool manifest) record the portal's GC heap beside the RSS the
# bench samples.
dotnet tool restore >&2

# A fresh data folder: the first start creates and publishes the demo site. The portal believes X-Forwarded-For only
# from its trusted proxy, here this machine, so the flood can speak for many citizens' addresses.
PORT=$(free_port)
dotnet src/GovPortal/bin/Release/net10.0/GovPortal.dll --demo --data "$WORK/data" --urls "http://127.0.0.1:$PORT" \
  --trusted-proxy 127.0.0.1 >"$WORK/portal.log" 2>&1 &
APP_PID=$!
# Listening, and the start-up sweep done (it reads every file): measure after both.
for _ in $(seq 1 240); do
  grep -q "Tamper sweep" "$WORK/portal.log" && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  sleep 0.5
done
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || { cat "$WORK/portal.log" >&2; echo "flood: no portal" >&2; exit 1; }

TAKEN='import sqlite3, sys; d = sqlite3.connect(sys.argv[1])
print(*(d.execute(f"select count(*) from {t}").fetchone()[0] for t in ("Letters", "DisclosureApplications")))'
read -r LETTERS0 APPLICATIONS0 < <(python3 -c "$TAKEN" "$WORK/data/govportal.db")
# The managed heap every 5 s: RSS alone cannot tell a leak from memory the GC keeps but does not use.
dotnet dotnet-counters collect --process-id "$APP_PID" --refresh-interval 5 \
  --counters System.Runtime,GovPortal.PublicSite --format csv \
  --output "$WORK/counters.csv" >/dev/null 2>&1 </dev/null &
COUNTERS_PID=$!
PHASES="warm-up:$WARMUP:1,steady:$((MINUTES * 60)):1,burst:$BURST:$MULTIPLE,recovery:$RECOVERY:1"
STATUS=0
FLOOD_COUNTERS="$WORK/counters.csv" FLOOD_GCDUMPS="$WORK" \
  dotnet bench/GovPortal.Bench/bin/Release/net10.0/GovPortal.Bench.dll flood \
  "http://127.0.0.1:$PORT" "$WORK/data" "$APP_PID" "$RATE" "$PHASES" "$ADDRESSES" >"$WORK/figures.md" || STATUS=$?
kill -0 "$APP_PID" 2>/dev/null || { echo "flood: the portal exited during the run" >&2; STATUS=1; }
# What the portal itself logged as failed (fail/crit lines) during the run.
PORTAL_ERRORS=$(grep -cE '^(fail|crit):' "$WORK/portal.log" || true)
PAGES=$(find "$WORK/data/output/main/public" -name '*.html' | wc -l)
read -r LETTERS APPLICATIONS < <(python3 -c "$TAKEN" "$WORK/data/govportal.db")
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
MEM=$(free -g | awk '/^Mem:/ {print $2}')
CORES=$(nproc)

SECTION="$WORK/section.md"
{
  echo "## Floods"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`flock /tmp/govportal-build.lock bash bench/flood.sh $MINUTES" \
    "$RATE\` on $CORES cores ($CPU), ${MEM} GiB, .NET $(dotnet --version), SQLite, Release build: the demo site" \
    "($PAGES published pages), a fresh data folder, the portal started with \`--trusted-proxy 127.0.0.1\` and the" \
    "default limits of this machine (\`--dynamic-limit\` $((4 * CORES)), \`--dynamic-queue\` $((8 * CORES)))." \
    "The load generator (\`GovPortal.Bench flood\`) runs on the same two cores, which other work shared too."
  echo
  echo "Open model: requests start at a fixed rate whether or not earlier ones were answered, and every latency is" \
    "counted from the request's planned start, so a slow answer delays nothing and hides nothing. The mix per 1000" \
    "requests: 380 published pages (home, list and article pages), 100 适老版 and 繁體 pages, 100 assets, 20 missing" \
    "pages (404), 150 searches (the 200 queries of \`bench/search-queries.txt\`, on the results page, 适老版 and the" \
    "API), 200 view counts, 42 form pages (区长信箱, 依申请公开) and 8 form posts (the form page, then the letter or" \
    "application with its token and cookie; the post's latency from its sending). Each request comes from one of" \
    "$ADDRESSES citizens' addresses in X-Forwarded-For. Phases: warm-up ${WARMUP} s (just after start: the JIT" \
    "compiles, and some dynamic requests are shed), steady $MINUTES min at $RATE/s, burst ${BURST} s at" \
    "${MULTIPLE}× the rate, recovery ${RECOVERY} s at $RATE/s. Memory: the portal's RSS every 2 s, and its GC heap" \
    "after each collection every 5 s (\`dotnet-counters\`, System.Runtime), which tells a leak (a heap that keeps" \
    "growing) from memory the GC holds but has not given back; with it the size of the portal's in-memory copy of" \
    "published files (meter GovPortal.PublicSite), which grows by design to its 256 MB budget as more pages are" \
    "read; and the live heap after a full collection (\`dotnet-gcdump\`) just before and just after the steady" \
    "phase (the plan waits for the dump, so no request is counted late for it)."
  echo
  echo "Why $RATE/s: it is far above a district or city portal's real traffic ($((RATE * 86400 / 1000000)) million" \
    "requests a day), and the portal answers it with most of the two cores idle (portal CPU below; 200% is both" \
    "cores). ${MULTIPLE}× that rate takes the two cores, shared with the load generator and other work, to their" \
    "limit: there the portal must choose, and it sheds dynamic requests (503) to keep answering the published pages."
  echo
  cat "$WORK/figures.md"
  echo
  echo "Kept in the database during the run: $((LETTERS - LETTERS0)) letters and" \
    "$((APPLICATIONS - APPLICATIONS0)) 依申请公开 applications (each post answered with a receipt is one of them);" \
    "the portal logged $PORTAL_ERRORS failures (\`fail\`/\`crit\` lines)."
} >"$SECTION"

if [[ $DOC == - ]]; then cat "$SECTION"; exit "$STATUS"; fi
# Replace the previous "## Floods" section (up to the next "## " heading) or append one.
python3 - "$DOC" "$SECTION" <<'PY'
import re, sys
doc, section = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().rstrip("\n") + "\n"
text = open(doc, encoding="utf-8").read()
match = re.search(r"^## Floods\n.*?(?=^## |\Z)", text, flags=re.S | re.M)
if match:
    rest = text[match.end():]
    text = text[:match.start()] + section + ("\n" + rest if rest else "")
else:
    text = text.rstrip("\n") + "\n\n" + section
open(doc, "w", encoding="utf-8").write(text)
PY
cat "$SECTION"
exit "$STATUS"
