#!/bin/sh
# The web benchmark: wrk against the filtered action list and against /healthz, in one run, on a
# register of 1,000,000 synthetic actions (bench/gen_actions.py), loopback only.
#
# Usage: bench/run_web.sh [BUILD_DIR] [DURATION_SECONDS]
# Prints requests/s and p99 latency for both endpoints and their ratio, the server's CPU time
# per request (the figure other processes on a shared machine distort least), and the time of
# the dashboard home page (default view and one owner; the median of 5 requests each). The
# register is built once into BUILD_DIR/bench-web.db and reused (delete it to regenerate).
# Environment: PORT, WRK_THREADS (2), WRK_CONNECTIONS (32), SERVE_THREADS (the server's reader
# threads; serve's default when unset).
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

set -- serve --db "$db" --http "127.0.0.1:$port"
[ -z "${SERVE_THREADS:-}" ] || set -- "$@" --threads "$SERVE_THREADS"
"$bin" "$@" >"$build/bench-web-serve.log" 2>&1 &
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
# utime + stime of the server, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
run() { wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$1"; }
before=$(cpu_ticks); list_out=$(run "$list"); list_ticks=$(($(cpu_ticks) - before))
before=$(cpu_ticks); health_out=$(run "$health"); health_ticks=$(($(cpu_ticks) - before))

# The median of 5 single requests, in milliseconds.
page_ms() {
    for _ in 1 2 3 4 5; do
        curl -s -o /dev/null -w '%{time_total}\n' "$1" 2>/dev/null || echo "?"
    done | sort -n | awk '{v[NR] = $1} END {printf "%.1f", v[3] * 1000}'
}
home_ms=$(page_ms "http://127.0.0.1:$port/")
owner_ms=$(page_ms "http://127.0.0.1:$port/?owner=Officer+0042")

rps() { printf '%s\n' "$1" | awk '/Requests\/sec/ {print $2}'; }
p99() { printf '%s\n' "$1" | awk '$1 == "99%" {print $2}'; }
requests() { printf '%s\n' "$1" | awk '/requests in/ {print $1}'; }
errors() { printf '%s\n' "$1" | awk '/Non-2xx|Socket errors/ {print}'; }
cpu_us() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", t / hz / n * 1e6}'; }
list_rps=$(rps "$list_out"); health_rps=$(rps "$health_out")
echo "endpoint                                   req/s      p99        server CPU/request"
printf '%-42s %-10s %-10s %s us\n' "/api/actions?owner=X&status=open&limit=50" "$list_rps" \
    "$(p99 "$list_out")" "$(cpu_us "$list_ticks" "$(requests "$list_out")")"
printf '%-42s %-10s %-10s %s us\n' "/healthz" "$health_rps" "$(p99 "$health_out")" \
    "$(cpu_us "$health_ticks" "$(requests "$health_out")")"
echo "ratio healthz/list: $(awk -v a="$health_rps" -v b="$list_rps" 'BEGIN {printf "%.1f", a / b}')"
echo "dashboard home (default view): ${home_ms} ms; one owner: ${owner_ms} ms (median of 5)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
errors "$list_out"; errors "$health_out"
