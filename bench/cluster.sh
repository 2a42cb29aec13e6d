#!/usr/bin/env bash
# The cluster's figures (docs/deployment.md), every part on this machine: a PostgreSQL primary and a hot standby
# streaming from it, Redis, one origin writing to the primary, two public nodes following it from the standby, and
# nginx in front of them through deploy/nginx/govportal.conf. Measured in one run: how long a new node takes to copy
# a site of ARTICLES articles, requests per second through nginx with one node and with two (beside a node answering
# alone and nginx serving a node's output folder itself), and how long a change on the origin takes until both
# nodes serve it. Writes the "Cluster" section of docs/benchmarks.md.
#   bash bench/cluster.sh [ARTICLES=20000] [RUNS=30]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/free-port.sh
ARTICLES=${1:-20000}
RUNS=${2:-30}
ROUNDS=3
BEGAN=$(date +%s)
WORK=$(mktemp -d /tmp/govportal-cluster.XXXXXX)
# The postgres OS user runs both servers and must reach their folders inside.
chmod 755 "$WORK"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  bash scripts/postgres-throwaway.sh stop "$WORK/standby" >/dev/null 2>&1 || true
  bash scripts/postgres-throwaway.sh stop "$WORK/primary" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
log() { printf 'cluster: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

bash scripts/ensure-tools.sh nginx wrk redis postgresql
flock /tmp/govportal-build.lock dotnet build bench/GovPortal.Bench -c Release -nologo -clp:ErrorsOnly >&2
APP="src/GovPortal/bin/Release/net10.0/GovPortal.dll"
BENCH="bench/GovPortal.Bench/bin/Release/net10.0/GovPortal.Bench.dll"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# The status code of GET PATH on a loopback PORT, 000 when nothing answers (curl may not be installed).
http_status() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$2" >&3
    IFS=' ' read -r -t 10 _ status _ <&3 && echo "$status"
  ) 2>/dev/null || echo 000
}
# wait_status PORT PATH SECONDS PID: until GET PATH answers 200, while the process PID lives.
wait_status() {
  local deadline=$(($(date +%s) + $3))
  until [ "$(http_status "$1" "$2")" = 200 ]; do
    kill -0 "$4" 2>/dev/null || die "process $4 ended while waiting for $2 on port $1"
    [ "$(date +%s)" -lt "$deadline" ] || die "$2 on port $1 did not answer 200 within $3 s"
    sleep 0.05
  done
}
# wait_log FILE TEXT SECONDS: until the log has a line with TEXT.
wait_log() {
  local deadline=$(($(date +%s) + $3))
  until grep -q "$2" "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || die "no \"$2\" in $1 within $3 s"
    sleep 0.2
  done
}

# --- PostgreSQL: the primary with the generated site, then the standby copied from it ----------------------------
PRIMARY_SERVER=$(bash scripts/postgres-throwaway.sh start "$WORK/primary")
PRIMARY_PORT=$(<"$WORK/primary/port")
sql() { # PORT ROLE QUERY
  PGPASSWORD=govportal psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U "$2" -d govportal_bench -c "$3"
}
PGPASSWORD=govportal psql -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U govportal -d postgres \
  -c "CREATE DATABASE govportal_bench" >&2
# The throwaway server commits asynchronously, which holds a commit's WAL back from the standby until the WAL
# writer's next round (up to 0.6 s later); the portal's database commits synchronously, PostgreSQL's default.
sql "$PRIMARY_PORT" govportal "ALTER DATABASE govportal_bench SET synchronous_commit = on"
PRIMARY=${PRIMARY_SERVER/Database=postgres/Database=govportal_bench}
log "generating $ARTICLES articles into PostgreSQL ..."
dotnet "$BENCH" generate-postgres "$PRIMARY" "$ARTICLES" >&2
STANDBY_SERVER=$(bash scripts/postgres-throwaway.sh replica "$WORK/primary" "$WORK/standby")
STANDBY_PORT=$(<"$WORK/standby/port")
STANDBY=${STANDBY_SERVER/Database=postgres/Database=govportal_bench}
# Until the standby has replayed everything committed on the primary so far. The throwaway primary commits with
# synchronous_commit off: a synchronous commit that writes WAL flushes every commit before it out to the standby.
wait_replayed() {
  local target
  # psql prints the result of every statement: the position is the last line.
  target=$(sql "$PRIMARY_PORT" govportal "BEGIN; SET LOCAL synchronous_commit = on;
    SELECT pg_logical_emit_message(true, 'govportal-bench', 'replay mark'); COMMIT;
    SELECT pg_current_wal_lsn()" | tail -n 1)
  for _ in $(seq 1 1200); do
    [ "$(sql "$STANDBY_PORT" govportal_node "SELECT pg_last_wal_replay_lsn() >= '$target'::pg_lsn")" = t ] && return
    sleep 0.1
  done
  die "the standby did not replay up to $target within 120 s"
}

REDIS_PORT=$(free_port)
mkdir -p "$WORK/redis"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK/redis" \
  --daemonize no --loglevel warning >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
REDIS=127.0.0.1:$REDIS_PORT

# --- The origin's first start on the database: it publishes the whole site, every file a row of a generation ----
ORIGIN_PORT=$(free_port)
log "origin: first start, publishing $ARTICLES articles into its output and PostgreSQL ..."
STARTED=$(now)
dotnet "$APP" serve --data "$WORK/origin" --database "$PRIMARY" --redis "$REDIS" \
  --urls "http://127.0.0.1:$ORIGIN_PORT" >"$WORK/origin.log" 2>&1 &
ORIGIN_PID=$!
PIDS+=("$ORIGIN_PID")
wait_status "$ORIGIN_PORT" /healthz 3600 "$ORIGIN_PID"
ORIGIN_START=$(since "$STARTED")
wait_log "$WORK/origin.log" 'Tamper sweep (full' 1800
ORIGIN_PUBLISH=$(grep -o 'Full publish: .*' "$WORK/origin.log" | head -n 1)
log "origin answered after $ORIGIN_START s: $ORIGIN_PUBLISH"
# The origin stays down while nodes copy and serve, so that nothing but them (and the standby) takes the cores;
# the changes are made later by an origin started again in GovPortal.Bench.
kill "$ORIGIN_PID"
wait "$ORIGIN_PID" 2>/dev/null || true
wait_replayed
read -r GENERATION OUTPUT_FILES OUTPUT_MB < <(sql "$STANDBY_PORT" govportal_node \
  "SELECT (SELECT generation FROM output_sites WHERE site = 'main'),
     (SELECT count(*) FROM output_files WHERE site = 'main' AND sha256 IS NOT NULL),
     (SELECT round(sum(size) / 1048576.0) FROM output_files WHERE site = 'main' AND sha256 IS NOT NULL)" \
  | tr '|' ' ')
OBJECTS_MB=$(sql "$STANDBY_PORT" govportal_node "SELECT pg_total_relation_size('output_objects') / 1048576")

# --- New nodes on empty folders: the time until they can serve, one after the other -----------------------------
NODE_PORTS=()
NODE_PIDS=()
SYNC_SECONDS=()
# start_node N: a node on an empty folder; records its port, its process and its time until it could serve.
start_node() {
  local port
  port=$(free_port)
  mkdir -p "$WORK/node$1"
  STARTED=$(now)
  dotnet "$APP" serve --public-node --data "$WORK/node$1" --database "$STANDBY" --redis "$REDIS" \
    --trusted-proxy 127.0.0.1 --urls "http://127.0.0.1:$port" >"$WORK/node$1.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  wait_status "$port" /healthz 3600 "$pid"
  wait_status "$port" / 60 "$pid"
  SYNC_SECONDS+=("$(since "$STARTED")")
  NODE_PORTS+=("$port")
  NODE_PIDS+=("$pid")
  log "node $1 served after ${SYNC_SECONDS[-1]} s: $(grep -o 'Site main is at generation .*' "$WORK/node$1.log" \
    | head -n 1)"
  # Its start-up sweep hashes every file it wrote: the next measurement waits for it.
  wait_log "$WORK/node$1.log" 'Tamper sweep (full' 1800
}
start_node 1
start_node 2
NODE_MB=$(du -sm "$WORK/node1" | cut -f1)

# --- nginx: the sample configuration in front of one node, and of both; and serving node 1's folder itself -------
ARTICLE=$(sql "$PRIMARY_PORT" govportal \
  "SELECT \"Url\" FROM \"Articles\" WHERE \"Status\" = 'Published' ORDER BY \"Id\" LIMIT 1")
USER_LINE=""
[ "$(id -u)" -eq 0 ] && USER_LINE="user root;"
# start_nginx NAME SERVER_BLOCKS: an nginx of its own in WORK/NAME; its port in NGINX_PORT.
start_nginx() {
  local dir=$WORK/$1
  mkdir -p "$dir/logs" "$dir/tmp"
  cat >"$dir/nginx.conf" <<CONF
$USER_LINE
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    # wrk keeps its connections; nginx's default of 1000 requests each would make it reconnect.
    keepalive_requests 1000000;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
$2
}
CONF
  "$NGINX" -t -q -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" || die "nginx $1: bad configuration"
  "$NGINX" -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" </dev/null >&2 &
  PIDS+=($!)
  NGINX_MASTER=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null && return; sleep 0.1; done
  die "nginx $1 did not listen on $NGINX_PORT"
}
# front NAME NODE_PORT...: deploy/nginx/govportal.conf with what a deployment fills in, as NginxServer.cs does.
front() {
  local name=$1 port
  shift
  mkdir -p "$WORK/$name"
  NGINX_PORT=$(free_port)
  for port in "$@"; do echo "server 127.0.0.1:$port max_fails=2 fail_timeout=5s;"; done >"$WORK/$name/nodes.conf"
  local sample=deploy/nginx/govportal.conf
  for placeholder in "include /etc/nginx/govportal-nodes.conf;" "server 10.0.1.10:5080;" "listen 80;"; do
    grep -qF "$placeholder" "$sample" || die "$sample no longer contains \"$placeholder\""
  done
  sed -e "s|include /etc/nginx/govportal-nodes.conf;|include $WORK/$name/nodes.conf;|" \
    -e "s|server 10.0.1.10:5080;|server 127.0.0.1:$ORIGIN_PORT;|" \
    -e "s|listen 80;|listen 127.0.0.1:$NGINX_PORT;|" "$sample" >"$WORK/$name/govportal.conf"
  start_nginx "$name" "    include $WORK/$name/govportal.conf;"
}
front front1 "${NODE_PORTS[0]}"
FRONT1_PORT=$NGINX_PORT
FRONT1_MASTER=$NGINX_MASTER
front front2 "${NODE_PORTS[@]}"
FRONT2_PORT=$NGINX_PORT
FRONT2_MASTER=$NGINX_MASTER
NGINX_PORT=$(free_port)
start_nginx static "    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/node1/output/main/public;
        index index.html;
        gzip_static on;
        error_page 404 /404.html;
    }"
STATIC_PORT=$NGINX_PORT
for port in "${NODE_PORTS[0]}" "$FRONT1_PORT" "$FRONT2_PORT" "$STATIC_PORT"; do
  for path in / "$ARTICLE"; do
    [ "$(http_status "$port" "$path")" = 200 ] || die "GET $path on port $port does not answer 200"
  done
done

# --- Requests per second ----------------------------------------------------------------------------------------
# CPU time in clock ticks: the machine's (all of /proc/stat's first line) and a process's (user + system).
machine_ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $5 + $6 }' /proc/stat; }
process_ticks() {
  local pid total=0
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')))
  done
  echo "$total"
}
# rps PORT PATH: requests per second over 5 s, the non-2xx count and the CPU time wrk took (clock ticks).
TICKS_PER_SECOND=$(getconf CLK_TCK)
rps() {
  local out
  # `times` in the command substitution's own shell (not in a pipe, which would be a shell of its own): its second
  # line, the last of the output, is the CPU time of the wrk that shell waited for.
  out=$(
    wrk -t2 -c32 -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$1$2"
    times
  )
  echo "$out" >&2
  local errors
  errors=$(awk '/Non-2xx/ { print $4 }' <<<"$out")
  echo "$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out") ${errors:-0}" \
    "$(tail -n 1 <<<"$out" | awk -v hz="$TICKS_PER_SECOND" '{ split($1, u, "m"); split($2, s, "m");
      printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * hz }')"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
share() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }'; }
TARGETS=(node front1 front2 static)
declare -A PORT_OF=([node]=${NODE_PORTS[0]} [front1]=$FRONT1_PORT [front2]=$FRONT2_PORT [static]=$STATIC_PORT)
SERVING=()
CPU_ROWS=()
for page in home article; do
  path=/
  [ "$page" = article ] && path=$ARTICLE
  declare -A ALL=() ERRORS=()
  for target in "${TARGETS[@]}"; do
    wrk -t2 -c32 -d2s -H 'Accept-Encoding: gzip' "http://127.0.0.1:${PORT_OF[$target]}$path" >/dev/null
    ALL[$target]=""
    ERRORS[$target]=0
  done
  # Where the two cores go during the runs through nginx to both nodes.
  MACHINE=0 IDLE=0 NGINX_T=0 NODE1_T=0 NODE2_T=0 WRK_T=0
  for round in $(seq 1 "$ROUNDS"); do
    log "$page page, round $round of $ROUNDS"
    for target in "${TARGETS[@]}"; do
      read -r m0 i0 < <(machine_ticks)
      workers=$(pgrep -P "$FRONT2_MASTER" | tr '\n' ' ')
      # shellcheck disable=SC2086
      n0=$(process_ticks $workers)
      a0=$(process_ticks "${NODE_PIDS[0]}")
      b0=$(process_ticks "${NODE_PIDS[1]}")
      read -r r e w < <(rps "${PORT_OF[$target]}" "$path")
      ALL[$target]+="$r "
      ERRORS[$target]=$((${ERRORS[$target]} + e))
      [ "$target" = front2 ] || continue
      read -r m1 i1 < <(machine_ticks)
      # shellcheck disable=SC2086
      NGINX_T=$((NGINX_T + $(process_ticks $workers) - n0))
      NODE1_T=$((NODE1_T + $(process_ticks "${NODE_PIDS[0]}") - a0))
      NODE2_T=$((NODE2_T + $(process_ticks "${NODE_PIDS[1]}") - b0))
      WRK_T=$((WRK_T + w))
      MACHINE=$((MACHINE + m1 - m0))
      IDLE=$((IDLE + i1 - i0))
    done
  done
  declare -A MEDIAN=()
  # shellcheck disable=SC2086
  for target in "${TARGETS[@]}"; do MEDIAN[$target]=$(median ${ALL[$target]}); done
  SERVING+=("| $page \`$path\` | ${MEDIAN[node]} | ${MEDIAN[front1]} | ${MEDIAN[front2]} | ${MEDIAN[static]} \
| **$(ratio "${MEDIAN[front2]}" "${MEDIAN[front1]}")** | $(ratio "${MEDIAN[front1]}" "${MEDIAN[node]}") \
| $(ratio "${MEDIAN[front2]}" "${MEDIAN[static]}") \
| ${ERRORS[node]} / ${ERRORS[front1]} / ${ERRORS[front2]} / ${ERRORS[static]} |")
  CPU_ROWS+=("| $page | $(share "$NODE1_T" "$MACHINE") | $(share "$NODE2_T" "$MACHINE") \
| $(share "$NGINX_T" "$MACHINE") | $(share "$WRK_T" "$MACHINE") \
| $(share "$((MACHINE - IDLE - NODE1_T - NODE2_T - NGINX_T - WRK_T))" "$MACHINE") | $(share "$IDLE" "$MACHINE") |")
done

# --- Publish to visible: the origin started again, in GovPortal.Bench, makes the changes --------------------------
log "publish to visible: $RUNS edits and $RUNS new articles ..."
dotnet "$BENCH" cluster-visibility "$WORK/origin" "$PRIMARY" "$REDIS" "$RUNS" \
  "http://127.0.0.1:${NODE_PORTS[0]}" "http://127.0.0.1:${NODE_PORTS[1]}" | grep '^|' >"$WORK/visibility"
cat "$WORK/visibility" >&2

# --- The section ----------------------------------------------------------------------------------------------------
per10k() { awk -v s="$1" -v n="$ARTICLES" 'BEGIN { printf "%.1f", s * 10000 / n }'; }
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
MEMORY=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
DEBIAN=$(cut -d. -f1 /etc/debian_version 2>/dev/null || echo "?")
PG_VERSION=$(sql "$PRIMARY_PORT" govportal "SHOW server_version" | cut -d' ' -f1)
NGINX_VERSION=$("$NGINX" -v 2>&1 | sed 's|.*nginx/||')
REDIS_VERSION=$(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/')
PAGES=$(grep -o 'Full publish: [0-9]* pages' "$WORK/origin.log" | head -n 1 | awk '{ print $3 }')
MINUTES=$((($(date +%s) - BEGAN + 59) / 60))
{
  echo "## Cluster"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bash bench/cluster.sh $ARTICLES $RUNS\` on $(nproc) cores" \
    "($CPU), $MEMORY, Debian $DEBIAN, .NET $(dotnet --version), PostgreSQL $PG_VERSION, nginx $NGINX_VERSION," \
    "Redis $REDIS_VERSION, Release build (the run took $MINUTES min)."
  echo "Everything of docs/deployment.md on this one machine, on loopback: a PostgreSQL primary and a hot standby"
  echo "streaming from it (\`scripts/postgres-throwaway.sh\`: fsync and synchronous commit off), Redis, the origin"
  echo "(\`serve --database\` the primary) and two public nodes (\`serve --public-node --database\` the standby as the"
  echo "read-only role, \`--redis\`), nginx in front through \`deploy/nginx/govportal.conf\` as shipped, with only the"
  echo "addresses filled in. The site is the benchmark site (see Site) with $ARTICLES articles, generated into"
  echo "PostgreSQL (\`GovPortal.Bench generate-postgres\`): $PAGES pages, $OUTPUT_FILES files with their .gz and .br"
  echo "($OUTPUT_MB MB), published by the origin on its first start ($ORIGIN_START s from its start until it"
  echo "answered) as generation $GENERATION; the contents the nodes copy take $OBJECTS_MB MB in \`output_objects\`."
  echo
  echo "### A new node"
  echo
  echo "A node started on an empty data folder copies every file from the standby, checks each against its"
  echo "SHA-256, writes it, builds its own search index from the standby's articles, and only then answers. From the"
  echo "start of its process until \`/healthz\` answers 200 and the home page answers (node 1, then node 2 while"
  echo "node 1 ran idle; the origin stopped):"
  echo
  echo "| node | until it served | per 10,000 articles | its data folder |"
  echo "|---|---:|---:|---:|"
  echo "| node 1 | ${SYNC_SECONDS[0]} s | **$(per10k "${SYNC_SECONDS[0]}") s** | $NODE_MB MB |"
  echo "| node 2 | ${SYNC_SECONDS[1]} s | **$(per10k "${SYNC_SECONDS[1]}") s** | |"
  echo
  echo "### Publish to visible"
  echo
  echo "The origin, started again on its folder and the primary inside \`GovPortal.Bench cluster-visibility\` (as"
  echo "\`serve\` runs it, after its start-up sweep), changes articles through its publisher as the back office's"
  echo "publish does; both nodes are asked directly every 10 ms, each on its own, from the moment the change starts"
  echo "until both answer 200 with it. Each run starts at a random moment of the nodes' quarter-second reading"
  echo "interval. The edited articles are drawn at random; the new ones go to the top of a column of" \
    "$((ARTICLES / 40)) articles. The portal's database commits synchronously (PostgreSQL's default; the throwaway"
  echo "server's own setting, asynchronous, would hold each commit back from the standby until the WAL writer's next"
  echo "round, up to 0.6 s later)."
  echo
  echo "| change | the origin's publish (generation committed) | until both nodes serve it | not served |"
  echo "|---|---|---|---:|"
  cat "$WORK/visibility"
  echo
  echo "### Serving through nginx"
  echo
  echo "wrk -t2 -c32, Accept-Encoding: gzip, median of $ROUNDS alternating runs of 5 s (after 2 s of warming up each):"
  echo "node 1 answering wrk itself; nginx through the sample configuration in front of node 1 alone, and of both"
  echo "nodes; and nginx serving node 1's output folder itself (\`gzip_static\`), the reference. Every nginx has"
  echo "\`worker_processes auto\` (two workers here)."
  echo
  echo "| page | node alone req/s | nginx → 1 node | nginx → 2 nodes | nginx, files | **2 nodes / 1 node** \
| nginx → 1 node / node alone | nginx → 2 nodes / nginx, files | non-2xx |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${SERVING[@]}"
  echo
  echo "Where the two cores went during the runs through nginx to both nodes (shares of all the machine's CPU time"
  echo "over those runs, from /proc; \"the rest\" is every other process of the machine, PostgreSQL and Redis"
  echo "included):"
  echo
  echo "| page | node 1 | node 2 | nginx workers | wrk | the rest | idle |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${CPU_ROWS[@]}"
  echo
  echo "What limits these figures: every part shares the same two cores. A second node adds no core, only a second"
  echo "process competing for them, so two nodes through nginx cannot serve more than one; each request now goes"
  echo "through nginx and then a node, which is two servers' work on the same cores where one did it before (the"
  echo "\"nginx → 1 node / node alone\" column), and wrk, which makes and reads every request itself, takes its share"
  echo "of the same cores too. On separate machines each node brings its own cores, and nginx in front passes"
  echo "requests on with little work per request, so the rate grows with the nodes until nginx's machine or the"
  echo "network is the limit; this machine cannot show that. The ratio against nginx serving the files shows the"
  echo "cost of the proxy hop, not of the nodes. The new node's copy and the publish-to-visible times share the cores"
  echo "with the standby's replay, the other node's following and, for the latter, the origin's own publish and the"
  echo "10 ms polling: on machines of their own they would be shorter, not longer. A node reads the standby every"
  echo "quarter of a second, so about 125 ms of every publish-to-visible time is that wait, on average."
} >"$WORK/section.md"
python3 bench/write-section.py "$WORK/section.md"
cat "$WORK/section.md"
