#!/usr/bin/env bash
# Builds what the benchmarks need and runs them, printing the table (docs/performance.md).
#   tools/bench.sh [--scale small|county|city] [--only 1,2,...] [--work DIR]
# Build dir: build/bench (RelWithDebInfo, no tests), or $SHOUWANG_BENCH_BUILD. With Qt 6 the
# GUI is built too, for scenario 4 through the client's table model (shouwang-client-bench);
# without it (or with SHOUWANG_BENCH_GUI=OFF) the rest runs and scenario 4 says so.
# Generated village ledgers are kept in the work dir (default build/bench/bench/work) and
# reused by the next run of the same scale. Not run by CI: it takes minutes.
# Scenario 8 (the city on PostgreSQL; `--scale city` runs it alone) starts its own PostgreSQL
# 15 cluster: it needs the server programs tools/install-deps.sh installs, and libpq at build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SHOUWANG_BENCH_BUILD:-$root/build/bench}"

args=("$@")
has_scale=0
for a in "${args[@]}"; do [ "$a" = "--scale" ] && has_scale=1; done
[ "$has_scale" -eq 1 ] || args=(--scale small "${args[@]}")

if ! command -v cmake >/dev/null || ! command -v ninja >/dev/null; then
  bash "$root/tools/install-deps.sh"
fi

configure() {
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBUILD_TESTING=OFF -DSHOUWANG_BUILD_BENCH=ON "$@" ${SHOUWANG_BENCH_CMAKE_ARGS:-}
}
targets=(shouwang-bench shouwang-server shouwang)
# Whether Qt 6 is there is what the project's own configure finds (Widgets, Charts, ...).
if [ "${SHOUWANG_BENCH_GUI:-ON}" != OFF ] && configure -DSHOUWANG_BUILD_GUI=ON >/dev/null 2>&1; then
  targets+=(shouwang-client-bench)
else
  [ "${SHOUWANG_BENCH_GUI:-ON}" = OFF ] || echo "bench: Qt 6 not found; scenario 4 runs through the core only" >&2
  configure -DSHOUWANG_BUILD_GUI=OFF >/dev/null
fi
cmake --build "$build" --target "${targets[@]}" -j "$(nproc 2>/dev/null || echo 2)"

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
