#!/usr/bin/env bash
# Builds what the benchmarks need and runs them, printing the table (docs/performance.md).
#   tools/bench.sh [--scale small|county] [--only 1,2,...] [--work DIR]
# Build dir: build/bench (RelWithDebInfo, no GUI, no tests), or $SHOUWANG_BENCH_BUILD.
# Generated village ledgers are kept in the work dir (default build/bench/bench/work) and
# reused by the next run of the same scale. Not run by CI: it takes minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SHOUWANG_BENCH_BUILD:-$root/build/bench}"

args=("$@")
has_scale=0
for a in "${args[@]}"; do [ "$a" = "--scale" ] && has_scale=1; done
[ "$has_scale" -eq 1 ] || args=(--scale small "${args[@]}")

if ! command -v cmake >/dev/null || ! command -v ninja >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then bash "$root/tools/install-deps.sh"; else sudo bash "$root/tools/install-deps.sh"; fi
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSHOUWANG_BUILD_GUI=OFF -DBUILD_TESTING=OFF -DSHOUWANG_BUILD_BENCH=ON ${SHOUWANG_BENCH_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" --target shouwang-bench shouwang-server shouwang -j "$(nproc 2>/dev/null || echo 2)"

# The peer of scenario 6 (PouchDB, pouchdb-server), pinned by bench/peer/package-lock.json.
peer="$root/bench/peer"
if command -v npm >/dev/null; then
  if [ ! -d "$peer/node_modules/pouchdb-server" ] || [ "$peer/package-lock.json" -nt "$peer/node_modules" ]; then
    (cd "$peer" && npm ci --no-audit --no-fund --loglevel=error) || echo "bench: npm ci failed; scenario 6 will be skipped" >&2
  fi
else
  echo "bench: npm not found; scenario 6 (PouchDB peer) will be skipped" >&2
fi

exec "$build/bench/shouwang-bench" "${args[@]}"
