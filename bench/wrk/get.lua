-- GETs the paths listed (one per line) in $PATHS in turn; with no list, the URL's own path.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local paths = {}
local list = os.getenv("PATHS")
if list and list ~= "" then
  for line in io.lines(list) do if line ~= "" then paths[#paths + 1] = line end end
end
local i = 0
request = function()
  if #paths == 0 then return wrk.format("GET") end
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
