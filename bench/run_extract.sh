#!/usr/bin/env bash
# Extraction throughput per format (text, HTML, DOCX, PDF), MB/s per core, against a memchr
# baseline over the same bytes in the same run. Builds an optimised binary in build-bench/,
# generates about SIZE_MB (default 100) megabytes per format with bench/make_extract_corpus.py
# (kept in build-bench/corpus-SIZE_MB/ for the next run), and prints a Markdown table.
#
#   bench/run_extract.sh [SIZE_MB] [REPEAT]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100}
repeat=${2:-3}
build=${BENCH_BUILD_DIR:-build-bench}

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DACTIONTRACK_TESTS=OFF >/dev/null
cmake --build "$build" --target extract_throughput >/dev/null
corpus=$build/corpus-$size
if [[ ! -f $corpus/.done ]]; then
  python3 bench/make_extract_corpus.py "$corpus" "$size"
  touch "$corpus/.done"
fi
echo "extract throughput, $(nproc) cores available, 1 used; best of $repeat runs; $(date -u +%Y-%m-%d)"
"$build/bench/extract_throughput" "$corpus" "$repeat"
