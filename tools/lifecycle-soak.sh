#!/usr/bin/env bash
# Runs the randomized lifecycle convergence test (tests/cli/lifecycle_convergence_test.cpp)
# over many seeds: laptops and the county restored from backups, files copied, clocks off
# by years, stale forms, two writers on one file. CI runs one seed; this runs thousands.
#
#   tools/lifecycle-soak.sh [SEEDS] [FIRST_SEED]     (default 1000 seeds from 1)
#
# Needs the testing build (tools/test.sh or cmake --preset testing && cmake --build --preset
# testing). A failure prints its seed; replay it alone with SEEDS=1 FIRST_SEED=<seed>.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-1000}
first=${2:-1}
binary=build/testing/tests/cli/shouwang_cli_tests
[ -x "$binary" ] || { echo "build the testing preset first: $binary is missing" >&2; exit 2; }
started=$SECONDS
SHOUWANG_LIFECYCLE_SEEDS=$seeds SHOUWANG_LIFECYCLE_SEED=$first \
  "$binary" "random lifecycles converge*" --durations no
echo "lifecycle soak: $seeds seeds from $first in $((SECONDS - started)) s"
