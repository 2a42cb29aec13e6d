#!/usr/bin/env bash
# The tamper guard's cost on the serving path. Two GovPortal servers run side by side on copies of the same published
# demo site, one with the guard on (as in production) and one with it off, and wrk measures them in alternating runs,
# so that the load of this shared machine hits both alike. The per-request cost of the guard (one check of the file
# on disk for a page held in memory) does not depend on the size of the site.
#   bash bench/guard-bench.sh OUT_FILE     (after a Release build; ROUNDS=5 and DURATION=4s by default)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/free-port.sh
OUT=$1
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-4s}
APP=src/GovPortal/bin/Release/net10.0/GovPortal.dll
WORK=$(mktemp -d /tmp/govportal-guard.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# start MODE DATA PORT LOG: a portal with the guard on or off, back when it listens.
start() {
  GOVPORTAL_TAMPER_GUARD=$1 dotnet "$APP" --demo --data "$2" --urls "http://127.0.0.1:$3" >"$4" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do (exec 3<>"/dev/tcp/127.0.0.1/$3") 2>/dev/null && return; sleep 0.5; done
  cat "$4" >&2
  echo "guard-bench: the portal did not start" >&2
  exit 1
}

# The demo site, published by a first start, then copied for the second server.
port=$(free_port)
start on "$WORK/on" "$port" "$WORK/first.log"
kill "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true
PIDS=()
cp -a "$WORK/on" "$WORK/off"
FIRST_ARTICLE="select Url from Articles where Status='Published' order by Id limit 1"
FIRST_VALUE='import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])'
ARTICLE=$(python3 -c "$FIRST_VALUE" "$WORK/on/govportal.db" "$FIRST_ARTICLE")

ON_PORT=$(free_port)
start on "$WORK/on" "$ON_PORT" "$WORK/on.log"
OFF_PORT=$(free_port)
start off "$WORK/off" "$OFF_PORT" "$WORK/off.log"
# The start-up sweep reads every file: measure after it.
for _ in $(seq 1 240); do grep -q "Tamper sweep" "$WORK/on.log" && break; sleep 0.5; done

rps() { wrk -t2 -c32 -d"$2" -H "Accept-Encoding: gzip" "$1" | awk '/^Requests\/sec:/ {print $2}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

ROWS=()
for entry in "article|$ARTICLE" "home|/"; do
  name=${entry%%|*}; path=${entry#*|}
  rps "http://127.0.0.1:$ON_PORT$path" 2s >/dev/null
  rps "http://127.0.0.1:$OFF_PORT$path" 2s >/dev/null
  on=(); off=(); ratios=()
  for _ in $(seq 1 "$ROUNDS"); do
    a=$(rps "http://127.0.0.1:$ON_PORT$path" "$DURATION"); b=$(rps "http://127.0.0.1:$OFF_PORT$path" "$DURATION")
    on+=("$a"); off+=("$b"); ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", a / b }')")
  done
  ratio=$(median "${ratios[@]}" | awk '{ printf "%.2f", $1 }')
  per_run=$(printf '%s ' "${ratios[@]}" | awk '{ for (i = 1; i <= NF; i++) printf "%.2f%s", $i, (i < NF ? ", " : "") }')
  ROWS+=("| $name \`$path\` | $(median "${on[@]}") | $(median "${off[@]}") | **$ratio** | $per_run |")
done
{
  echo
  echo "### guard-bench $(date -u '+%Y-%m-%d %H:%M UTC'): demo site, wrk -t2 -c32," \
    "$ROUNDS alternating runs of $DURATION per server, Accept-Encoding: gzip, $(nproc) cores"
  echo
  echo "| page | guard on req/s (median) | guard off req/s (median) |" \
    "on / off (median of the runs) | on / off per run |"
  echo "|---|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
} >"$OUT"
cat "$OUT"
