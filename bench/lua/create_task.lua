-- POST a new task to a random project from BENCH_PATHS (lines: /api/v1/projects/<id>/tasks).
-- Spreading creates over many projects keeps the per-project lock and task count from dominating.
local token = os.getenv("BENCH_TOKEN")
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
math.randomseed(os.time())
local counter = 0

request = function()
  counter = counter + 1
  local body = '{"title":"bench task ' .. counter .. '","priority":"MEDIUM","estimatedHours":2.5}'
  return wrk.format("POST", paths[math.random(#paths)], {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end
