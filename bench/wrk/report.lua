-- Shared by the wrk scripts of `make bench`: prints one machine-readable line per run,
--   RESULT requests=.. seconds=.. rps=.. p50=.. p95=.. p99=.. max=.. non2xx=.. errors=..
-- (latencies in milliseconds), which bench/report.py turns into the table.
bad = 0
function count_status(status)
  if status < 200 or status > 399 then bad = bad + 1 end
end
response = function(status, headers, body) count_status(status) end
-- `response` runs in each thread; the totals are summed in `done` from every thread.
local threads = {}
setup = function(thread) threads[#threads + 1] = thread end
done = function(summary, latency, requests)
  local nb = 0
  for _, t in ipairs(threads) do nb = nb + (t:get("bad") or 0) end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f non2xx=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    nb, e.connect + e.read + e.write + e.timeout))
end
