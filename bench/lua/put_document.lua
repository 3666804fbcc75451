-- PUT a document's content with If-Match (a new revision each time). BENCH_PATHS lines are "<path> <version>";
-- requests go round-robin over them, and each 200 response's version updates the table, so the next If-Match for
-- that document is current. With many more documents than connections, no two requests in flight touch the same
-- document (no 412s).
local token = os.getenv("BENCH_TOKEN")
local paths, versions = {}, {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  local path, version = line:match("^(%S+)%s+(%d+)$")
  if path then
    paths[#paths + 1] = path
    versions[path] = version
  end
end
local next_index = 0
local counter = 0
local in_flight = {}

request = function()
  next_index = next_index % #paths + 1
  counter = counter + 1
  local path = paths[next_index]
  return wrk.format("PUT", path, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["If-Match"] = '"' .. versions[path] .. '"'
  }, '{"content":{"text":"bench revision ' .. counter .. '","cells":[1,2,3]}}')
end

response = function(status, headers, body)
  if status == 200 then
    local id = body:match('"id":"([%x-]+)"')
    local version = body:match('"version":(%d+)')
    if id and version then versions["/api/v1/documents/" .. id] = version end
  end
end
