#!/usr/bin/env bash
# Compare a running GovPortal public server against nginx serving the same
# published static files, using wrk.
#
#   bench/serve-bench.sh PUBLIC_DIR APP_URL OUT_FILE
#
# Env:
#   ARTICLE_PATH  (required) e.g. /xwzx/xcyw/202310/t20231012_13.html
#   HOME_PATH     (default /)
#   MISSING_PATH  (default /no/such/page.html)
#   DURATION      (default 10s) measured wrk run per page and server
#   ENCODINGS     (default "identity gzip br") the Accept-Encoding of each row
#   NGINX_PLAIN   (default 0) 1: nginx without the portal's response headers (security headers, cache policy, Vary)
#
# A markdown table is appended to OUT_FILE and printed on stdout; progress
# and wrk's raw output go to stderr.
set -euo pipefail

log() { printf 'serve-bench: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[[ $# -eq 3 ]] || { echo "usage: $0 PUBLIC_DIR APP_URL OUT_FILE" >&2; exit 2; }
PUBLIC_DIR=$(cd "$1" && pwd) || die "PUBLIC_DIR $1 not found"
APP_URL=${2%/}            # paths below start with '/'
OUT_FILE=$3
ARTICLE_PATH=${ARTICLE_PATH:?set ARTICLE_PATH to an article page path, e.g. /xwzx/xcyw/202310/t20231012_13.html}
HOME_PATH=${HOME_PATH:-/}
MISSING_PATH=${MISSING_PATH:-/no/such/page.html}
DURATION=${DURATION:-10s}
ENCODINGS=${ENCODINGS:-identity gzip br}
WRK_ARGS=(-t2 -c32 --latency)

[[ -f $PUBLIC_DIR/index.html ]] || log "warning: $PUBLIC_DIR/index.html missing"
[[ -f $PUBLIC_DIR$ARTICLE_PATH ]] || log "warning: $PUBLIC_DIR$ARTICLE_PATH missing, nginx will 404 on the article"

# --- tools (CI starts from a fresh Debian) -----------------------------------
missing=()
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
# nginx sends the precompressed .br files as GovPortal does only with this module (Debian packages it apart).
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
[[ -f $BROTLI_MODULE ]] || missing+=(libnginx-mod-http-brotli-static)
if ((${#missing[@]})); then
  [[ $(id -u) -eq 0 ]] || die "need ${missing[*]} but not root to install"
  log "installing ${missing[*]}..."
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

source "$(dirname "${BASH_SOURCE[0]}")/../scripts/free-port.sh"

# Minimal HTTP/1.1 GET over /dev/tcp (curl may not be installed): prints the
# status code and Content-Encoding, used to sanity-check both servers serve
# the same thing before benchmarking. HTTP/1.1 matters: gzip_static obeys
# gzip_http_version (default 1.1) and would ignore an HTTP/1.0 request.
probe() { # URL [ENCODING] -> "200 gzip"
  local url=$1 accept=${2:-gzip} hostport path host port status enc="-" line
  hostport=${url#http://}; path=/${hostport#*/}; hostport=${hostport%%/*}
  [[ $url == http://*/* ]] || path=/
  host=${hostport%:*}; port=${hostport##*:}
  [[ $port == "$hostport" ]] && port=80
  { exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null || { echo "unreachable"; return; }
  printf 'GET %s HTTP/1.1\r\nHost: %s\r\nAccept-Encoding: %s\r\nConnection: close\r\n\r\n' "$path" "$hostport" \
    "$accept" >&3
  IFS=' ' read -r -t 10 _ status _ <&3 || status="?"
  while IFS= read -r -t 10 line <&3; do
    line=${line%$'\r'}
    [[ -z $line ]] && break
    [[ ${line,,} == content-encoding:* ]] && enc=${line#*: }
  done
  exec 3<&- 3>&-
  echo "$status $enc"
}

# --- private nginx instance --------------------------------------------------
WORK=$(mktemp -d /tmp/serve-bench.XXXXXX)
NGINX_PID=""
cleanup() {
  if [[ -n $NGINX_PID ]]; then
    kill "$NGINX_PID" 2>/dev/null || true   # SIGTERM = fast shutdown of master + workers
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

NGINX_PORT=$(free_port)
mkdir -p "$WORK/logs" "$WORK/tmp"
MIME_INCLUDE="types { text/html html; text/css css; application/javascript js;"
MIME_INCLUDE+=" image/png png; image/jpeg jpg jpeg; image/svg+xml svg; }"
[[ -f /etc/nginx/mime.types ]] && MIME_INCLUDE="include /etc/nginx/mime.types;"
# Workers of a root master would run as `nobody`, which may not be able to
# read PUBLIC_DIR (e.g. under a 0700 dir); this is a loopback-only bench.
USER_LINE=""
[[ $(id -u) -eq 0 ]] && USER_LINE="user root;"

NGINX_HEADERS=""
if [[ ${NGINX_PLAIN:-0} != 1 ]]; then
  CSP="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
  CSP+="base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
  NGINX_HEADERS="        add_header Content-Security-Policy \"$CSP\" always;
        add_header X-Content-Type-Options nosniff always;
        add_header X-Frame-Options SAMEORIGIN always;
        add_header Referrer-Policy strict-origin-when-cross-origin always;
        add_header Cache-Control \"public, no-cache\" always;
        gzip_vary on;"
fi

cat >"$WORK/nginx.conf" <<EOF
$USER_LINE
load_module $BROTLI_MODULE;
# auto = one worker per core, since Kestrel can also use every core.
worker_processes auto;
daemon off;                      # we run it in the background and own its pid
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 1024; }
http {
    $MIME_INCLUDE
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    # Kestrel has no per-connection request cap; nginx's default (1000) would
    # make wrk reconnect periodically and penalise nginx slightly.
    keepalive_requests 1000000;
    open_file_cache max=10000;
    # keep temp files private instead of the packaged /var/lib/nginx paths
    client_body_temp_path $WORK/tmp/body;
    proxy_temp_path $WORK/tmp/proxy;
    fastcgi_temp_path $WORK/tmp/fastcgi;
    uwsgi_temp_path $WORK/tmp/uwsgi;
    scgi_temp_path $WORK/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root "$PUBLIC_DIR";
        index index.html;
        gzip_static on;          # serve the precompressed x.html.gz …
        brotli_static on;        # … and x.html.br, as GovPortal does
        etag on;
        error_page 404 /404.html;
        # The headers the portal sends with every page (PublicSite/SecurityHeaders.cs, OutputFileServer.cs), so that
        # both servers send the same response, not only the same body. NGINX_PLAIN=1 leaves them out.
$NGINX_HEADERS
    }
}
EOF

"$NGINX" -t -q -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/logs/error.log" >&2 \
  || die "nginx config test failed"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/logs/error.log" </dev/null >&2 &
NGINX_PID=$!
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null && break
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/logs/error.log" >&2; die "nginx exited"; }
  sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null || die "nginx not listening on port $NGINX_PORT"
NGINX_URL=http://127.0.0.1:$NGINX_PORT
log "nginx (pid $NGINX_PID) on $NGINX_URL, root $PUBLIC_DIR"

# --- benchmark ----------------------------------------------------------------
# run_wrk URL DURATION ENCODING -> "REQS_PER_SEC P99"; raw output goes to stderr.
run_wrk() {
  local out rps p99
  out=$(wrk "${WRK_ARGS[@]}" -H "Accept-Encoding: $3" -d"$2" "$1") || die "wrk failed against $1"
  printf '%s\n' "$out" >&2
  # Surface error responses / socket errors: they make req/s meaningless
  # (expected only for the 404 page).
  grep -E 'Non-2xx|Socket errors' <<<"$out" | sed "s|^|serve-bench: note ($1): |" >&2 || true
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "${rps:-0} ${p99:-?}"
}

# Fail early with a clear message rather than via wrk's connect error.
[[ $(probe "$APP_URL$HOME_PATH") != unreachable ]] || die "GovPortal not reachable at $APP_URL"

ROUNDS=${ROUNDS:-3}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# p99 values carry units (us/ms/s): order them by their value in microseconds.
median_text() {
  printf '%s\n' "$@" \
    | awk '{ v = $1; n = v + 0
             if (v ~ /us$/) m = n; else if (v ~ /ms$/) m = n * 1000; else m = n * 1000000
             print m, v }' \
    | sort -g | awk '{ v[NR] = $2 } END { print v[int((NR + 1) / 2)] }'
}

ROWS=()
for entry in "article|$ARTICLE_PATH" "home|$HOME_PATH" "missing (404)|$MISSING_PATH"; do
  name=${entry%%|*}; path=${entry#*|}
  for encoding in $ENCODINGS; do
    app_probe=$(probe "$APP_URL$path" "$encoding"); ngx_probe=$(probe "$NGINX_URL$path" "$encoding")
    log "$name $path ($encoding): GovPortal -> $app_probe, nginx -> $ngx_probe (status, content-encoding)"
    [[ $app_probe == "$ngx_probe" ]] \
      || log "warning: status or encoding differs between servers for $path, not like-for-like"

    # 2s warm-up (JIT, caches, open_file_cache) before measuring; then ROUNDS alternating runs of each server, so
    # that a noisy neighbour on this shared machine hits both alike. Medians are reported.
    run_wrk "$APP_URL$path" 2s "$encoding" >/dev/null
    run_wrk "$NGINX_URL$path" 2s "$encoding" >/dev/null
    app_all=(); ngx_all=(); app_p99s=(); ngx_p99s=()
    for round in $(seq 1 "$ROUNDS"); do
      log "round $round/$ROUNDS, ${DURATION} each: $name $path ($encoding)"
      res=$(run_wrk "$APP_URL$path" "$DURATION" "$encoding"); read -r r p <<<"$res"; app_all+=("$r")
      app_p99s+=("$p")
      res=$(run_wrk "$NGINX_URL$path" "$DURATION" "$encoding"); read -r r p <<<"$res"; ngx_all+=("$r")
      ngx_p99s+=("$p")
    done
    app_rps=$(median "${app_all[@]}"); ngx_rps=$(median "${ngx_all[@]}")
    app_p99=$(median_text "${app_p99s[@]}"); ngx_p99=$(median_text "${ngx_p99s[@]}")

    ratio=$(awk -v a="$app_rps" -v b="$ngx_rps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
    ROWS+=("| $name \`$path\` | $encoding | $app_rps | $app_p99 | $ngx_rps | $ngx_p99 | $ratio |")
  done
done

TABLE=$(
  echo
  echo "### serve-bench $(date -u '+%Y-%m-%d %H:%M UTC'): wrk -t2 -c32, median of $ROUNDS alternating runs of" \
    "$DURATION per page and Accept-Encoding, $(nproc) cores, nginx worker_processes auto"
  echo
  echo "| page | Accept-Encoding | GovPortal req/s | GovPortal p99 | nginx req/s | nginx p99 | ratio |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
)
mkdir -p "$(dirname "$OUT_FILE")"
printf '%s\n' "$TABLE" >>"$OUT_FILE"
printf '%s\n' "$TABLE"
