-- wrk script for setup/bench: each request takes the next download link from the file named
-- by BENCH_LINKS, so no link runs past its 50 downloads during the run.
local paths = {}
for line in io.lines(os.getenv("BENCH_LINKS")) do
  paths[#paths + 1] = line
end
local next_index = 0
request = function()
  next_index = next_index + 1
  return wrk.format("GET", paths[(next_index % #paths) + 1])
end
