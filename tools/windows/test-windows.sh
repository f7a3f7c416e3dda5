#!/usr/bin/env bash
# The Windows and packaging part of the test run (tools/test.sh calls it after the native
# tests; it can also run alone once build/testing exists):
#   1. the Windows dependencies, cross-built from Debian's sources, Qt 6 included (once;
#      then skipped);
#   2. the windows-cross preset: core, shouwang-server.exe, shouwang.exe, the Qt client
#      shouwang-client.exe (its Qt DLLs and plugins beside it) and their tests;
#   3. the tests under wine (ctest, CMAKE_CROSSCOMPILING_EMULATOR = tools/windows/wine-run.sh;
#      the GUI tests on Qt's offscreen platform);
#   4. the client under wine on Xvfb: opens a demo ledger, syncs with a native county
#      server, screenshot (tools/windows/client-wine-test.sh);
#   5. the county server and village client NSIS installers, each twice (v1 and v2), and
#      their install / use / upgrade / uninstall tests under wine
#      (tools/windows/installer-test.sh, tools/windows/client-installer-test.sh);
#   6. the server .deb: build, dpkg -i, start, remove (tests/packaging/deb-test.sh).
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
timed "client under wine on Xvfb (sync, screenshot)" tools/windows/client-wine-test.sh \
  build/windows-cross/client/app/shouwang-client.exe "$native" build/windows-cross/client-under-wine.png

# Each installer, v1 and v2 (same binaries, version set at packaging time):
# packages/shouwang-{server,client}-VERSION-win64.exe (packaging/windows/installers.cmake).
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' build/windows-cross/CMakeCache.txt)
v1=$version
v2=$version.1
make_installers() {   # make_installers server|client
  local which=$1 cfg=build/windows-cross/CPackConfig.cmake out=build/windows-cross/packages v
  rm -f "$out"/shouwang-"$which"-*-win64.exe
  for v in "$v1" "$v2"; do
    cpack --config "$cfg" -G NSIS -B "$out" -D CPACK_SHOUWANG_INSTALLER="$which" -D CPACK_PACKAGE_VERSION="$v" \
      >"build/windows-cross/cpack-$which-$v.log" 2>&1 || { cat "build/windows-cross/cpack-$which-$v.log"; return 1; }
  done
  ls -l "$out"/shouwang-"$which"-*-win64.exe
}
timed "NSIS server installers (v$v1, v$v2)" make_installers server
timed "installer test under wine" tools/windows/installer-test.sh \
  "build/windows-cross/packages/shouwang-server-$v1-win64.exe" \
  "build/windows-cross/packages/shouwang-server-$v2-win64.exe" "$v1" "$v2" "$native"
timed "NSIS client installers (v$v1, v$v2)" make_installers client
timed "client installer test under wine" tools/windows/client-installer-test.sh \
  "build/windows-cross/packages/shouwang-client-$v1-win64.exe" \
  "build/windows-cross/packages/shouwang-client-$v2-win64.exe" "$v1" "$v2" "$native"
timed ".deb build/install/start/remove" tests/packaging/deb-test.sh "$native" build/deb
