-- GET a random path from the file named by BENCH_PATHS (one path per line), with the bench's bearer token.
-- Used for get-by-id and list pages; every request picks its own line so caches see many keys.
local token = os.getenv("BENCH_TOKEN")
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
math.randomseed(os.time())

request = function()
  local path = paths[math.random(#paths)]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
