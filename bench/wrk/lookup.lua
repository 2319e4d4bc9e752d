-- POSTs lookups (tracking number + query code) cycling through the sample pairs in $PAIRS.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
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
response = function(status, headers, body) count_status(status) end
