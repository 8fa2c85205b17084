-- Mixed traffic for bench/soak.sh --connections: wrk -s mixed.lua <url> -- <ids file>. Per connection, in turn:
-- five reads of random seeded customers, a registration, an interaction and a resolve by the e-mail of a seeded
-- customer (seed.<n>@example.org, n from 1 to the number of IDs). wrk counts every non-2xx answer.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")
local ids = {}
local n = 0
local thread_id = 0

function init(args)
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  thread_id = thread_number()
  math.randomseed(os.time() + thread_id)
end

function request()
  n = n + 1
  local step = n % 8
  local pick = math.random(#ids)
  if step == 5 then
    return wrk.format("POST", "/api/v1/customers", json_headers(), string.format(
      '{"givenName":"Crowd","familyName":"C%d-%d","email":"crowd.%d.%d@example.org"}', thread_id, n, thread_id, n))
  elseif step == 6 then
    return wrk.format("POST", "/api/v1/customers/" .. ids[pick] .. "/interactions", json_headers(), string.format(
      '{"type":"WEB_VISIT","channel":"WEB","source":"crowd","externalId":"crowd-%d-%d"}', thread_id, n))
  elseif step == 7 then
    return wrk.format("POST", "/api/v1/resolve", json_headers(),
      string.format('{"email":"seed.%d@example.org"}', pick))
  end
  return wrk.format("GET", "/api/v1/customers/" .. ids[pick])
end
