-- Asks for the path with a query parameter that changes on every request, which the page
-- ignores but the page cache keys on: every answer is made afresh (what a page costs when
-- something changed since the person's last visit, or on their first).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
local counter = 0
local thread_tag = tostring({}):match("0x(%x+)") or "0"
request = function()
  counter = counter + 1
  local separator = wrk.path:find("?", 1, true) and "&" or "?"
  return wrk.format("GET", wrk.path .. separator .. "fresh=" .. thread_tag .. "-" .. counter)
end
