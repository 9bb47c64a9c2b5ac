-- Comments on one post through the server function, like the comment box does (durable commit
-- per comment). The post: BENCH_POST_ID.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local counter = 0
-- Each thread and each run its own keys (see create_post.lua).
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
request = function()
  counter = counter + 1
  local body = "post_id=" .. os.getenv("BENCH_POST_ID") .. "&body=Benchmark+comment+" .. counter ..
    "&idempotency_key=bench-" .. math.random(1, 2^31) .. "-" .. counter
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Accept"] = "application/json"
  headers["Origin"] = os.getenv("BENCH_ORIGIN")
  return wrk.format("POST", "/api/create_comment", headers, body)
end
