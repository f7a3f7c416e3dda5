#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and coverage on the
# whole tree in build/fuzz, then runs each from its committed seed corpus
# (fuzz/corpus/<target>). Inputs found on the way go to build/fuzz/corpus/<target>, crashes
# to build/fuzz/findings/; any crash fails the script. For every target it reports the
# executions, the rate and the inputs added, and appends them to build/fuzz/campaigns.tsv,
# the record docs/reliability.md quotes.
#
#   tools/fuzz.sh                       # every target, 20 s each (CI)
#   tools/fuzz.sh 3600 fuzz_push        # one target for an hour
#   FUZZ_RUNS=10000000 tools/fuzz.sh 0  # long campaign: each target to 10 million executions
#   FUZZ_PARALLEL=2 FUZZ_RUNS=10000000 tools/fuzz.sh 0   # two targets at a time
#
# SECONDS 0 means no time limit (then FUZZ_RUNS should be set); with both, whichever comes
# first ends a target's run. A campaign takes hours: run it outside CI, e.g. under nohup.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_push fuzz_push_limits fuzz_pull fuzz_enroll fuzz_http fuzz_bundle fuzz_csv fuzz_import fuzz_gzip fuzz_log_form)
fi
runs=${FUZZ_RUNS:--1}
parallel=${FUZZ_PARALLEL:-1}
if [ "$seconds" = 0 ] && [ "$runs" = -1 ]; then
  echo "SECONDS 0 (no time limit) needs FUZZ_RUNS" >&2
  exit 2
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
summary="$build/campaigns.tsv"
[ -f "$summary" ] || printf 'date\ttarget\tseconds\texecutions\texec_per_s\tnew_inputs\tpeak_rss_mb\tresult\n' >"$summary"

stat() { grep -m1 "stat::$1" "$2" | awk '{print $2}' || true; }

# Runs one target; prints its line and records it. Fails when the target crashed.
run_target() {
  local t=$1 log="$build/logs/$1.log" start end result=ok
  mkdir -p "$build/corpus/$t"
  start=$(date +%s)
  # The first directory receives new inputs; the committed seeds are only read.
  if ! "$build/fuzz/$t" -max_total_time="$seconds" -runs="$runs" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$build/findings/$t-" "$build/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1; then
    result=crash
  fi
  end=$(date +%s)
  local n rate added rss
  n=$(stat number_of_executed_units "$log"); rate=$(stat average_exec_per_sec "$log")
  added=$(stat new_units_added "$log"); rss=$(stat peak_rss_mb "$log")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$t" "$((end - start))" "${n:-?}" \
    "${rate:-?}" "${added:-?}" "${rss:-?}" "$result" >>"$summary"
  if [ "$result" = ok ]; then
    echo "fuzz $t: ${n:-?} executions in $((end - start)) s (${rate:-?}/s), ${added:-?} new inputs, no crash"
  else
    echo "fuzz $t: FAILED after ${n:-?} executions, see $log and $build/findings/" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
}

failed=()
declare -A pids=()
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do sleep 1; done
  run_target "$t" &
  pids[$t]=$!
done
for t in "${!pids[@]}"; do
  wait "${pids[$t]}" || failed+=("$t")
done
echo "record: $summary"
[ ${#failed[@]} -eq 0 ] || { echo "fuzzing found problems in: ${failed[*]}" >&2; exit 1; }
