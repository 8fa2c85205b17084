-- Shared by the POST scripts, loaded with dofile from the script's own directory (see create-customer.lua):
-- a distinct number per wrk thread, and the request headers for a JSON body.
local counter = 1

-- wrk calls setup for each thread in its main Lua state, before the threads start; thread:set hands the number
-- to the thread's own Lua state.
function setup(thread)
  thread:set("thread_id", counter)
  counter = counter + 1
end

-- This thread's number (1, 2, ...), given to it by setup; call it from init.
function thread_number()
  return tonumber(wrk.thread:get("thread_id")) or 0
end

-- The headers given with -H (the bearer token) plus the content type: wrk.format replaces, not merges, headers.
-- Built once per thread, on the first request, when wrk.headers holds every -H.
local headers
function json_headers()
  if not headers then
    headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    headers["Content-Type"] = "application/json"
  end
  return headers
end
