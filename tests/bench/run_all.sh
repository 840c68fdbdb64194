#!/usr/bin/env bash
# Builds the project and runs the four benchmarks one after another, then repeats the
# figure and goal lines of each result block. Each benchmark bounds its own run time
# (under a minute each); docs/BENCHMARKS.md explains what each one measures.
#
# Environment: BUILD_DIR (default: build). Run it on an otherwise idle machine: other
# programs using the cores or the disk change every figure.
set -uo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${BUILD_DIR:-$repo_root/build}
bench_dir=$build_dir/tests/bench
cd "$repo_root"

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" || exit 1
fi
cmake --build "$build_dir" -j2 || {
  echo "run_all: the build failed; no benchmark was run" >&2
  exit 1
}

outputs=$(mktemp -d "${TMPDIR:-/tmp}/antrean-bench-XXXXXX")
trap 'rm -rf "$outputs"' EXIT
failed=()

# run NAME COMMAND...: runs one benchmark with a hard limit, keeping its output.
run() {
  local name=$1
  shift
  echo "run_all: running $name"
  if ! timeout 120 "$@" 2>&1 | tee "$outputs/$name.txt"; then
    failed+=("$name")
  fi
}

run bench_check_in "$bench_dir/bench_check_in"
run board_wrk env BUILD_DIR="$build_dir" "$repo_root/tests/bench/run_board_wrk.sh"
run bench_call_next "$bench_dir/bench_call_next"
run bench_event_latency "$bench_dir/bench_event_latency"

echo
echo "== run_all: summary ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores) =="
for name in bench_check_in board_wrk bench_call_next bench_event_latency; do
  echo "-- $name"
  grep -E '^(load|disk|rate|latency|engine call_next|HTTP call-next|recall sent|failures|errors|events lost|goal)' \
    "$outputs/$name.txt" || echo "   (no result block: see the output above)"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "run_all: failed or timed out: ${failed[*]}" >&2
  exit 1
fi
