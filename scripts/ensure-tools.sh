#!/usr/bin/env bash
# Installs the Debian packages GovPortal's build and tests need, only when they are missing, so that the run and
# test commands work on a fresh Debian machine that has nothing but the .NET SDK.
#   npm          the build installs OpenCC dictionaries (and later front-end packages) from the npm registry
#   postgresql   the data-layer tests run against a real PostgreSQL as well as SQLite
#   chromium     the browser tests (Playwright drives Debian's chromium; the font renders Chinese text)
#   redis nginx  the cluster tests: public nodes share view counts and rate limits through Redis, nginx in front
#   hugo         bench/hugo.sh builds the benchmark site with Hugo too, compresses its pages (brotli) and times
#                both (/usr/bin/time)
set -euo pipefail

need=()
postgresql=no
for arg in "$@"; do
  case "$arg" in
    npm) command -v npm >/dev/null 2>&1 || need+=(nodejs npm) ;;
    postgresql) postgresql=yes ;;
    nginx) command -v nginx >/dev/null 2>&1 || need+=(nginx-light) ;;
    redis) command -v redis-server >/dev/null 2>&1 || need+=(redis-server) ;;
    chromium)
      command -v chromium >/dev/null 2>&1 || need+=(chromium)
      dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei) ;;
    wrk) command -v wrk >/dev/null 2>&1 || need+=(wrk) ;;
    hugo)
      command -v hugo >/dev/null 2>&1 || need+=(hugo)
      command -v brotli >/dev/null 2>&1 || need+=(brotli)
      [ -x /usr/bin/time ] || need+=(time) ;;
    *) echo "ensure-tools: unknown tool $arg" >&2; exit 2 ;;
  esac
done

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "缺少软件包：${need[*]}。请以 root 身份运行，或先执行：sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "安装依赖软件包：${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi
# PostgreSQL's set-up (the package without its default cluster) belongs to the throwaway-cluster script.
if [ "$postgresql" = yes ]; then
  bash "$(dirname "$0")/postgres-throwaway.sh" install
fi
