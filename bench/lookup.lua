-- wrk script: POSTs lookups (tracking number + query code) cycling through the sample pairs.
local pairs = {}
for line in io.lines(os.getenv("PAIRS")) do
  local t, c = line:match("(%S+) (%S+)")
  pairs[#pairs + 1] = "t=" .. t .. "&c=" .. c
end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
request = function()
  i = i % #pairs + 1
  return wrk.format(nil, "/api/lookup/find", nil, pairs[i])
end
local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("lookups/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50: %.2f ms  p90: %.2f ms  p99: %.2f ms  max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-200 answers: %d of %d\n", summary.errors.status, summary.requests))
end
