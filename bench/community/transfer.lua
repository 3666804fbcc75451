-- POST a points transfer of 1 point between two members of the bench guild, each with a fresh transfer id.
-- BENCH_MODE=spread: a random pair among BENCH_MEMBERS members (rarely contended);
-- BENCH_MODE=hot: always members 1 and 2, in alternating directions (every transfer waits for the previous one).
local token = os.getenv("BENCH_TOKEN")
local guild = os.getenv("BENCH_GUILD")
local base = tonumber(os.getenv("BENCH_BASE"))
local members = tonumber(os.getenv("BENCH_MEMBERS"))
local hot = os.getenv("BENCH_MODE") == "hot"
local path = "/api/v1/guilds/" .. guild .. "/transfers"
local counter = 0

setup = function(thread)
  thread:set("seed", math.random(1, 1000000000))
end

init = function(args)
  math.randomseed(os.time() + (seed or 0))
end

local function uuid()
  return string.format("%08x-%04x-4%03x-a%03x-%012x",
    math.random(0, 0xffffffff), math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff),
    math.random(0, 0xffffffff) * 65536 + math.random(0, 0xffff))
end

request = function()
  counter = counter + 1
  local from, to
  if hot then
    if counter % 2 == 0 then from, to = 1, 2 else from, to = 2, 1 end
  else
    from = math.random(1, members)
    to = math.random(1, members - 1)
    if to >= from then to = to + 1 end
  end
  local body = '{"id":"' .. uuid() .. '","from":' .. (base + from) .. ',"to":' .. (base + to) .. ',"amount":1}'
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end
