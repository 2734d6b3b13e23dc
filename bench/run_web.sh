#!/bin/sh
# The web benchmark: wrk against the filtered action list and against /healthz, in one run, on a
# register of 1,000,000 synthetic actions (bench/gen_actions.py), loopback only.
#
# Usage: bench/run_web.sh [BUILD_DIR] [DURATION_SECONDS]
# Prints requests/s and p99 latency for both endpoints and their ratio. The register is built
# once into BUILD_DIR/bench-web.db and reused (delete it to regenerate).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
duration=${2:-10}
bin=$build/actiontrack
db=$build/bench-web.db
port=${PORT:-18089}
threads=${WRK_THREADS:-2}
connections=${WRK_CONNECTIONS:-32}

command -v wrk >/dev/null || { echo "run_web.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -x "$bin" ] || { echo "run_web.sh: no $bin; build first" >&2; exit 1; }
if [ ! -s "$db" ]; then
    echo "generating 1,000,000 actions into $db (once)..." >&2
    rm -f "$db" "$db-wal" "$db-shm"
    python3 "$here/gen_actions.py" "$bin" "$db" >/dev/null
fi

"$bin" serve --db "$db" --http "127.0.0.1:$port" >"$build/bench-web-serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT INT TERM
i=0
until wrk -t1 -c1 -d1s "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start" >&2; exit 1; }; sleep 0.2
done

list="http://127.0.0.1:$port/api/actions?owner=Officer%200042&status=open&limit=50"
health="http://127.0.0.1:$port/healthz"
# Warm the page cache, then measure each endpoint for the same duration.
wrk -t1 -c4 -d2s "$list" >/dev/null
run() { wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$1"; }
list_out=$(run "$list")
health_out=$(run "$health")
home_ms=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/?owner=Officer+0042" 2>/dev/null || echo "?")

rps() { printf '%s\n' "$1" | awk '/Requests\/sec/ {print $2}'; }
p99() { printf '%s\n' "$1" | awk '$1 == "99%" {print $2}'; }
errors() { printf '%s\n' "$1" | awk '/Non-2xx|Socket errors/ {print}'; }
list_rps=$(rps "$list_out"); health_rps=$(rps "$health_out")
echo "endpoint                                   req/s      p99"
printf '%-42s %-10s %s\n' "/api/actions?owner=X&status=open&limit=50" "$list_rps" "$(p99 "$list_out")"
printf '%-42s %-10s %s\n' "/healthz" "$health_rps" "$(p99 "$health_out")"
echo "ratio healthz/list: $(awk -v a="$health_rps" -v b="$list_rps" 'BEGIN {printf "%.1f", a / b}')"
echo "dashboard home (one owner, one request): ${home_ms}s"
errors "$list_out"; errors "$health_out"
