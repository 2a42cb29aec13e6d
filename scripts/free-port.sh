# Sourced by scripts that start servers on loopback. Defines free_port, which prints a TCP port that is free on
# 127.0.0.1 now: asks the kernel (bind to port 0) through python3, or probes random ports with bash's /dev/tcp when
# python3 is missing. The port may be taken before the caller binds it; callers that care retry.
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local p i
  for i in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  echo "free_port: could not find a free port" >&2
  return 1
}
