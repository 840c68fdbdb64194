#!/usr/bin/env bash
# Measures wall-display board reads per second: starts antrean-server on loopback with a
# filled board (3 officers at desks, 40 check-ins, 6 calls), runs
#   wrk -t2 -c8 -d10s --latency http://127.0.0.1:PORT/api/v1/board
# and stops the server. Needs wrk and curl (both in scripts/install-deps).
#
# Environment: BUILD_DIR (default: build), WRK_DURATION (default: 10s).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${BUILD_DIR:-$repo_root/build}
server_bin=$build_dir/server/antrean-server
duration=${WRK_DURATION:-10s}
password="bench-password-1"

for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null; then
    echo "run_board_wrk: $tool is not installed; run scripts/install-deps" >&2
    exit 2
  fi
done
if [ ! -x "$server_bin" ]; then
  echo "run_board_wrk: $server_bin not found; build first (cmake --build build -j2) or set BUILD_DIR" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/antrean-board-wrk-XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A configuration like the shipped one, open at any hour.
sed 's/^enforce_opening_hours = true/enforce_opening_hours = false/' \
  "$repo_root/assets/config/antrean.toml" > "$work/antrean.toml"
for desk in 1 2 3; do
  echo "$password" | "$server_bin" user add --db "$work/antrean.db" --config "$work/antrean.toml" \
    --username "petugas$desk" --name "Petugas $desk" --role officer --areas pbk,srg,plk,general \
    --password-stdin > "$work/user-add.log" 2>&1
done

"$server_bin" --db "$work/antrean.db" --config "$work/antrean.toml" --listen 127.0.0.1:0 \
  --log-file "$work/server.log" > /dev/null 2> "$work/stderr.log" &
server_pid=$!
port=""
for _ in $(seq 1 150); do
  port=$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$work/server.log" 2>/dev/null | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "run_board_wrk: antrean-server did not start listening within 15 s:" >&2
  cat "$work/stderr.log" >&2
  exit 1
fi
base="http://127.0.0.1:$port"

# post PATH JSON [TOKEN]: prints the response body; fails on a status outside 2xx.
post() {
  local auth=()
  [ $# -ge 3 ] && auth=(-H "Authorization: Bearer $3")
  curl -sS --fail-with-body -X POST -H 'Content-Type: application/json' "${auth[@]}" -d "$2" "$base$1"
}

# Fill the board: waiting tickets in every area, a ticket at each desk, and recent calls.
areas=(pbk srg plk general)
names=("Budi Santoso" "Siti Rahayu" "Agus Wijaya" "Dewi Lestari" "Rudi Hidayat")
for i in $(seq 0 39); do
  body=$(printf '{"visitor":{"name":"%s","phone":"081234567890"},"area":"%s","purpose":"complaint","consent":true}' \
    "${names[$((i % 5))]}" "${areas[$((i % 4))]}")
  post /api/v1/tickets "$body" > /dev/null
done
for desk in 1 2 3; do
  token=$(post /api/v1/auth/login "{\"username\":\"petugas$desk\",\"password\":\"$password\",\"desk\":\"$desk\"}" |
    grep -o '"token":"[^"]*"' | cut -d'"' -f4)
  # Two calls per desk: the first is served and completed, the second stays at the desk.
  for round in 1 2; do
    id=$(post "/api/v1/desks/$desk/call-next" '{}' "$token" | grep -o '"id":[0-9][0-9]*' | head -1 | cut -d: -f2)
    if [ "$round" = 1 ]; then
      post "/api/v1/tickets/$id/start" '{}' "$token" > /dev/null
      post "/api/v1/tickets/$id/complete" '{"outcome":"answered"}' "$token" > /dev/null
    fi
  done
done
board_bytes=$(curl -sS --fail "$base/api/v1/board" | wc -c)

load=$(cut -d' ' -f1-3 /proc/loadavg)
wrk -t2 -c8 -d"$duration" --latency "$base/api/v1/board" > "$work/wrk.txt"
rate=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")
errors=$(grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" || true)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
verdict=$(awk -v r="$rate" 'BEGIN { print (r >= 15000 ? "met" : "MISSED") }')
latency=$(awk '/^ +(50|90|99)%/ {printf "p%s %s  ", substr($1, 1, length($1) - 1), $2}' "$work/wrk.txt")
echo
echo "== run_board_wrk: board reads per second =="
printf '%-10s  %s\n' machine "$(nproc) cores (nproc), $cpu"
printf '%-10s  %s\n' how "wrk -t2 -c8 -d$duration --latency $base/api/v1/board (keep-alive, loopback)"
printf '%-10s  %s\n' load "load average before wrk: $load"
printf '%-10s  %s\n' board "$board_bytes bytes of JSON: 3 desks busy, 6 called today, 34 waiting"
printf '%-10s  %s\n' rate "$rate requests/s"
printf '%-10s  %s\n' latency "$latency"
printf '%-10s  %s\n' errors "${errors:-none}"
printf '%-10s  %s\n' goal ">= 15,000 requests/s: $verdict"
