#!/usr/bin/env bash
# Runs the whole suite (`npm test`) while another process keeps every core busy, the way a shared
# machine or a CI runner with a neighbour does. The suite must pass like this: a test that fails
# here waits for time instead of for a state, or depends on how fast the machine is.
#
# The hog is one busy loop per core at normal priority. It stops when this script exits (a trap),
# and each loop also stops by itself after LIQLENS_LOAD_MAX_SECONDS (default 2 hours), so an
# interrupted run never leaves a core spinning. Prints the suite's closing summary again at the end
# and exits with npm test's status.
set -u

cd "$(dirname "$0")/.."

max_seconds="${LIQLENS_LOAD_MAX_SECONDS:-7200}"
cores="$(node -p 'require("node:os").availableParallelism()')"
log="test-results/test-under-load.log"
mkdir -p test-results

hogs=()
stop_hogs() {
  for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null; done
}
trap stop_hogs EXIT
trap 'exit 130' INT TERM

for _ in $(seq "$cores"); do
  node -e "const end = Date.now() + ${max_seconds} * 1000; while (Date.now() < end) {}" &
  hogs+=("$!")
done
echo "=== load: ${#hogs[@]} busy loops (one per core, at most ${max_seconds} s), pids ${hogs[*]}"

started="$(date +%s)"
npm test 2>&1 | tee "$log"
status="${PIPESTATUS[0]}"
elapsed="$(($(date +%s) - started))"

echo
echo "=== under load (${#hogs[@]} busy loops), ${elapsed} s, npm test exited ${status}"
sed -n '/^=== summary$/,$p' "$log"
exit "$status"
