#!/usr/bin/env bash
# The platform's figures (集约化): SITES sites with TOTAL articles in all on one install, measured beside a
# single-site install of one site's size in the same run, and served across every host beside nginx serving the
# same folders. Writes the "Platform" section of docs/benchmarks.md.
#   bash bench/platform.sh [SITES=50] [TOTAL=200000] [RUNS=50]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/free-port.sh
SITES=${1:-50}
TOTAL=${2:-200000}
RUNS=${3:-50}
PER_SITE=$((TOTAL / SITES))
# A site in the middle of the platform (site 1 is the first, "main").
MIDDLE=$(printf 's%02d' $((SITES / 2 > 1 ? SITES / 2 : SITES)))
DATA=$(mktemp -d /tmp/govportal-platform.XXXXXX)
SINGLE=$(mktemp -d /tmp/govportal-single.XXXXXX)
WORK=$(mktemp -d /tmp/govportal-platform-work.XXXXXX)
APP_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  rm -rf "$DATA" "$SINGLE" "$WORK"
}
trap cleanup EXIT

bash scripts/ensure-tools.sh npm nginx wrk
dotnet build GovPortal.sln -c Release -nologo -clp:ErrorsOnly
BENCH="dotnet bench/GovPortal.Bench/bin/Release/net10.0/GovPortal.Bench.dll"
RESULTS=$WORK/results

echo "generating $SITES sites with $TOTAL articles in all ..." >&2
$BENCH generate-platform "$DATA" "$SITES" "$TOTAL" >&2
sync
$BENCH publish-platform "$DATA" | grep '^|' >>"$RESULTS"
$BENCH incremental-platform "$DATA" "$RUNS" "$MIDDLE" | grep '^|' >>"$RESULTS"
# The same site alone on an install of its own, in the same run: the reference for "unchanged".
$BENCH generate "$SINGLE" "$PER_SITE" >&2
$BENCH publish "$SINGLE" >/dev/null
$BENCH incremental "$SINGLE" "$RUNS" | grep '^|' | sed 's/^| incremental:/| single site:/' >>"$RESULTS"

# start DATA_DIR SWEEPS: the portal on a data folder (its port in PORT, its process in APP_PID), after the start-up
# sweep of each of its SWEEPS sites. Not in a subshell: the caller needs both.
start() {
  local log=$WORK/portal.log
  PORT=$(free_port)
  dotnet src/GovPortal/bin/Release/net10.0/GovPortal.dll --data "$1" --urls "http://127.0.0.1:$PORT" >"$log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.5; done
  for _ in $(seq 1 2400); do
    [ "$(grep -c 'Tamper sweep (full' "$log" || true)" -ge "$2" ] && break
    sleep 0.5
  done
  echo "sweeps done: $(grep -c 'Tamper sweep (full' "$log" || true) of $2" >&2
}
stop() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
# Resident memory of the portal at rest: after its sweeps, 20 s without a request.
rest_memory() { sleep 20; awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status"; }

start "$SINGLE" 1
SINGLE_MB=$(rest_memory)
stop
start "$DATA" "$SITES"
PLATFORM_MB=$(rest_memory)

# Every site's host, with its home page and its first article, for wrk to go round.
python3 - "$DATA/govportal.db" >"$WORK/targets.lua" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("""select s.HostNames, (select Url from Articles a where a.SiteId = s.Id and a.Status = 'Published'
                     order by a.Id limit 1) from Sites s order by s.Id""").fetchall()
print("targets = {")
for host, url in rows:
    print(f'  {{ "{host}", "{url}" }},')
print("}")
PY
cat >>"$WORK/targets.lua" <<'LUA'
local n = 0
local column = tonumber(os.getenv("COLUMN") or "1")
request = function()
  -- Column 3 is the control: the same script on one host only, the first site's home page.
  n = column == 3 and 1 or n % #targets + 1
  local path = column == 2 and targets[n][2] or "/"
  return wrk.format("GET", path, { ["Host"] = targets[n][1], ["Accept-Encoding"] = "gzip" })
end
LUA

# nginx on the same output folders, the site chosen by the Host header as the portal does.
NGINX_PORT=$(free_port)
mkdir -p "$WORK/logs" "$WORK/tmp"
USER_LINE=""
[ "$(id -u)" -eq 0 ] && USER_LINE="user root;"
cat >"$WORK/nginx.conf" <<CONF
$USER_LINE
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    keepalive_requests 1000000;
    open_file_cache max=10000;
    client_body_temp_path $WORK/tmp/body;
    proxy_temp_path $WORK/tmp/proxy;
    fastcgi_temp_path $WORK/tmp/fastcgi;
    uwsgi_temp_path $WORK/tmp/uwsgi;
    scgi_temp_path $WORK/tmp/scgi;
    map \$host \$site { default main; "~^(?<code>s[0-9]+)\\.localhost\$" \$code; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $DATA/output/\$site/public;
        index index.html;
        gzip_static on;
        error_page 404 /404.html;
    }
}
CONF
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/logs/error.log" </dev/null >&2 &
NGINX_PID=$!
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null && break; sleep 0.1; done

# rps URL COLUMN: requests per second over 5 s (after 2 s of warming up), with the non-2xx count.
rps() {
  COLUMN=$2 wrk -t2 -c32 -d2s -s "$WORK/targets.lua" "$1" >/dev/null
  local out
  out=$(COLUMN=$2 wrk -t2 -c32 -d5s -s "$WORK/targets.lua" "$1")
  echo "$out" >&2
  local errors
  errors=$(awk '/Non-2xx/ {print $4}' <<<"$out")
  echo "$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out") ${errors:-0}"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
SERVING=()
for column in 1 2 3; do
  case $column in
    1) name="home pages of all $SITES hosts in turn" ;;
    2) name="article pages of all $SITES hosts in turn" ;;
    *) name="control: the first site's home page only, same script" ;;
  esac
  app=(); ngx=(); app_errors=0; ngx_errors=0
  for _ in 1 2 3; do
    read -r r e < <(rps "http://127.0.0.1:$PORT" "$column"); app+=("$r"); app_errors=$((app_errors + e))
    read -r r e < <(rps "http://127.0.0.1:$NGINX_PORT" "$column"); ngx+=("$r"); ngx_errors=$((ngx_errors + e))
  done
  a=$(median "${app[@]}"); b=$(median "${ngx[@]}")
  SERVING+=("| $name | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}') \
| $app_errors / $ngx_errors |")
done
stop

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
{
  echo "## Platform"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bash bench/platform.sh $SITES $TOTAL $RUNS\`" \
    "on $(nproc) cores ($CPU), SQLite, Release build:"
  echo "$SITES sites on one install, each the benchmark site's 50 channels with $PER_SITE articles ($TOTAL in all),"
  echo "each published into its own output with its own manifest, search index and tamper guard, and answering its"
  echo "own host name. Beside it, in the same run, one site of the same size on an install of its own."
  echo
  echo "| what | size | time | rate | memory |"
  echo "|---|---|---|---|---|"
  grep 'full publish' "$RESULTS"
  echo
  echo "| incremental publish of one article | latency (end to end) | pages |"
  echo "|---|---|---|"
  grep -E '^\| (platform|single site)' "$RESULTS"
  echo
  echo "Memory at rest (resident, after every site's start-up sweep and 20 s without requests): **$PLATFORM_MB MB**"
  echo "for the $SITES-site platform, $SINGLE_MB MB for the single site: about" \
    "$(( (PLATFORM_MB - SINGLE_MB) / (SITES - 1) )) MB more for each further site (its manifest, its search reader,"
  echo "its tamper guard's state and its watcher)."
  echo
  echo "Serving across every host (wrk -t2 -c32, a Lua script going round the $SITES host names, median of 3"
  echo "alternating runs of 5 s, Accept-Encoding: gzip), against nginx serving the same output folders with the site"
  echo "chosen by a \`map\` of the Host header:"
  echo
  echo "| requests | GovPortal req/s | nginx req/s | ratio | non-2xx (GovPortal / nginx) |"
  echo "|---|---:|---:|---:|---:|"
  printf '%s\n' "${SERVING[@]}"
  echo
  echo "An edit in one site of the platform is compared with the same edit on the single site in the same run: the"
  echo "work is the same (the site's own pages, manifest and index), so the two p95 differ only by the machine's"
  echo "noise. Serving goes round the host names with a Lua script in wrk for both servers; the control row runs the"
  echo "same script on one host, to compare with the single-site ratios in Serving above, measured without a script."
} >"$WORK/section.md"
python3 bench/write-section.py "$WORK/section.md"
cat "$WORK/section.md"
