# Shared by the end-to-end tests under wine (sourced, not run): messages, a fresh wine prefix,
# Chinese fonts in it, a native county server on 127.0.0.1, and the client on Xvfb.
#   installer-test.sh         the county server installer
#   client-installer-test.sh  the village client installer
#   client-wine-test.sh       the village client on Xvfb, syncing, screenshot
# The caller sets `here` (tools/windows), `work` (its scratch folder), `test_name`, and
# WINEPREFIX, and calls wt_cleanup from its EXIT trap.

wt_passed=0
wt_server_pid=
wt_xvfb_pid=
wt_client_pid=
run() { "$here/wine-run.sh" "$@"; }
fail() { echo "$test_name: FAIL: $*" >&2; exit 1; }
step() { printf '[%s %s] %s\n' "$test_name" "$(date +%H:%M:%S)" "$*"; }
ok() { wt_passed=$((wt_passed + 1)); echo "  ok - $*"; }
wt_summary() { echo "$test_name: $wt_passed passed, 0 failed"; }

wt_cleanup() {
  [ -z "$wt_client_pid" ] || kill "$wt_client_pid" 2>/dev/null || true
  if [ -n "$wt_server_pid" ]; then
    kill "$wt_server_pid" 2>/dev/null || true
    wait "$wt_server_pid" 2>/dev/null || true
  fi
  "$here/wine-run.sh" --stop
  if [ -n "$wt_xvfb_pid" ]; then kill "$wt_xvfb_pid" 2>/dev/null || true; fi
}

# A private X server for the client's window (-displayfd picks a free display number): sets
# wt_display (give it to wine-run.sh as SHOUWANG_WINE_DISPLAY).
wt_xvfb() {
  command -v Xvfb >/dev/null || fail "Xvfb missing (apt-get install xvfb)"
  rm -f "$work/display"
  exec 3>"$work/display"
  Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp >"$work/xvfb.txt" 2>&1 &
  wt_xvfb_pid=$!
  exec 3>&-
  for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.2; done
  [ -s "$work/display" ] || { cat "$work/xvfb.txt"; fail "Xvfb did not start"; }
  wt_display=:$(head -n1 "$work/display")
  ok "Xvfb on $wt_display"
}

# The client on the Xvfb display of wt_xvfb, started in the background from its own folder
# (where Qt finds its plugins): sets wt_client_pid; what it prints goes to $work/client.txt.
# The wine session is ended first: one begun by a program run without a display (every `run`)
# has no window driver, and the client's windows would go nowhere. The client begins the
# next one, with the X display.
wt_start_client() {   # wt_start_client CLIENT_EXE [ARGS...]
  local exe=$1; shift
  "$here/wine-run.sh" --stop
  (cd "$(dirname "$exe")" && env -u QT_QPA_PLATFORM SHOUWANG_WINE_DISPLAY="$wt_display" SHOUWANG_WINE_RAW=1 \
     "$here/wine-run.sh" "$exe" "$@" >"$work/client.txt" 2>&1) &
  wt_client_pid=$!
}

# Fails (with what the client printed) if it has exited.
wt_client_alive() {
  kill -0 "$wt_client_pid" 2>/dev/null || { cat "$work/client.txt"; fail "shouwang-client.exe exited"; }
}

# Waits for the client's main window: xdotool finds nothing, and says so with its exit code,
# until the window is mapped. Sets wt_window.
wt_main_window() {
  local title='守望 — 农村留守老年人关爱服务信息台账'
  wt_window=
  for _ in $(seq 1 360); do
    wt_window=$(DISPLAY=$wt_display xdotool search --name "$title" 2>/dev/null | head -n1 || true)
    [ -n "$wt_window" ] && return 0
    wt_client_alive
    sleep 0.5
  done
  cat "$work/client.txt"
  fail "no main window titled $title"
}

# Closes the client (asked first, as a user would, then ended) and waits for it.
wt_stop_client() {
  run taskkill /IM shouwang-client.exe >/dev/null 2>&1 || true
  for _ in $(seq 1 40); do kill -0 "$wt_client_pid" 2>/dev/null || break; sleep 0.25; done
  run taskkill /F /IM shouwang-client.exe >/dev/null 2>&1 || true
  wait "$wt_client_pid" 2>/dev/null || true
  wt_client_pid=
}

# A new, empty wine prefix (and scratch folder) for this test.
wt_fresh_prefix() {
  "$here/wine-run.sh" --stop
  rm -rf "$WINEPREFIX" "$WINEPREFIX.lock" "$work"
  mkdir -p "$work"
  step "fresh wine prefix $WINEPREFIX"
  run cmd /c ver >/dev/null
}

# Wine ships no Chinese fonts, where Windows has Microsoft YaHei and SimSun: Debian's Noto Sans
# CJK goes into the prefix's Fonts folder and stands in for them (FontSubstitutes), which is
# where Qt's font fallback for Chinese text looks.
wt_cjk_fonts() {
  local font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
  [ -f "$font" ] || fail "no Chinese font: apt-get install fonts-noto-cjk"
  cp -f "$font" "$WINEPREFIX/drive_c/windows/Fonts/"
  local key='HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes'
  for family in "Microsoft YaHei" "Microsoft YaHei UI" "SimSun" "NSimSun" "SimHei"; do
    run reg add "$key" /v "$family" /t REG_SZ /d "Noto Sans CJK SC" /f >/dev/null 2>&1
  done
}

# The version an installer wrote into its Add/Remove Programs entry (empty: no entry).
wt_display_version() {   # wt_display_version 'HKLM\Software\...\Uninstall\KEY'
  run reg query "$1" /v DisplayVersion /reg:64 2>/dev/null | tr -d '\r' | awk '/DisplayVersion/ {print $NF}'
}

# Waits until a file disappears (an uninstaller re-launches itself from the temp folder).
wt_wait_gone() {
  for _ in $(seq 1 120); do [ -e "$1" ] || return 0; sleep 0.5; done
  return 1
}

wt_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Waits until a county server started in the background says it listens; fails, with what
# it printed, if it exits first or never does.
wt_wait_listening() {   # wt_wait_listening PID LOG
  for _ in $(seq 1 120); do
    grep -q "listening on" "$2" 2>/dev/null && return 0
    kill -0 "$1" 2>/dev/null || { cat "$2"; fail "county server exited"; }
    sleep 0.5
  done
  cat "$2"
  fail "county server did not listen"
}

# A native (Linux) county server for county 500154 on 127.0.0.1 with one village enrolled:
# sets wt_county_db, wt_server_url and wt_code (the village's enrollment code).
wt_native_county() {   # wt_native_county LINUX_SERVER VILLAGE_CODE
  local server=$1 village=$2 port
  wt_county_db=$work/county.db
  "$server" --db "$wt_county_db" init --county 500154 >"$work/county-init.txt" \
    || { cat "$work/county-init.txt"; fail "county init"; }
  wt_code=$("$server" --db "$wt_county_db" enroll --scope "village:$village" | tail -n1)
  [[ "$wt_code" =~ ^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$ ]] || fail "enroll printed no code: $wt_code"
  port=$(wt_free_port)
  "$server" --db "$wt_county_db" serve --listen "127.0.0.1:$port" >"$work/county-serve.txt" 2>&1 &
  wt_server_pid=$!
  wt_wait_listening "$wt_server_pid" "$work/county-serve.txt"
  wt_server_url=http://127.0.0.1:$port
  ok "native county server on $wt_server_url, village $village enrolled (code $wt_code)"
}

# Elders the county server holds (its `stats`, read while it serves).
wt_county_elders() {   # wt_county_elders LINUX_SERVER
  "$1" --db "$wt_county_db" stats | awk '$1 == "elder" {print $2}'
}
