#!/usr/bin/env bash
# Builds Shouwang and runs the whole test suite (the README's test command; CI runs it).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh

jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset testing
cmake --build --preset testing -j "$jobs"
# GUI tests use the offscreen platform (set per test in CTest); nothing needs a display.
ctest --preset testing -j "$jobs"

# Windows (mingw-w64 cross build, its tests under wine), the county server NSIS installers
# with their install/upgrade/uninstall test under wine, and the server .deb (dpkg test).
bash tools/windows/test-windows.sh build/testing

# Fuzzing (docs/reliability.md): every fuzz/ target for 20 s on its seed corpus, built
# with clang in build/fuzz, one target a core at a time. A crash fails the run and leaves
# its input in build/fuzz/findings.
FUZZ_PARALLEL="$jobs" bash tools/fuzz.sh 20
