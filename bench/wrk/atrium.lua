-- wrk script of the Atrium benchmark (bench/run.sh): sends one scenario's requests, written by
-- Bench.java --dump, picked at random, with the session Bench signed in with, so that the client
-- costs little CPU next to the server.
--
--   ATRIUM_REQUESTS  the scenario's file: a line per request, METHOD <TAB> path and query <TAB> body
--   ATRIUM_SESSION   the file with the Cookie header (line 1) and the BPMCSRF value (line 2);
--                    left out for the unauthenticated floor (/0/ping)
--   ATRIUM_EXPECT    a file with what every answer's body must contain (DataService's
--                    "success":true, a sign-in's "Code":0); left out, the status alone decides
--   ATRIUM_RESULT    where done() writes one line: requests, errors, seconds, p50 ms, p99 ms
--
-- Any status other than 2xx is an error (wrk counts it under "Non-2xx"), and so is a 2xx answer
-- without the expected text; errors are not in the request count written to ATRIUM_RESULT. The
-- latencies are wrk's, over all requests.
local requests = {}
local threads = {}
failures = 0 -- per thread: 2xx answers without the expected text

local function read(path)
  if path == nil or path == "" then return nil end
  local file = io.open(path)
  if file == nil then return nil end
  local text = file:read("*a")
  file:close()
  return text
end

function setup(thread)
  threads[#threads + 1] = thread
end

local function session()
  local path = os.getenv("ATRIUM_SESSION")
  if path == nil or path == "" then return nil, nil end
  local lines = {}
  for line in io.lines(path) do lines[#lines + 1] = line end
  return lines[1], lines[2]
end

function init(args)
  local cookie, csrf = session()
  for line in io.lines(os.getenv("ATRIUM_REQUESTS")) do
    local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
    if method then
      local headers = { ["Accept"] = "application/json" }
      if cookie then
        headers["Cookie"] = cookie
        headers["BPMCSRF"] = csrf
      end
      if body == "" then
        body = nil
      else
        headers["Content-Type"] = "application/json"
      end
      requests[#requests + 1] = wrk.format(method, path, headers, body)
    end
  end
  assert(#requests > 0, "no requests in " .. os.getenv("ATRIUM_REQUESTS"))
  local expected = read(os.getenv("ATRIUM_EXPECT"))
  if expected then
    -- defined only when needed: with response(), wrk hands every body to Lua
    response = function(status, _, body)
      if status >= 200 and status < 300 and not body:find(expected, 1, true) then failures = failures + 1 end
    end
  end
  -- each thread its own sequence: the address of a fresh table differs per thread
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

function request()
  return requests[math.random(#requests)]
end

function done(summary, latency, _)
  local e = summary.errors
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + (thread:get("failures") or 0) end
  local errors = e.status + e.connect + e.read + e.write + e.timeout + failed
  local out = assert(io.open(os.getenv("ATRIUM_RESULT"), "w"))
  out:write(string.format("%d\t%d\t%.3f\t%.3f\t%.3f\n", summary.requests - e.status - failed, errors,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  out:close()
end
