-- wrk script for setup/bench: the API's writes. With BENCH_WRITE=place each request POSTs an
-- order of BENCH_BODY to BENCH_PATH and the order's id is appended to BENCH_ORDERS.<thread>;
-- with BENCH_WRITE=cancel each request PATCHes the next order listed in BENCH_ORDERS (each
-- thread its own share), so every request cancels an order that is still open.
local mode = os.getenv("BENCH_WRITE")
local path = os.getenv("BENCH_PATH")
local threads = {}
local counter = 0

setup = function(thread)
  thread:set("id", counter)
  thread:set("count", 0)
  counter = counter + 1
  table.insert(threads, thread)
end

init = function()
  wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
  wrk.headers["Content-Type"] = "application/json"
  if mode == "place" then
    out = io.open(os.getenv("BENCH_ORDERS") .. "." .. id, "a")
  else
    orders = {}
    local n = 0
    for line in io.lines(os.getenv("BENCH_ORDERS")) do
      if n % counter_of_threads() == id then orders[#orders + 1] = line end
      n = n + 1
    end
    next_index = 0
  end
end

function counter_of_threads()
  return tonumber(os.getenv("BENCH_THREADS"))
end

request = function()
  if mode == "place" then
    return wrk.format("POST", path, nil, os.getenv("BENCH_BODY"))
  end
  next_index = next_index + 1
  -- A thread given no order asks for one that does not exist: its answers count as non-2xx.
  local order = "none"
  if #orders > 0 then order = orders[((next_index - 1) % #orders) + 1] end
  return wrk.format("PATCH", path .. "/" .. order, nil, '{"status":"cancelled"}')
end

response = function(status, headers, body)
  if mode == "place" and status == 201 then
    local order = string.match(body, '"id":"([0-9a-f-]+)"')
    if order then out:write(order .. "\n") out:flush() end
  end
end
