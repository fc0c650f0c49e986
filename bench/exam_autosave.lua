-- wrk script for bench/exam_autosave.sh: each thread takes every Nth examinee of the attempts
-- file and saves their answers round-robin (examinee 1 q1, examinee 2 q1, ..., examinee 1 q2, ...)
-- until each examinee has saved PER answers, then stops.
-- Args: ATTEMPTS_FILE THREADS PER DONE_PREFIX. A line: "<token> <csrf> <attempt id> <qid>:<letter> ...".
-- wrk's main thread sleeps for the whole -d duration, so a thread that has all its saves
-- acknowledged writes DONE_PREFIX<id> and the shell script stops wrk with SIGINT; the rate is
-- computed from the server's saved_at times.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file, nthreads = args[1], tonumber(args[2])
  per = tonumber(args[3])
  done_file = args[4] .. id
  users = {}
  local i = 0
  for line in io.lines(file) do
    if i % nthreads == id then
      local fields = {}
      for field in line:gmatch("%S+") do table.insert(fields, field) end
      local u = {
        headers = { ["Cookie"] = "pufa_session=" .. fields[1], ["X-CSRF-Token"] = fields[2],
                    ["Content-Type"] = "application/json" },
        prefix = "/api/v1/attempts/" .. fields[3] .. "/answers/",
        answers = {},
      }
      for k = 4, #fields do
        local qid, letter = fields[k]:match("(%d+):(%a)")
        table.insert(u.answers, { qid, '{"answer":["' .. letter .. '"]}' })
      end
      table.insert(users, u)
    end
    i = i + 1
  end
  total = #users * per
  sent, received, failed = 0, 0, 0
end

function request()
  -- wrk calls request() once on thread 0 to check the script, and never sends that one.
  if id == 0 and not primed then
    primed = true
    return wrk.format("GET", "/api/v1/health")
  end
  if sent >= total then
    return wrk.format("GET", "/api/v1/health")  -- only while the last saves are in flight
  end
  local n = #users
  local u = users[(sent % n) + 1]
  local a = u.answers[math.floor(sent / n) + 1]
  sent = sent + 1
  return wrk.format("PUT", u.prefix .. a[1], u.headers, a[2])
end

function response(status, headers, body)
  if body:find("saved_at", 1, true) then
    received = received + 1
  elseif not body:find('"status"', 1, true) then  -- not a health reply: a refused save
    received = received + 1
    failed = failed + 1
  end
  if received == total then
    local f = io.open(done_file, "w")
    f:write("done\n")
    f:close()
  end
end

function done(summary, latency, requests)
  local saves, failures, acked = 0, 0, 0
  for _, thread in ipairs(threads) do
    saves = saves + thread:get("total")
    failures = failures + thread:get("failed")
    acked = acked + thread:get("received")
    io.write(string.format("thread %d: %d of %d responses\n", thread:get("id"), thread:get("received"), thread:get("total")))
  end
  io.write(string.format("saves: %d acknowledged of %d; refused: %d; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    acked, saves, failures, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
