#!/usr/bin/env bash
# Results day (issue 15): two hosts behind haproxy on one PostgreSQL with Redis, serving the national dataset's published
# 2025 results, loaded by wrk on loopback with paths spread over every published unit and group (scripts/load/paths.txt
# is built from the dataset: the card API, the HTML card, the group ranking API, the tenant's year page, the home page).
# Bounded: every wrk run has a fixed duration and rate, every server listens on 127.0.0.1 only and is stopped at exit.
#
#   scripts/load-results-day.sh [--tenants 1-34] [--seed N] [--rate 1000] [--duration 60] [--steps "1500 2000 3000"]
#                               [--phases all|kinds,rate,steps,noredis,faults] [--keep]
#
# Phases: kinds = each kind of path alone (closed loop, 10 s: rate, latency, processor time and bytes per request);
# rate = the goal (--rate for --duration through the balancer: p99 < 20 ms, no errors); steps = higher rates
# (15 s each) until p99 ≥ 50 ms or errors, the highest passing one is reported; noredis = a third host without Redis
# on the same database, the same rate and steps straight to it; faults = at --rate through the balancer in 15 s
# segments: Redis stopped, Redis started again, one host killed (SIGKILL), with the published cards' bytes compared
# before and after. Also the resident memory of a host. NO_BUILD=1 skips the build. Figures on stdout.
set -euo pipefail
source "$(dirname "$0")/scale-common.sh"
tenants=34 seed=1 rate=1000 duration=60 steps="1500 2000 2500 3000 4000" phases=all
while [ $# -gt 0 ]; do
  case "$1" in
    --tenants) tenants=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --phases) phases=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) die "unknown option $1 (known: --tenants, --seed, --rate, --duration, --steps, --phases, --keep)" ;;
  esac
done
[ "$duration" -le 600 ] || die "--duration is at most 600 s"
[ "$phases" = all ] && phases=kinds,rate,steps,noredis,faults
want() { [[ ",$phases," == *",$1,"* ]]; }
command -v wrk >/dev/null || die "wrk is not installed: bash scripts/install-prerequisites.sh --load"
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || die "haproxy is not installed: bash scripts/install-prerequisites.sh --load"
haproxy_bin=$(command -v haproxy || echo /usr/sbin/haproxy)
work=$(mktemp -d /tmp/results-day.XXXXXX)
trap cleanup EXIT
dataset=$(national_dataset "$tenants" "$seed")
build_host

# Paths: every unit in a 2025 group gets its card (API and HTML); every group its ranking; every tenant its year page.
paths="$work/paths.txt"
for dir in "$dataset"/samples/*/; do
  t=$(basename "$dir")
  awk -F, -v t="$t" 'FNR > 1 {
      printf "/api/tenants/%s/results/2025/units/%s\n/ket-qua/%s/2025/%s\n", t, $4, t, $4
      if (!seen[$1]++) printf "/api/tenants/%s/results/2025/groups/%s\n", t, $1 }' "$dir/groups-2025.csv"
  echo "/ket-qua/$t/2025"
done >"$paths"
echo "/" >>"$paths"
log "$(wc -l <"$paths") paths over $tenants tenants"

start_postgres
start_redis
redis_conf="127.0.0.1:$redis_port,abortConnect=false"
common=(--ConnectionStrings:Postgres "$pg_conn" --Seed:SamplesDirectory "$dataset/samples" --Seed:CatalogDirectory "$dataset/rules-catalog"
  --Seed:DemoAccounts false --Auth:SigningKey "results-day-load-test-signing-key-0123456789abcdef")
port_a=$(free_port); port_b=$(free_port); port_lb=$(free_port)
t0=$(date +%s)
start_host a "$port_a" "${common[@]}" --Redis:Configuration "$redis_conf" --Scheduler:InstanceId a; pid_a=$host_pid
log "host a (pid $pid_a, port $port_a) imports and publishes the national year on PostgreSQL"
wait_ready "$port_a" "$pid_a" 3600
echo "national year imported and published on PostgreSQL by host a: $(( $(date +%s) - t0 )) s ($(grep -ho 'Published [0-9]* sample runs.*' "$work/a.log" | head -1))"
start_host b "$port_b" "${common[@]}" --Redis:Configuration "$redis_conf" --Scheduler:InstanceId b; pid_b=$host_pid
wait_ready "$port_b" "$pid_b" 600
log "host b (pid $pid_b, port $port_b) ready"

cat >"$work/haproxy.cfg" <<CFG
global
  maxconn 4096
defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 10s
  retries 2
  option redispatch
  retry-on conn-failure empty-response response-timeout
  option http-keep-alive
frontend results
  bind 127.0.0.1:$port_lb
  default_backend hosts
backend hosts
  balance roundrobin
  option httpchk GET /ready
  default-server inter 500ms fall 2 rise 2
  server a 127.0.0.1:$port_a check
  server b 127.0.0.1:$port_b check
CFG
"$haproxy_bin" -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
pids+=($!)
sleep 1
curl -sf -o /dev/null "http://127.0.0.1:$port_lb/ready" || die "haproxy does not answer (see $work/haproxy.log)"
log "haproxy on 127.0.0.1:$port_lb in front of a and b"

threads=2
ticks_per_second=$(getconf CLK_TCK)
serving=()   # the hosts' process ids whose processor time is counted per request
cpu_ticks() { local p sum=0; for p in "${serving[@]}"; do [ -r "/proc/$p/stat" ] && sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$sum"; }
# load <port> <rate or 0 for as fast as possible> <seconds> <label>: one bounded wrk run; prints one table row.
load() {
  local port=$1 r=$2 seconds=$3 label=$4 list=${5:-$paths} connections out before cpu
  connections=$(( r > 0 ? (r / 25 > 16 ? r / 25 : 16) : 64 ))
  [ "$connections" -le 400 ] || connections=400
  before=$(cpu_ticks)
  out=$(WRK_PATHS="$list" WRK_SEED="$seed" WRK_RATE="$r" WRK_THREADS=$threads \
    wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 5s -s "$repo/scripts/load/results-day.lua" "http://127.0.0.1:$port" 2>&1 | grep '^RESULT' || true)
  [ -n "$out" ] || die "wrk printed no result"
  cpu=$(awk -v t=$(( $(cpu_ticks) - before )) -v hz="$ticks_per_second" -v line="$out" 'BEGIN { split(line, f, /[ =]/); for (i = 1; i in f; i++) if (f[i] == "requests") n = f[i + 1]; printf "%.2f", (n > 0 ? 1000 * t / hz / n : 0) }')
  last_p99=$(sed -E 's/.* p99=([0-9.]+) .*/\1/' <<<"$out")
  last_errors=$(awk '{ n = 0; for (i = 2; i <= NF; i++) if ($i ~ /^(connect|read|write|timeout|status)=/) { split($i, kv, "="); n += kv[2] } print n }' <<<"$out")
  last_rate=$(sed -E 's/.* rate=([0-9]+) .*/\1/' <<<"$out")
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$([ "$r" -gt 0 ] && echo "$r" || echo "unbounded")" "$connections" "$cpu" "${out#RESULT }"
}
header() { echo; echo "$1"; echo "| run | target req/s | connections | hosts' processor ms per request | wrk result (latencies in ms) |"; echo "|---|---:|---:|---:|---|"; }

# steps_to <port> <label>: the given rates for 15 s each while p99 < 50 ms and no errors; the highest that passes.
steps_to() {
  local port=$1 label=$2 best=none r
  for r in $steps; do
    load "$port" "$r" 15 "$label $r req/s"
    if awk -v p="$last_p99" 'BEGIN { exit !(p < 50) }' && [ "$last_errors" -eq 0 ] && [ "$last_rate" -ge $(( r * 95 / 100 )) ]; then best=$r; else break; fi
  done
  load "$port" 0 15 "$label unbounded (closed loop)"
  echo "highest rate with p99 < 50 ms and no errors ($label): $best req/s"
}

cards_digest() { # sha256 of the published card API answers of the first 300 units, read from host a
  awk '/^\/api\/tenants\/.*\/units\// && n++ < 300' "$paths" | while read -r p; do curl -s --max-time 10 "http://127.0.0.1:$port_a$p" || echo "failed $p"; echo; done | sha256sum | cut -c1-16
}
published_runs() { as_postgres "$pg_bin/psql -h 127.0.0.1 -p $pg_port -U postgres -d scoring -Atc 'SELECT count(*), coalesce(sum(length(result_json)), 0) FROM scoring_runs WHERE published_at IS NOT NULL'" || echo "psql failed"; }
before_digest=$(cards_digest); before_runs=$(published_runs)

echo; echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
header "Warm-up (10 s at 500 req/s through haproxy, not a figure)"
load "$port_lb" 500 10 "warm-up"

serving=("$pid_a" "$pid_b")
if want kinds; then
  header "Each kind of page alone (10 s, closed loop, 16 connections, through haproxy)"
  for kind in "api card:^/api/tenants/.*/units/" "HTML card:^/ket-qua/[^/]*/2025/." "api group ranking:^/api/tenants/.*/groups/" "HTML year page:^/ket-qua/[^/]*/2025\$" "home page:^/\$"; do
    grep -E "${kind#*:}" "$paths" >"$work/kind.txt" || true
    [ -s "$work/kind.txt" ] && load "$port_lb" 0 10 "${kind%%:*} ($(wc -l <"$work/kind.txt") paths)" "$work/kind.txt"
  done
fi
if want rate; then
  header "Goal: two hosts with Redis behind haproxy"
  load "$port_lb" "$rate" "$duration" "two hosts + Redis"
  if awk -v p="$last_p99" 'BEGIN { exit !(p < 20) }' && [ "$last_errors" -eq 0 ] && [ "$last_rate" -ge $(( rate * 95 / 100 )) ]; then
    echo "goal met: $last_rate req/s for $duration s, p99 $last_p99 ms < 20 ms, no errors"
  else
    echo "goal NOT met: $last_rate req/s for $duration s, p99 $last_p99 ms (goal < 20 ms), $last_errors errors"
  fi
  echo "host a resident memory after the run: $(rss_mib "$pid_a") MiB (peak $(hwm_mib "$pid_a") MiB); host b: $(rss_mib "$pid_b") MiB"
fi
if want steps; then
  header "Highest rate: two hosts with Redis behind haproxy"
  steps_to "$port_lb" "two hosts + Redis"
fi
if want noredis; then
  port_c=$(free_port)
  start_host c "$port_c" "${common[@]}" --Scheduler:InstanceId c; pid_c=$host_pid
  wait_ready "$port_c" "$pid_c" 600
  serving=("$pid_c")
  load "$port_c" 300 10 "warm-up c" >/dev/null
  header "One host without Redis (host c, same database)"
  load "$port_c" "$rate" "$duration" "one host, no Redis"
  steps_to "$port_c" "one host, no Redis"
  echo "host c resident memory: $(rss_mib "$pid_c") MiB (peak $(hwm_mib "$pid_c") MiB)"
  kill "$pid_c"; wait "$pid_c" 2>/dev/null || true
  serving=("$pid_a" "$pid_b")
fi
if want faults; then
  header "Faults under load at $rate req/s through haproxy (15 s segments; the fault 3 s into its segment)"
  # fault <label> <command>: a 15 s segment at the rate with the command run 3 s into it (in this shell, so its servers are tracked).
  fault() {
    load "$port_lb" "$rate" 15 "$1" >"$work/segment.txt" & local loading=$!
    sleep 3; eval "$2"; wait "$loading"; cat "$work/segment.txt"
  }
  load "$port_lb" "$rate" 15 "before the faults"
  fault "Redis stopped" 'stop_redis'
  load "$port_lb" "$rate" 15 "Redis still down"
  fault "Redis started again" 'start_redis'
  load "$port_lb" "$rate" 15 "Redis back"
  fault "host b killed (SIGKILL)" 'kill -9 "$pid_b"'
  load "$port_lb" "$rate" 15 "host a alone"
  after_digest=$(cards_digest); after_runs=$(published_runs)
  echo "published runs (count|result bytes) before: $before_runs, after: $after_runs; cards of 300 units sha256 before: $before_digest, after: $after_digest"
  [ "$before_digest" = "$after_digest" ] && [ "$before_runs" = "$after_runs" ] && echo "nothing published was lost or changed" || echo "PUBLISHED DATA CHANGED"
fi
echo "host a resident memory at the end: $(rss_mib "$pid_a") MiB (peak $(hwm_mib "$pid_a") MiB)"
