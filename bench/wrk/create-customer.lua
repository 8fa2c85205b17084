-- POST /api/v1/customers with a distinct body per request.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")
local n = 0
local thread_id = 0

function init(args)
  thread_id = thread_number()
end

function request()
  n = n + 1
  local body = string.format(
    '{"givenName":"Bench","familyName":"Create%d-%d","email":"create.%d.%d@example.org"}', thread_id, n, thread_id, n)
  return wrk.format("POST", "/api/v1/customers", json_headers(), body)
end
