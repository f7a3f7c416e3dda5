#!/usr/bin/env bash
# Runs a Windows program under wine with the settings Shouwang's tests need; it is the
# CMAKE_CROSSCOMPILING_EMULATOR of the windows-cross preset (ctest, test discovery) and is
# used by tools/windows/installer-test.sh.
#
#   tools/windows/wine-run.sh PROGRAM.exe [ARGS...]
#   tools/windows/wine-run.sh --stop          # end this prefix's wineserver
#
# - WINEPREFIX defaults to build/wine-prefix in the source tree; a new prefix is made once
#   (wineboot, under a lock, so parallel tests do not race).
# - wineserver is started detached and persistent first: started implicitly by wine it would
#   inherit the caller's output pipe, and ctest or a CI script would wait on it forever.
#   `--stop` (or `wineserver -k`) ends it; tools/windows/test-windows.sh does so on exit.
# - Output is passed on after the program ends, without CRs (see below).
# - Mono/Gecko installs and debug chatter are off.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export WINEPREFIX=${WINEPREFIX:-$(cd "$here/../.." && pwd)/build/wine-prefix}
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-"mscoree,mshtml="}
export WINEDEBUG=${WINEDEBUG:--all}
export WINEARCH=${WINEARCH:-win64}
# No window needed: keeps wine from looking for an X server. SHOUWANG_WINE_DISPLAY gives
# a program its X display (the client on Xvfb, tools/windows/client-wine-test.sh).
if [ -n "${SHOUWANG_WINE_DISPLAY:-}" ]; then export DISPLAY=$SHOUWANG_WINE_DISPLAY; else unset DISPLAY; fi

wine=$(command -v wine || command -v wine64 || true)
[ -n "$wine" ] || { echo "wine-run.sh: wine is not installed (apt-get install wine wine64)" >&2; exit 127; }
wineserver=$(command -v wineserver || echo /usr/lib/wine/wineserver)
[ -x "$wineserver" ] || wineserver=/usr/lib/wine/wineserver64

stop_server() {   # ends this prefix's wineserver and waits until it has gone
  [ -d "$WINEPREFIX" ] || return 0
  "$wineserver" -k >/dev/null 2>&1 || true
  timeout 30 "$wineserver" -w >/dev/null 2>&1 || true
}
if [ "${1:-}" = "--stop" ]; then
  stop_server
  exit 0
fi

mkdir -p "$WINEPREFIX"
# Persistent, detached server (a second start while one runs just exits).
setsid "$wineserver" -p </dev/null >/dev/null 2>&1 || true
if [ ! -f "$WINEPREFIX/.shouwang-ready" ]; then
  (
    flock 9
    # A new prefix is made by wineboot; on a loaded machine it has been seen to end with
    # system32 still empty ("could not load kernel32.dll" from every later program). So it
    # is checked, and made again from nothing, up to three times.
    tries=0
    while [ ! -f "$WINEPREFIX/.shouwang-ready" ]; do
      tries=$((tries + 1))
      "$wine" wineboot -i </dev/null >"$WINEPREFIX.boot.log" 2>&1 || true
      if [ -f "$WINEPREFIX/drive_c/windows/system32/kernel32.dll" ]; then
        touch "$WINEPREFIX/.shouwang-ready"
      elif [ "$tries" -ge 3 ]; then
        echo "wine-run.sh: could not make the wine prefix $WINEPREFIX:" >&2
        cat "$WINEPREFIX.boot.log" >&2
        exit 1
      else
        stop_server
        rm -rf "$WINEPREFIX"
        mkdir -p "$WINEPREFIX"
        setsid "$wineserver" -p </dev/null >/dev/null 2>&1 || true
      fi
    done
  ) 9>"$WINEPREFIX.lock"
fi
# The program's output goes to files first and is copied out (CRs dropped: Windows ends lines
# with CR LF, CTest's catch_discover_tests and our scripts expect LF) after it exits: wine
# starts its system processes (services.exe, winedevice.exe, ...) from the first program
# run in a prefix, they inherit that program's stdout/stderr and live on, and a pipe they
# hold open would keep ctest or CI waiting for ever. Exit status is kept.
# SHOUWANG_WINE_RAW=1 runs wine on the caller's own descriptors (use files, not pipes).
if [ "${SHOUWANG_WINE_RAW:-0}" = 1 ]; then
  exec "$wine" "$@"
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wine-run.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
set +e
"$wine" "$@" >"$tmp/out" 2>"$tmp/err"
status=$?
# A test program always prints something when it fails (Catch2 reports every failed
# check), so a failure with no output at all is wine failing to start it: seen once in CI
# on a loaded machine, in a few hundredths of a second. The test presets set
# SHOUWANG_WINE_RETRY_SILENT=1 and such a start is tried once more, saying so.
if [ "$status" -ne 0 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then
  echo "wine-run.sh: $1 ended with status $status without printing anything" >&2
  if [ "${SHOUWANG_WINE_RETRY_SILENT:-0}" = 1 ]; then
    echo "wine-run.sh: starting it once more" >&2
    "$wine" "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
  fi
fi
tr -d '\r' <"$tmp/out"
tr -d '\r' <"$tmp/err" >&2
exit "$status"
