#!/usr/bin/env bash
# A national year end to end through the service (issue 15): generates the national dataset (samples/generate.cs
# national mode) unless present, starts one host from the Release build on an empty SQLite or PostgreSQL database with
# it as the samples, and reports what the host's first start logs and measures: the import of every tenant (rule sets,
# units, groups, submissions; reported separately), then the runs of 2025 for every tenant and rule set through the
# service's run path (RunService → RunExecutor → RunPublisher: score, rank, award, publish), and the host's memory.
# A benchmark, not a test. Usage:
#   scripts/bench-national.sh [--db sqlite|postgres] [--tenants 1-34] [--seed N] [--keep]
# NO_BUILD=1 skips the build. Prints "key: value" lines on stdout; progress on stderr.
set -euo pipefail
source "$(dirname "$0")/scale-common.sh"
db=sqlite tenants=34 seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --tenants) tenants=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) die "unknown option $1 (known: --db sqlite|postgres, --tenants N, --seed N, --keep)" ;;
  esac
done
case "$db" in sqlite|postgres) ;; *) die "--db must be sqlite or postgres" ;; esac
work=$(mktemp -d /tmp/bench-national.XXXXXX)
trap cleanup EXIT
dataset=$(national_dataset "$tenants" "$seed")
build_host
args=(--Seed:SamplesDirectory "$dataset/samples" --Seed:CatalogDirectory "$dataset/rules-catalog" --Seed:DemoAccounts false)
[ "$db" = postgres ] && { start_postgres; args+=(--ConnectionStrings:Postgres "$pg_conn"); }
port=$(free_port)
started=$(date +%s.%N)
start_host host "$port" "${args[@]}"
log "host pid $host_pid on port $port: importing and publishing (follow $work/host.log)"
wait_ready "$port" "$host_pid" 3600
total=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
units=$(awk -F, 'FNR > 1 {n++} END {print n}' "$dataset"/samples/*/units.csv)
imported=$(grep -o 'Imported the rule sets and [0-9]* sample tenants in .*' "$work/host.log" | head -1 || true)
published=$(grep -o 'Published [0-9]* sample runs of [0-9]* in .*' "$work/host.log" | head -1 || true)
[ -n "$published" ] || die "the host logged no published runs (see $work/host.log)"
echo "database: $db"
echo "tenants: $tenants"
echo "units: $units"
echo "import: $imported"
echo "runs: $published"
echo "first start to ready: $total s"
echo "host resident memory after the start: $(rss_mib "$host_pid") MiB (peak $(hwm_mib "$host_pid") MiB)"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")
echo "home page after the start: HTTP $code"
