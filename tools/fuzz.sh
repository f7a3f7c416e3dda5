#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and coverage on the
# whole tree in build/fuzz, then runs each for SECONDS (default 20) from its committed seed
# corpus (fuzz/corpus/<target>). Inputs found on the way go to build/fuzz/corpus/<target>,
# crashes to build/fuzz/findings/; any crash fails the script. docs/reliability.md has the
# long-run command and the record of past runs.
#
#   tools/fuzz.sh                 # every target, 20 s each (CI)
#   tools/fuzz.sh 3600 fuzz_push  # one target for an hour
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_push fuzz_push_limits fuzz_pull fuzz_enroll fuzz_http fuzz_bundle fuzz_csv fuzz_gzip)
fi
build=build/fuzz
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
# The division table is a large constexpr array: clang needs more evaluation steps.
flags="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer -O1 -g -fconstexpr-steps=100000000"

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DSHOUWANG_BUILD_FUZZERS=ON -DSHOUWANG_BUILD_CLIENT=OFF -DSHOUWANG_BUILD_GUI=OFF \
  -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]}"

mkdir -p "$build/findings" "$build/logs"
failed=()
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t"
  log="$build/logs/$t.log"
  # The first directory receives new inputs; the committed seeds are only read.
  if "$build/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build/findings/$t-" "$build/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1; then
    runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "fuzz $t: ${runs:-?} executions in ${seconds} s, no crash"
  else
    echo "fuzz $t: FAILED, see $log and $build/findings/" >&2
    tail -n 30 "$log" >&2
    failed+=("$t")
  fi
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzzing found problems in: ${failed[*]}" >&2; exit 1; }
