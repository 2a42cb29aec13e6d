#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for integration tests / CI.
#
#   scripts/postgres-throwaway.sh install              -> installs the Debian server package if missing (root)
#   scripts/postgres-throwaway.sh start DIR            -> prints one Npgsql connection string on stdout
#   scripts/postgres-throwaway.sh replica PRIMARY DIR  -> hot standby of the cluster started in PRIMARY, streaming
#                                                         from it; prints a read-only connection string on stdout
#   scripts/postgres-throwaway.sh pause DIR            -> stops the server of DIR, keeps its files (idempotent)
#   scripts/postgres-throwaway.sh resume DIR           -> starts a paused DIR again on the same port
#   scripts/postgres-throwaway.sh stop DIR             -> stops the cluster and deletes DIR (idempotent)
#
# This script owns the PostgreSQL set-up of the machine: scripts/ensure-tools.sh postgresql calls `install`, and
# nothing else writes PostgreSQL configuration under /etc.
#
# The cluster is brand new, owned by the `postgres` OS user, listens only on
# 127.0.0.1 (random free port) plus a unix socket inside DIR, and is tuned for
# speed, not durability (fsync/synchronous_commit/full_page_writes off).
# Everything except the connection string goes to stderr so callers can do
#   CS=$(scripts/postgres-throwaway.sh start /tmp/pg)
# The port is also written to DIR/port and the connection string to DIR/connection-string.
#
# Roles (all with the same password): $ROLE below and its companions, ${ROLE}_replicator (streaming replication
# over TCP from 127.0.0.1 only: what `replica` connects as) and ${ROLE}_node (pg_read_all_data: reads every table,
# writes none; the role a cluster node uses on a read-only replica). A replica is a pg_basebackup of the primary,
# so it has the same roles and databases; it accepts only reads while it streams the primary's WAL.
#
# Env overrides: PG_BINDIR (server bin dir), PG_MAX_CONNECTIONS (default 200).
set -euo pipefail

ROLE=govportal            # may create databases; ${ROLE}_nocreatedb (same password) may not, for start-up tests
                          # ${ROLE}_audit (same password) is granted $ROLE: the audit tables' owner (secure-audit)
REPLICATOR=${ROLE}_replicator   # REPLICATION: the role a standby streams WAL as
NODE=${ROLE}_node               # pg_read_all_data: what a portal node uses on a read-only replica
PASSWORD=govportal
MARKER=.postgres-throwaway   # lets `stop` refuse to rm -rf a directory it did not create

log() { printf 'postgres-throwaway: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  echo "usage: $0 install | start DIR | replica PRIMARY_DIR DIR | pause DIR | resume DIR | stop DIR" >&2
  exit 2
}

# Run a command as the postgres OS user: initdb/postgres refuse to run as root.
# `cd /` avoids "could not change directory to /root" noise from runuser.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  elif [[ $(id -un) == postgres ]]; then
    "$@"
  else
    die "must run as root (or as the postgres user)"
  fi
}

# Newest installed server version, e.g. /usr/lib/postgresql/15/bin.
find_bindir() {
  local d=${PG_BINDIR:-}
  if [[ -z $d ]]; then
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  [[ -n $d && -x $d/initdb && -x $d/pg_ctl && -x $d/psql ]] && echo "$d"
}

# Install the Debian server package on a fresh machine (CI). We pre-seed
# create_main_cluster=false so apt does not create/start the default 5432
# cluster, which we never use: every cluster is a throwaway one started here.
NO_MAIN_CLUSTER=/etc/postgresql-common/createcluster.d/govportal-no-main.conf
cmd_install() {
  if [[ -n $(find_bindir || true) ]] && id postgres >/dev/null 2>&1; then
    return
  fi
  if [[ $(id -u) -ne 0 ]]; then
    die "PostgreSQL 服务器程序缺失：请以 root 身份运行 $0 install（或 sudo apt-get install -y postgresql）"
  fi
  log "installing postgresql via apt..."
  mkdir -p "$(dirname "$NO_MAIN_CLUSTER")"
  echo 'create_main_cluster = false' >"$NO_MAIN_CLUSTER"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  [[ -n $(find_bindir || true) ]] || die "postgresql installed but no server binaries under /usr/lib/postgresql/*/bin"
}

ensure_server() {
  cmd_install
  BINDIR=$(find_bindir)
}

source "$(dirname "${BASH_SOURCE[0]}")/free-port.sh"

# EXIT trap while `start` or `replica` is in progress: stop a half-configured server.
STARTING_DATA=""
abort_start() {
  local rc=$?
  if [[ $rc -ne 0 && -n $STARTING_DATA && -f $STARTING_DATA/postmaster.pid ]]; then
    log "start failed, stopping the half-started server"
    as_pg "$BINDIR/pg_ctl" stop -D "$STARTING_DATA" -m immediate >/dev/null 2>&1 || true
  fi
  exit "$rc"
}

# Makes DIR (empty, marked, owned by postgres) and sets NEW_DIR to its absolute path.
NEW_DIR=""
make_cluster_dir() {
  local dir=$1
  if [[ -e $dir ]] && [[ -n $(ls -A "$dir" 2>/dev/null) ]]; then
    die "$dir already exists and is not empty (run '$0 stop $dir' first)"
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)   # absolute: pg_ctl/postgres resolve paths from their own cwd
  [[ $dir != *"'"* ]] || die "DIR must not contain a single quote"
  # unix socket paths are limited to ~107 bytes (sockaddr_un.sun_path)
  (( ${#dir} + 30 < 107 )) || die "DIR path too long for a unix socket: $dir"

  touch "$dir/$MARKER"
  mkdir -p "$dir/socket"
  chown -R postgres: "$dir"
  chmod 700 "$dir"
  # Every parent directory must be traversable by the postgres user.
  as_pg test -w "$dir" || die "postgres user cannot access $dir (check permissions of its parent directories)"
  NEW_DIR=$dir
}

# Starts the server of DIR/data on a free port, sets STARTED_PORT. Retries with another port if someone grabbed
# ours between check and bind.
STARTED_PORT=""
start_on_free_port() {
  local dir=$1 port="" attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    log "starting on 127.0.0.1:$port (attempt $attempt)"
    if launch "$dir" "$port"; then
      break
    fi
    tail -n 20 "$dir/postgres.log" >&2 || true
    port=""
  done
  [[ -n $port ]] || die "server failed to start, see $dir/postgres.log"
  STARTED_PORT=$port
}

launch() {
  local dir=$1 port=$2
  # -l: postgres' own stdout/stderr go to the log file, so it never holds
  # the caller's stdout open (important for CS=$(... start DIR)).
  as_pg "$BINDIR/pg_ctl" start -D "$dir/data" -l "$dir/postgres.log" -w -t 60 -o "-p $port" >&2
}

wait_accepting() {
  local port=$1 i
  # pg_ctl -w already waited, but make sure TCP is accepting too.
  for i in $(seq 1 60); do
    "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
  done
  "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port" || die "server not accepting connections on port $port"
}

# The port of a cluster made here: DIR/port, or the connection string of a cluster started before DIR/port existed.
recorded_port() {
  local dir=$1 port=""
  if [[ -f $dir/port ]]; then
    port=$(<"$dir/port")
  elif [[ -f $dir/connection-string ]]; then
    port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' "$dir/connection-string")
  fi
  [[ $port =~ ^[0-9]+$ ]] || die "no port recorded in $dir (neither $dir/port nor $dir/connection-string)"
  echo "$port"
}

cmd_start() {
  ensure_server
  log "using server binaries in $BINDIR"
  make_cluster_dir "$1"
  local dir=$NEW_DIR

  local data=$dir/data
  log "initdb $data"
  # --no-sync: throwaway data, skip the fsync of the fresh cluster.
  # trust on the unix socket (only reachable inside DIR) so we can bootstrap
  # the role; password (scram) required over TCP, like a real deployment.
  as_pg "$BINDIR/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
    --auth-local=trust --auth-host=scram-sha-256 >&2

  cat >>"$data/postgresql.conf" <<EOF

# --- postgres-throwaway.sh: test-only settings (speed over durability) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/socket'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = ${PG_MAX_CONNECTIONS:-200}
# Streaming replication for \`replica\`: 512MB of WAL kept lets a standby paused for a while catch up on resume.
max_wal_senders = 10
wal_keep_size = 512MB
hot_standby = on
EOF

  cat >>"$data/pg_hba.conf" <<EOF

# --- postgres-throwaway.sh: standbys made by \`replica\` stream from here over TCP ---
host    replication     $REPLICATOR    127.0.0.1/32    scram-sha-256
EOF

  # If anything below fails, do not leave an orphaned server running
  # (EXIT rather than ERR: ERR traps are not inherited by functions/subshells).
  STARTING_DATA=$data
  trap abort_start EXIT

  start_on_free_port "$dir"
  local port=$STARTED_PORT
  wait_accepting "$port"

  as_pg "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/socket" -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'" \
    -c "CREATE ROLE ${ROLE}_nocreatedb LOGIN NOCREATEDB PASSWORD '$PASSWORD'" \
    -c "CREATE ROLE ${ROLE}_audit LOGIN NOCREATEDB PASSWORD '$PASSWORD'" \
    -c "GRANT $ROLE TO ${ROLE}_audit" \
    -c "CREATE ROLE $REPLICATOR LOGIN REPLICATION PASSWORD '$PASSWORD'" \
    -c "CREATE ROLE $NODE LOGIN NOCREATEDB PASSWORD '$PASSWORD'" \
    -c "GRANT pg_read_all_data TO $NODE" >&2

  # Prove the exact credentials work over TCP before handing them out.
  PGPASSWORD=$PASSWORD "$BINDIR/psql" -X -q -At -h 127.0.0.1 -p "$port" -U "$ROLE" -d postgres \
    -c 'select 1' >/dev/null

  trap - EXIT
  local cs="Host=127.0.0.1;Port=$port;Username=$ROLE;Password=$PASSWORD;Database=postgres"
  echo "$port" >"$dir/port"
  echo "$cs" >"$dir/connection-string"
  log "ready: $dir (log: $dir/postgres.log)"
  echo "$cs"
}

cmd_replica() {
  local primary=$1
  ensure_server
  [[ -e $primary/$MARKER ]] || die "$primary was not started by this script (no $MARKER)"
  local primary_port
  primary_port=$(recorded_port "$primary")
  make_cluster_dir "$2"
  local dir=$NEW_DIR data=$NEW_DIR/data

  log "pg_basebackup of 127.0.0.1:$primary_port into $data"
  # -R writes standby.signal and primary_conninfo (with the password), so the copy starts as a standby and
  # reconnects by itself after a pause; -X stream also copies the WAL written during the backup. -c fast: the
  # default spread checkpoint paces its writes over minutes, and a freshly made database leaves many to write.
  as_pg env PGPASSWORD="$PASSWORD" "$BINDIR/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U "$REPLICATOR" \
    -D "$data" -R -X stream -c fast --no-sync >&2 || die "pg_basebackup from 127.0.0.1:$primary_port failed"

  # The copied postgresql.conf still names the primary's socket folder; later lines win.
  cat >>"$data/postgresql.conf" <<EOF

# --- postgres-throwaway.sh: hot standby of $primary ---
unix_socket_directories = '$dir/socket'
listen_addresses = '127.0.0.1'
EOF

  STARTING_DATA=$data
  trap abort_start EXIT

  start_on_free_port "$dir"
  local port=$STARTED_PORT
  wait_accepting "$port"

  local i recovering=""
  for i in $(seq 1 60); do
    recovering=$(as_pg "$BINDIR/psql" -X -q -At -h "$dir/socket" -p "$port" -U postgres -d postgres \
      -c 'SELECT pg_is_in_recovery()' 2>/dev/null || true)
    [[ $recovering == t ]] && break
    sleep 0.5
  done
  [[ $recovering == t ]] || die "server on port $port is not a standby (pg_is_in_recovery), see $dir/postgres.log"

  # Prove the node's credentials work over TCP before handing them out.
  PGPASSWORD=$PASSWORD "$BINDIR/psql" -X -q -At -h 127.0.0.1 -p "$port" -U "$NODE" -d postgres \
    -c 'select 1' >/dev/null

  trap - EXIT
  local cs="Host=127.0.0.1;Port=$port;Username=$NODE;Password=$PASSWORD;Database=postgres"
  echo "$port" >"$dir/port"
  echo "$cs" >"$dir/connection-string"
  log "ready: standby of $primary in $dir (log: $dir/postgres.log)"
  echo "$cs"
}

# DIR must be one this script made; prints its absolute path.
marked_dir() {
  local dir=$1
  [[ -d $dir ]] || die "$dir does not exist"
  [[ -e $dir/$MARKER ]] || die "$dir was not created by this script (no $MARKER)"
  (cd "$dir" && pwd)   # absolute: as_pg runs from /
}

cmd_pause() {
  local dir
  dir=$(marked_dir "$1")
  BINDIR=$(find_bindir) || die "no PostgreSQL server binaries found"
  if ! as_pg "$BINDIR/pg_ctl" status -D "$dir/data" >/dev/null 2>&1; then
    log "$dir is not running, nothing to pause"
    return 0
  fi
  log "pausing server in $dir/data"
  as_pg "$BINDIR/pg_ctl" stop -D "$dir/data" -m fast -w -t 30 >&2
}

cmd_resume() {
  local dir port
  dir=$(marked_dir "$1")
  ensure_server
  port=$(recorded_port "$dir")
  if as_pg "$BINDIR/pg_ctl" status -D "$dir/data" >/dev/null 2>&1; then
    log "$dir is already running"
  else
    log "resuming $dir on 127.0.0.1:$port"
    launch "$dir" "$port" || { tail -n 20 "$dir/postgres.log" >&2 || true; die "server failed to resume on $port"; }
  fi
  wait_accepting "$port"
  log "ready: $dir"
}

cmd_stop() {
  local dir=$1
  if [[ ! -e $dir ]]; then
    log "$dir does not exist, nothing to stop"
    return 0
  fi
  [[ -e $dir/$MARKER ]] || die "$dir was not created by this script (no $MARKER); refusing to delete it"
  dir=$(cd "$dir" && pwd)   # absolute: as_pg runs from /

  local data=$dir/data
  if [[ -f $data/postmaster.pid ]]; then
    local bindir
    bindir=$(find_bindir || true)
    if [[ -n $bindir ]]; then
      log "stopping server in $data"
      # "fast" aborts open sessions (tests may leave pooled connections open).
      as_pg "$bindir/pg_ctl" stop -D "$data" -m fast -w -t 30 >&2 \
        || as_pg "$bindir/pg_ctl" stop -D "$data" -m immediate -w -t 30 >&2 \
        || log "pg_ctl stop failed (server probably already gone)"
    fi
  fi
  rm -rf -- "$dir"
  log "removed $dir"
}

case ${1:-}:$# in
  install:1) cmd_install ;;
  start:2) cmd_start "$2" ;;
  replica:3) cmd_replica "$2" "$3" ;;
  pause:2) cmd_pause "$2" ;;
  resume:2) cmd_resume "$2" ;;
  stop:2) cmd_stop "$2" ;;
  *) usage ;;
esac
