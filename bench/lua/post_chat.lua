-- POST a chat message to a random room from BENCH_PATHS (lines: /api/v1/rooms/<id>/messages).
-- Posts to one room are numbered under that room's lock, so spreading them over rooms measures the post itself.
local token = os.getenv("BENCH_TOKEN")
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
math.randomseed(os.time())
local counter = 0

request = function()
  counter = counter + 1
  local body = '{"content":"bench message ' .. counter .. '"}'
  return wrk.format("POST", paths[math.random(#paths)], {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end
