#!/usr/bin/env bash
# The Windows and packaging part of the test run (tools/test.sh calls it after the native
# tests; it can also run alone once build/testing exists):
#   1. the Windows dependencies, cross-built from Debian's sources (once; then skipped);
#   2. the windows-cross preset: core, shouwang-server.exe, shouwang.exe and their tests;
#   3. the tests under wine (ctest, CMAKE_CROSSCOMPILING_EMULATOR = tools/windows/wine-run.sh);
#   4. the county server NSIS installer, twice (v1 and v2), and its install / upgrade /
#      uninstall test under wine (tools/windows/installer-test.sh);
#   5. the server .deb: build, dpkg -i, start, remove (tests/packaging/deb-test.sh).
# Prints the time of each step.
#
#   tools/windows/test-windows.sh [NATIVE_BUILD_DIR]   (default build/testing)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
native=${1:-build/testing}
jobs=${SHOUWANG_JOBS:-$(nproc 2>/dev/null || echo 2)}
export WINEPREFIX=$root/build/wine-prefix

timings=()
t_start=$SECONDS
timed() {   # timed LABEL COMMAND...
  local label=$1 t0=$SECONDS; shift
  echo "=== $label"
  "$@"
  timings+=("$(printf '%-44s %5d s' "$label" $((SECONDS - t0)))")
}
report() {
  echo "=== Windows/packaging step times"
  for t in "${timings[@]}"; do echo "  $t"; done
  echo "  $(printf '%-44s %5d s' total $((SECONDS - t_start)))"
}
cleanup() {
  tools/windows/wine-run.sh --stop || true
}
trap 'cleanup; report' EXIT

timed "Windows deps (cross-built, cached)" bash tools/windows/build-deps.sh build/win-deps
timed "wine prefix" tools/windows/wine-run.sh cmd /c ver
timed "configure windows-cross" cmake --preset windows-cross --log-level=WARNING
timed "build windows-cross" nice -n 5 cmake --build --preset windows-cross -j "$jobs"
timed "tests under wine (ctest)" ctest --preset windows-cross -j "$jobs"

# The county server installer, v1 and v2 (same binaries, version set at packaging time).
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' build/windows-cross/CMakeCache.txt)
v1=$version
v2=$version.1
make_installers() {
  local cfg=build/windows-cross/CPackConfig.cmake out=build/windows-cross/packages
  rm -f "$out"/shouwang-server-*-win64.exe
  cpack --config "$cfg" -G NSIS -B "$out" >build/windows-cross/cpack-v1.log 2>&1 \
    || { cat build/windows-cross/cpack-v1.log; return 1; }
  cpack --config "$cfg" -G NSIS -B "$out" -D CPACK_PACKAGE_VERSION="$v2" \
        -D CPACK_PACKAGE_FILE_NAME="shouwang-server-$v2-win64" >build/windows-cross/cpack-v2.log 2>&1 \
    || { cat build/windows-cross/cpack-v2.log; return 1; }
  ls -l "$out"/shouwang-server-*-win64.exe
}
timed "NSIS server installers (v$v1, v$v2)" make_installers
timed "installer test under wine" tools/windows/installer-test.sh \
  "build/windows-cross/packages/shouwang-server-$v1-win64.exe" \
  "build/windows-cross/packages/shouwang-server-$v2-win64.exe" "$v1" "$v2" "$native"
timed ".deb build/install/start/remove" tests/packaging/deb-test.sh "$native" build/deb
