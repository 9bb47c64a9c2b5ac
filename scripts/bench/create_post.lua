-- Creates posts through the server function, like the composer does (durable commit per post).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local counter = 0
-- Each thread and each run its own keys (wrk starts every thread with the same random sequence,
-- and a repeated key is answered with the post it made before, not a new one).
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
request = function()
  counter = counter + 1
  local body = "body=Benchmark+post+" .. counter .. "+with+**markdown**&idempotency_key=bench-" .. math.random(1, 2^31) .. "-" .. counter
  -- wrk.format uses either its argument or wrk.headers (the -H flags), so merge them.
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Accept"] = "application/json"
  headers["Origin"] = os.getenv("BENCH_ORIGIN")
  return wrk.format("POST", "/api/create_post", headers, body)
end
