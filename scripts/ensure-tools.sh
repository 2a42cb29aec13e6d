#!/usr/bin/env bash
# Installs the Debian packages GovPortal's build and tests need, only when they are missing, so that the run and
# test commands work on a fresh Debian machine that has nothing but the .NET SDK.
#   npm          the build installs OpenCC dictionaries (and later front-end packages) from the npm registry
#   postgresql   the data-layer tests run against a real PostgreSQL as well as SQLite
#   chromium     the browser tests (Playwright drives Debian's chromium; the font renders Chinese text)
set -euo pipefail

need=()
for arg in "$@"; do
  case "$arg" in
    npm) command -v npm >/dev/null 2>&1 || need+=(nodejs npm) ;;
    postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql) ;;
    nginx) command -v nginx >/dev/null 2>&1 || need+=(nginx-light) ;;
    chromium)
      command -v chromium >/dev/null 2>&1 || need+=(chromium)
      dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei) ;;
    wrk) command -v wrk >/dev/null 2>&1 || need+=(wrk) ;;
    *) echo "ensure-tools: unknown tool $arg" >&2; exit 2 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "缺少软件包：${need[*]}。请以 root 身份运行，或先执行：sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "安装依赖软件包：${need[*]}" >&2
apt-get update -qq
# The tests start their own throwaway PostgreSQL cluster; the package's default cluster is not needed.
if printf '%s\n' "${need[@]}" | grep -qx postgresql; then
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/govportal-no-main.conf
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
