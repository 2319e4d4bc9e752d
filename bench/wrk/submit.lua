-- POSTs new information requests, each with its own form token, so every answered request is a
-- durably stored case (the server answers 302 to the receipt once the case is committed).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local unit = os.getenv("UNIT") or "1"
local n = 0
local prefix
init = function(args)
  -- a different prefix per thread keeps tokens unique across threads and runs
  prefix = string.format("%08x%08x", math.random(0, 0x7fffffff), os.time() % 0x7fffffff)
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
local rest = "&applicant_type=person&applicant_name=%E7%8E%8B%E5%BB%BA%E5%9B%BD&id_type=idcard" ..
  "&id_number=11010519491231002X&phone=13900000000&email=&address=&unit_id=" .. unit ..
  "&subject=%E5%8E%8B%E5%8A%9B%E6%B5%8B%E8%AF%95%E7%94%B3%E8%AF%B7" ..
  "&description=%E7%94%B3%E8%AF%B7%E5%85%AC%E5%BC%80%E6%9C%AC%E5%8E%BF%E9%A2%84%E7%AE%97" ..
  "&purpose=&delivery=online"
request = function()
  n = n + 1
  return wrk.format(nil, "/api/apply/submit", nil, string.format("token=%s%016x", prefix, n) .. rest)
end
