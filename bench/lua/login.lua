-- POST a log-in: BENCH_PATHS holds the path on its first line and the JSON body (e-mail, password) on its second.
-- Every request is one Argon2id check of the same account's password.
local lines = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  lines[#lines + 1] = line
end
local path, body = lines[1], lines[2]

request = function()
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end
