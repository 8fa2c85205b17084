-- POST /api/v1/customers with a distinct body per request.
local n = 0
local thread_id = 0
local counter = 1

function setup(thread)
  thread:set("thread_id", counter)
  counter = counter + 1
end

function init(args)
  thread_id = tonumber(wrk.thread:get("thread_id")) or 0
end

function request()
  n = n + 1
  local body = string.format(
    '{"givenName":"Bench","familyName":"Create%d-%d","email":"create.%d.%d@example.org"}', thread_id, n, thread_id, n)
  return wrk.format("POST", "/api/v1/customers", json_headers(), body)
end

-- The headers given with -H (the bearer token) plus the content type: wrk.format replaces, not merges, headers.
function json_headers()
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
  return headers
end
