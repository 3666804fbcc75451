-- POST /api/v1/plugins (install as an upsert) for a random slug from BENCH_PATHS (one slug per line): every slug
-- is installed already, so each request is a re-install (lock by slug, compare, update, outbox event).
local token = os.getenv("BENCH_TOKEN")
local slugs = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then slugs[#slugs + 1] = line end
end
math.randomseed(os.time())
local counter = 0

request = function()
  counter = counter + 1
  local slug = slugs[math.random(#slugs)]
  local body = '{"slug":"' .. slug .. '","name":"Bench ' .. slug .. '","version":"1.0.' .. (counter % 1000)
      .. '","type":"INTEGRATION","permissions":["read:tasks"],"manifest":{"entry":"index.js"}}'
  return wrk.format("POST", "/api/v1/plugins", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end
