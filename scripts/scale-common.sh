#!/usr/bin/env bash
# Shared by scripts/bench-national.sh and scripts/load-results-day.sh (sourced, not run): the national dataset, a
# throwaway PostgreSQL cluster and redis-server on loopback, and hosts started from the Release build. Everything is
# started under $work and stopped by its own process id when the calling script exits.

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
host_dll="$repo/Scoring.Host/bin/Release/net10.0/Scoring.Host.dll"
pids=()

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# national_dataset <tenants> <seed>: generates national/t<tenants>-s<seed>/ once (samples/generate.cs national mode).
national_dataset() {
  local tenants=$1 seed=$2 dir="$repo/national/t$1-s$2"
  if [ ! -f "$dir/.complete" ]; then
    log "generating the national dataset ($tenants tenants, seed $seed) into $dir"
    (cd "$repo" && dotnet run samples/generate.cs -- national --tenants "$tenants" --seed "$seed" --out "$dir") >&2 || die "the generator failed"
    touch "$dir/.complete"
  fi
  echo "$dir"
}

build_host() {
  if [ "${NO_BUILD:-0}" != 1 ]; then
    log "building Scoring.Host (Release)"
    dotnet build "$repo/Scoring.Host" -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; die "build failed"; }
  fi
  [ -f "$host_dll" ] || die "$host_dll not found"
}

# as_postgres <command>: PostgreSQL refuses to run as root, so as root it runs as the postgres user.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }

# start_postgres: a cluster in $work/pg on a free loopback port (trust authentication, fsync off: a throwaway benchmark
# database, as in the tests), database "scoring"; sets pg_port and pg_conn.
start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$bin/initdb" ] || die "PostgreSQL is not installed: bash scripts/install-prerequisites.sh"
  pg_dir="$work/pg"; pg_bin=$bin; pg_port=$(free_port)
  mkdir -p "$pg_dir"
  if [ "$(id -u)" -eq 0 ]; then chmod 755 "$work"; chown postgres:postgres "$pg_dir"; fi
  as_postgres "$bin/initdb -D $pg_dir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null" || die "initdb failed"
  as_postgres "$bin/pg_ctl -D $pg_dir/data -o '-h 127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c max_connections=300' -l $pg_dir/pg.log -w -t 120 start >/dev/null" \
    || die "PostgreSQL did not start (see $pg_dir/pg.log)"
  as_postgres "$bin/psql -h 127.0.0.1 -p $pg_port -U postgres -qc 'CREATE DATABASE scoring' >/dev/null" || die "CREATE DATABASE failed"
  pg_conn="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=scoring;Maximum Pool Size=100"
  log "PostgreSQL on 127.0.0.1:$pg_port"
}

stop_postgres() { if [ -n "${pg_dir:-}" ]; then as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -m fast stop >/dev/null 2>&1"; fi; pg_dir=; }

# start_redis: redis-server on a free loopback port without persistence; sets redis_port and redis_pid.
start_redis() {
  redis_port=${redis_port:-$(free_port)}
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
  redis_pid=$!; pids+=("$redis_pid")
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && { log "Redis on 127.0.0.1:$redis_port (pid $redis_pid)"; return; }; sleep 0.1; done
  die "redis-server did not start (see $work/redis.log)"
}

stop_redis() { [ -n "${redis_pid:-}" ] && kill "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null; redis_pid=; }

# start_host <name> <port> [configuration arguments…]: a host from the Release build, its log in $work/<name>.log;
# sets host_pid. The arguments are configuration keys (--Key value).
start_host() {
  local name=$1 port=$2; shift 2
  mkdir -p "$work/$name"
  (cd "$work/$name" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
      Logging__LogLevel__Scoring.Host.Samples=Information Logging__LogLevel__Microsoft.Hosting.Lifetime=Information \
      dotnet "$host_dll" --urls "http://127.0.0.1:$port" --Storage:DataDirectory "$work/$name/data" "$@") >"$work/$name.log" 2>&1 &
  host_pid=$!; pids+=("$host_pid")
}

# wait_ready <port> <pid> <seconds>: until /ready answers 200.
wait_ready() {
  local port=$1 pid=$2 limit=$3 waited=0
  until curl -sf -o /dev/null "http://127.0.0.1:$port/ready"; do
    kill -0 "$pid" 2>/dev/null || die "the host on port $port exited (see its log in $work)"
    sleep 1; waited=$((waited + 1))
    [ "$waited" -lt "$limit" ] || die "the host on port $port was not ready after $limit s"
  done
}

rss_mib() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null; }
hwm_mib() { awk '/^VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null; }

cleanup() {
  set +e   # a stopped server's exit status must not end the cleanup early
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  stop_postgres
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; else log "kept $work"; fi
}
