-- wrk script of scripts/load-results-day.sh: every request takes a random path of $WRK_PATHS (the national dataset's
-- published cards, HTML cards, group rankings and home page), seeded per thread by $WRK_SEED; when $WRK_RATE is set the
-- threads together send that many requests per second on a fixed schedule (the delay before each request is computed
-- from the wall clock, so slow answers do not lower the rate while connections are free); done() prints one
-- machine-readable line with the rate, the latency percentiles and the errors.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } wrk_timespec;
  int clock_gettime(int clock_id, wrk_timespec *tp);
]]
local ts = ffi.new("wrk_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

local paths = {}
local interval, next_due = 0, 0
function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  math.randomseed(tonumber(os.getenv("WRK_SEED") or "1") * 1000 + index)
  local rate = tonumber(os.getenv("WRK_RATE") or "0")
  local count = tonumber(os.getenv("WRK_THREADS") or "1")
  if rate > 0 then interval = 1000 * count / rate end
end

local headers = { ["Accept-Encoding"] = "gzip, br", ["Accept-Language"] = "vi-VN,vi;q=0.9" }
function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

function delay()
  if interval == 0 then return 0 end
  local t = now_ms()
  if next_due == 0 then next_due = t end
  next_due = next_due + interval
  local wait = next_due - t
  if wait < 0 then
    -- Behind schedule (every connection was busy): do not burst to catch up by more than one second.
    if wait < -1000 then next_due = t end
    return 0
  end
  return math.floor(wait)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rate=%.0f bytes/req=%.0f p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.requests, seconds, summary.requests / seconds, summary.bytes / math.max(1, summary.requests), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000, e.connect, e.read, e.write, e.timeout, e.status))
end
