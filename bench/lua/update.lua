-- PATCH a project with If-Match. BENCH_PATHS lines are "<path> <version>"; requests go round-robin over them,
-- and each 200 response's id and version update the table, so the next If-Match for that project is current.
-- With many more projects than connections, no two requests in flight touch the same project (no 412s).
local token = os.getenv("BENCH_TOKEN")
local paths, versions, ids = {}, {}, {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  local path, version = line:match("^(%S+)%s+(%d+)$")
  if path then
    paths[#paths + 1] = path
    local id = path:match("([%x-]+)$")
    ids[#ids + 1] = id
    versions[id] = version
  end
end
local next_index = 0
local counter = 0
-- descriptions unique to this run: a server whose ORM skips unchanged rows (the Spring peer) must write as well
local run = string.format("%d-%s", os.time(), tostring({}):match("0x(%x+)") or "0")

request = function()
  next_index = next_index % #paths + 1
  counter = counter + 1
  local id = ids[next_index]
  return wrk.format("PATCH", paths[next_index], {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/merge-patch+json",
    ["If-Match"] = '"' .. versions[id] .. '"'
  }, '{"description":"bench update ' .. run .. ' ' .. counter .. '"}')
end

response = function(status, headers, body)
  if status == 200 then
    local id = body:match('"id":"([%x-]+)"')
    local version = body:match('"version":(%d+)')
    if id and version then versions[id] = version end
  end
end
