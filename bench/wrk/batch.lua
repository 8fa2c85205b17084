-- POST /api/v1/interactions/batch with 1,000 new web visits per request: wrk -s batch.lua <url> -- <ids file>
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")
local ids = {}
local n = 0
local thread_id = 0
-- Seconds at start-up, so that a second wrk run (after a warm-up, say) sends new externalIds, not retries of the
-- first run's, which the service would answer as DUPLICATE without storing anything.
local run = os.time()

function init(args)
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  thread_id = thread_number()
  math.randomseed(thread_id * 7919)
end

function request()
  n = n + 1
  local items = {}
  for i = 1, 1000 do
    items[i] = string.format(
      '{"customerId":"%s","type":"WEB_VISIT","channel":"WEB","source":"wrk","externalId":"%d-t%d-r%d-i%d"}',
      ids[math.random(#ids)], run, thread_id, n, i)
  end
  local body = '{"items":[' .. table.concat(items, ",") .. ']}'
  return wrk.format("POST", "/api/v1/interactions/batch", json_headers(), body)
end
