#!/usr/bin/env bash
# The village client (shouwang-client.exe, cross-built, its Qt DLLs and plugins beside it) on
# a real X display under wine, with Qt's `windows` platform plugin:
#   1. a native county server (county 500154) on 127.0.0.1, one village enrolled;
#   2. the Linux CLI makes a demo village ledger and enrolls it: its changes are pending;
#   3. shouwang-client.exe opens that ledger on Xvfb and syncs (--sync: the "Sync now" button);
#      the county server then holds the village's elders and the ledger has nothing pending;
#   4. a screenshot of its main window (the sync page, in Chinese) is saved.
#
#   tools/windows/client-wine-test.sh CLIENT_EXE LINUX_BUILD_DIR SCREENSHOT.png
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
client_exe=$(realpath "$1")
linux_build=$(realpath "$2")
shot=$(realpath -m "$3")
cli=$linux_build/client/cli/shouwang
linux_server=$linux_build/server/shouwang-server
test_name=client-wine-test
work=$root/build/client-wine-test
export WINEPREFIX=$root/build/wine-client-test
# shellcheck source=wine-test-lib.sh
. "$here/wine-test-lib.sh"
command -v import >/dev/null || fail "ImageMagick's import missing (apt-get install imagemagick)"
command -v xdotool >/dev/null || fail "xdotool missing (apt-get install xdotool)"

trap wt_cleanup EXIT

wt_fresh_prefix
wt_cjk_fonts
ok "wine prefix with Noto Sans CJK standing in for Microsoft YaHei and SimSun"

village=500154001200   # 川心村
wt_native_county "$linux_server" "$village"
ledger=$work/village.db
"$cli" --db "$ledger" demo --elders 40 --village "$village" --seed 1 >"$work/demo.txt" \
  || { cat "$work/demo.txt"; fail "demo ledger"; }
"$cli" --db "$ledger" enroll --server "$wt_server_url" --code "$wt_code" --name "演示村电脑" >"$work/enroll.txt" \
  || { cat "$work/enroll.txt"; fail "Linux CLI enroll"; }
elders=$("$cli" --db "$ledger" stats | awk '$1 == "elder" {print $2}')
[ "${elders:-0}" -gt 0 ] || fail "the demo ledger has no elders"
[ "$(wt_county_elders "$linux_server")" = 0 ] || fail "the county has elders before the client synced"
ok "demo ledger of village $village: $elders elders, not yet synced"

wt_xvfb

step "shouwang-client.exe --db <demo ledger> --sync"
win_ledger=$(run winepath -w "$ledger")
wt_start_client "$client_exe" --db "$win_ledger" --sync
synced=
for _ in $(seq 1 240); do
  if [ "$(wt_county_elders "$linux_server")" = "$elders" ]; then synced=1; break; fi
  wt_client_alive
  sleep 0.5
done
[ -n "$synced" ] || { cat "$work/client.txt"; fail "the county server did not receive the village's elders"; }
ok "the client synced: the county server holds the village's $elders elders"
wt_client_alive

# Let the sync page show its result, then photograph the client's main window.
sleep 3
wt_main_window
ok "main window: $(DISPLAY=$wt_display xdotool getwindowname "$wt_window")"
mkdir -p "$(dirname "$shot")"
import -display "$wt_display" -window "$wt_window" "$shot"
colours=$(identify -format '%k' "$shot")
[ "$colours" -gt 50 ] || fail "the screenshot is blank ($colours colours)"
ok "screenshot $shot ($colours colours)"

wt_stop_client
# What the client wrote is the ledger the Linux tools read: nothing left waiting to upload.
"$cli" --db "$ledger" status >"$work/status.txt" 2>&1 || { cat "$work/status.txt"; fail "status of the synced ledger"; }
pending=$(awk '$1 == "pending" {print $2; exit}' "$work/status.txt")
[ "$pending" = 0 ] || { cat "$work/status.txt"; fail "the ledger still has ${pending:-?} changes pending after the client synced"; }
ok "the ledger the client synced has no change pending"
wt_summary
