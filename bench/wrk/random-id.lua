-- GET <prefix><random customer ID>: wrk -s random-id.lua <url> -- <ids file> <path prefix>
local ids = {}
local prefix = "/api/v1/customers/"

function init(args)
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  if args[2] then prefix = args[2] end
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8)) or 0))
end

function request()
  return wrk.format("GET", prefix .. ids[math.random(#ids)])
end
