#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: PostgreSQL and redis-server (real servers for the
# storage, scheduler and cache tests) and Chromium (the browser the page tests drive through Playwright). With --load it
# also installs what the results-day load script needs (scripts/load-results-day.sh): wrk (the load generator) and
# haproxy (the load balancer in front of two hosts); the test suite needs neither, so ./test.sh never asks for them.
# Does nothing for packages already present. Needs root or sudo only when something is missing; says exactly what when it cannot install.
set -uo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ "${1:-}" = "--load" ]; then
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || need+=(haproxy)
fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "Missing test prerequisites: ${need[*]}" >&2

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "Cannot install them: not running as root and sudo is not available without a password." >&2
    echo "Install them as root, then run the tests again:  apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Cannot install them: apt-get not found (the script supports Debian/Ubuntu). Install ${need[*]} with your package manager." >&2
  exit 1
fi

echo "Installing ${need[*]} with apt-get..." >&2
apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o Acquire::Retries=5 -o DPkg::Lock::Timeout=300)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Quiet when it works; the whole output when it does not.
if ! "${apt[@]}" update -q >"$log" 2>&1; then
  cat "$log" >&2
  echo "apt-get update failed (output above); cannot install ${need[*]}." >&2
  exit 1
fi
if ! "${apt[@]}" install -y -q "${need[@]}" >"$log" 2>&1; then
  cat "$log" >&2
  echo "apt-get install ${need[*]} failed (output above)." >&2
  exit 1
fi
for package in "${need[@]}"; do
  case "$package" in
    postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "postgresql installed but no /usr/lib/postgresql/*/bin/initdb found." >&2; exit 1; } ;;
    redis-server) [ -x /usr/bin/redis-server ] || command -v redis-server >/dev/null 2>&1 || { echo "redis-server installed but not found on PATH." >&2; exit 1; } ;;
    chromium) [ -x /usr/bin/chromium ] || { echo "chromium installed but /usr/bin/chromium is missing." >&2; exit 1; } ;;
    wrk) command -v wrk >/dev/null 2>&1 || { echo "wrk installed but not found on PATH." >&2; exit 1; } ;;
    haproxy) command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || { echo "haproxy installed but not found." >&2; exit 1; } ;;
  esac
done
echo "Installed ${need[*]}." >&2
