-- PATCH /api/v1/customers/{id} (merge patch, If-Match the version this script expects): wrk -t 2 -s
-- patch-customer.lua <url> -- <file of "id version" lines>. Each of the two wrk threads patches its own half of the
-- customers in turn and counts their versions from the file's, so that a customer is patched again only after a
-- whole round of the others. A 412 means the count went wrong (an earlier patch of it failed); wrk reports it as
-- non-2xx.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")
local ids = {}
local versions = {}
local next_index = 0
local n = 0

function init(args)
  local thread_id = thread_number()
  local threads = 2
  local i = 0
  for line in io.lines(args[1]) do
    if i % threads == (thread_id - 1) % threads then
      local id, version = line:match("^(%S+)%s+(%d+)$")
      ids[#ids + 1] = id
      versions[#ids] = tonumber(version)
    end
    i = i + 1
  end
end

function request()
  next_index = next_index % #ids + 1
  n = n + 1
  local headers = {}
  for name, value in pairs(json_headers()) do headers[name] = value end
  headers["Content-Type"] = "application/merge-patch+json"
  headers["If-Match"] = '"' .. versions[next_index] .. '"'
  versions[next_index] = versions[next_index] + 1
  return wrk.format("PATCH", "/api/v1/customers/" .. ids[next_index], headers,
    string.format('{"familyName":"Patched%d"}', n))
end
