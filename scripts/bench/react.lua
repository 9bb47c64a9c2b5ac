-- Reacts to one post (BENCH_POST_ID) over and over, each time with another of the five kinds
-- or none, so every request changes the reaction and its counts (and sends a live event).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local kinds = { "like", "celebrate", "support", "insightful", "curious", "" }
local counter = 0
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
local offset = math.random(0, 5)
request = function()
  counter = counter + 1
  local body = "item=post-" .. os.getenv("BENCH_POST_ID") .. "&reaction=" .. kinds[(counter + offset) % 6 + 1]
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Accept"] = "application/json"
  headers["Origin"] = os.getenv("BENCH_ORIGIN")
  return wrk.format("POST", "/api/set_reaction", headers, body)
end
