-- Mail send: each connection saves a draft (POST /api/v1/mail/drafts) and sends it (POST .../drafts/{id}/send),
-- alternately, so one "send" is two requests; the recipient is an internal user (one INBOX copy per send).
-- BENCH_TOKEN: the sender's bearer token; BENCH_TO: the recipient's address.
local token = os.getenv("BENCH_TOKEN")
local to = os.getenv("BENCH_TO")
local pending = {}
local counter = 0

request = function()
  local id = table.remove(pending)
  if id then
    return wrk.format("POST", "/api/v1/mail/drafts/" .. id .. "/send", { ["Authorization"] = "Bearer " .. token })
  end
  counter = counter + 1
  local body = '{"to":["' .. to .. '"],"subject":"bench ' .. counter .. '","body":"bench mail body"}'
  return wrk.format("POST", "/api/v1/mail/drafts", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end

response = function(status, headers, body)
  if status == 201 then
    local id = body:match('"id":"([0-9a-f%-]+)"')
    if id then pending[#pending + 1] = id end
  end
end
