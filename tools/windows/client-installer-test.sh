#!/usr/bin/env bash
# The village client installer, end to end under wine, in a fresh wine prefix:
#   1. silent install of v1 (/S): per user, in %LOCALAPPDATA%\Programs\Shouwang, with the Qt
#      runtime beside the program, the user's Start-menu and desktop shortcuts, the user's
#      Add/Remove entry (HKCU) with its version, nothing per machine;
#   2. use: the installed shouwang.exe makes a ledger in the user's data folder
#      (%APPDATA%\Shouwang\shouwang\ledger.db, where the client keeps it) with demo elders and
#      enrolls it with a native county server on 127.0.0.1: its changes are pending; the
#      installed shouwang-client.exe opens it on Xvfb (its main window shows);
#   3. with the client open, the v2 installer and the v1 uninstaller refuse (exit code 3)
#      and change nothing; once it is closed, install v2 over v1: version updated, the
#      ledger and its pending changes intact;
#   4. uninstall: program files, shortcuts and Add/Remove entry gone, the ledger and its
#      pending changes still there (read back by the Linux shouwang);
#   5. per machine: an administrator's /ALLUSERS install goes to Program Files and HKLM, and
#      its uninstaller removes it.
#
#   tools/windows/client-installer-test.sh INSTALLER_V1.exe INSTALLER_V2.exe V1 V2 LINUX_BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
inst_v1=$(realpath "$1"); inst_v2=$(realpath "$2"); v1=$3; v2=$4
linux_build=$(realpath "$5")
cli=$linux_build/client/cli/shouwang
test_name=client-installer-test
work=$root/build/client-installer-test
export WINEPREFIX=$root/build/wine-client-installer-test
# shellcheck source=wine-test-lib.sh
. "$here/wine-test-lib.sh"
command -v xdotool >/dev/null || fail "xdotool missing (apt-get install xdotool)"
trap wt_cleanup EXIT

wt_fresh_prefix
wt_cjk_fonts
winvar() { run cmd /c "echo %$1%" | tr -d '\r' | tail -n1; }
local_appdata=$(run winepath -u "$(winvar LOCALAPPDATA)")
appdata_win=$(winvar APPDATA)
appdata=$(run winepath -u "$appdata_win")
desktop=$(run winepath -u "$(winvar USERPROFILE)\\Desktop")
C=$WINEPREFIX/drive_c
instdir=$local_appdata/Programs/Shouwang
user_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Shouwang-Client'
machine_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Shouwang-Client'
ledger_win="$appdata_win\\Shouwang\\shouwang\\ledger.db"
ledger=$appdata/Shouwang/shouwang/ledger.db
wcli() { run "$instdir/bin/shouwang.exe" "$@"; }

# --- 1. install v1, per user ------------------------------------------------------------
step "silent install v$v1 (per user)"
run "$inst_v1" /S
for f in bin/shouwang-client.exe bin/shouwang.exe bin/Qt6Core.dll bin/Qt6Gui.dll bin/Qt6Widgets.dll \
         bin/Qt6PrintSupport.dll bin/platforms/qwindows.dll bin/styles/qwindowsvistastyle.dll \
         bin/libstdc++-6.dll bin/libgcc_s_seh-1.dll bin/libwinpthread-1.dll doc/user-manual.md uninstall.exe; do
  [ -f "$instdir/$f" ] || fail "$f not installed in $instdir"
done
ok "client, CLI, Qt DLLs and plugins, GCC runtime, manual and uninstaller in %LOCALAPPDATA%\\Programs\\Shouwang"
[ ! -e "$C/Program Files/Shouwang" ] || fail "a per-user install wrote to Program Files"
[ "$(wt_display_version "$user_key")" = "$v1" ] || fail "HKCU Add/Remove DisplayVersion is '$(wt_display_version "$user_key")', want $v1"
[ -z "$(wt_display_version "$machine_key")" ] || fail "a per-user install wrote an HKLM Add/Remove entry"
ok "the user's Add/Remove Programs entry (HKCU), version $v1; nothing per machine"
menu=$(find "$appdata/Microsoft/Windows/Start Menu/Programs" -name '*.lnk' 2>/dev/null | wc -l)
[ "$menu" -ge 3 ] || fail "Start-menu shortcuts missing ($menu found)"
[ -f "$desktop/守望.lnk" ] || fail "no desktop shortcut in $desktop"
ok "the user's Start-menu shortcuts ($menu) and desktop shortcut"

# --- 2. use: a ledger with pending changes in the user's data folder ----------------------
step "a ledger in %APPDATA%\\Shouwang\\shouwang, enrolled, changes pending"
village=500154002200
wt_native_county "$linux_build/server/shouwang-server" "$village"
mkdir -p "$(dirname "$ledger")"
wcli --db "$ledger_win" demo --elders 8 --village "$village" --seed 5 >"$work/demo.txt" 2>&1 \
  || { cat "$work/demo.txt"; fail "demo ledger (installed shouwang.exe)"; }
wcli --db "$ledger_win" enroll --server "$wt_server_url" --code "$wt_code" --name "安装测试电脑" >"$work/enroll.txt" 2>&1 \
  || { cat "$work/enroll.txt"; fail "enroll (installed shouwang.exe)"; }
ledger_state() { "$cli" --db "$ledger" status | grep -E '^(scope|enrolled|pending) '; "$cli" --db "$ledger" stats; }
ledger_state >"$work/state-v1.txt"
pending=$(awk '$1 == "pending" {print $2; exit}' "$work/state-v1.txt")
[ "${pending:-0}" -gt 0 ] || { cat "$work/state-v1.txt"; fail "no pending changes"; }
ok "the installed shouwang.exe made and enrolled the ledger: $pending changes pending"

wt_xvfb
wt_start_client "$instdir/bin/shouwang-client.exe"
wt_main_window
ok "the installed shouwang-client.exe opened the user's ledger (window '$(DISPLAY=$wt_display xdotool getwindowname "$wt_window")')"

# --- 3. upgrade to v2 --------------------------------------------------------------------
# While the client is open (a form may be half filled in), the installer and the
# uninstaller leave it alone: silent, they give up with exit code 3 and change nothing.
step "silent install v$v2 and uninstall while the client is open"
status=0; run "$inst_v2" /S || status=$?
[ "$status" = 3 ] || fail "the v$v2 installer ran over the open client (exit code $status, want 3)"
status=0; run "$(run winepath -w "$instdir/uninstall.exe" | tr -d '\r')" /S "_?=$(run winepath -w "$instdir" | tr -d '\r')" || status=$?
[ "$status" = 3 ] || fail "the uninstaller ran with the client open (exit code $status, want 3)"
kill -0 "$wt_client_pid" 2>/dev/null || fail "the installer or uninstaller ended the open client"
[ "$(wt_display_version "$user_key")" = "$v1" ] && [ -f "$instdir/bin/shouwang-client.exe" ] \
  || fail "v$v1 was changed while its client was open"
ok "both waited for the open client (exit code 3): it still runs, v$v1 untouched"
# The user closes the client.
wt_stop_client
ledger_state >"$work/state-used.txt"
diff -u "$work/state-v1.txt" "$work/state-used.txt" || fail "opening the ledger changed it"

step "silent install v$v2 over v$v1"
run "$inst_v2" /S
[ "$(wt_display_version "$user_key")" = "$v2" ] || fail "after upgrade DisplayVersion is '$(wt_display_version "$user_key")', want $v2"
[ -f "$instdir/bin/shouwang-client.exe" ] && [ -f "$instdir/bin/platforms/qwindows.dll" ] \
  || fail "the upgrade left no client in $instdir"
ok "upgraded in place (per user): Add/Remove shows $v2"
ledger_state >"$work/state-v2.txt"
diff -u "$work/state-v1.txt" "$work/state-v2.txt" || fail "the upgrade changed the ledger"
ok "ledger and its $pending pending changes intact after the upgrade"

# --- 4. uninstall --------------------------------------------------------------------------
step "silent uninstall"
run "$(run winepath -w "$instdir/uninstall.exe" | tr -d '\r')" /S
wt_wait_gone "$instdir/uninstall.exe" || fail "uninstaller did not finish"
[ ! -e "$instdir/bin/shouwang-client.exe" ] || fail "program files left after uninstall"
[ ! -e "$desktop/守望.lnk" ] || fail "desktop shortcut left after uninstall"
[ -z "$(wt_display_version "$user_key")" ] || fail "Add/Remove entry left after uninstall"
ok "uninstalled: program files, shortcuts and Add/Remove entry removed"
[ -f "$ledger" ] || fail "the uninstaller removed the ledger"
ledger_state >"$work/state-after.txt"
diff -u "$work/state-v1.txt" "$work/state-after.txt" || fail "the uninstall changed the ledger"
ok "ledger and its $pending pending changes kept in %APPDATA%\\Shouwang\\shouwang (read back by the Linux shouwang)"

# --- 5. per machine ------------------------------------------------------------------------
step "silent install v$v2 for every user (/ALLUSERS)"
run "$inst_v2" /S /ALLUSERS
machine_dir="$C/Program Files/Shouwang"
[ -f "$machine_dir/bin/shouwang-client.exe" ] && [ -f "$machine_dir/bin/platforms/qwindows.dll" ] \
  || fail "/ALLUSERS did not install into Program Files"
[ "$(wt_display_version "$machine_key")" = "$v2" ] || fail "/ALLUSERS wrote no HKLM Add/Remove entry"
[ ! -e "$instdir/bin/shouwang-client.exe" ] || fail "/ALLUSERS installed per user"
ok "per machine: Program Files, HKLM Add/Remove entry $v2"
run "C:\\Program Files\\Shouwang\\uninstall.exe" /S
wt_wait_gone "$machine_dir/uninstall.exe" || fail "per-machine uninstaller did not finish"
[ -z "$(wt_display_version "$machine_key")" ] || fail "HKLM Add/Remove entry left after uninstall"
[ -f "$ledger" ] || fail "the per-machine uninstaller removed the user's ledger"
ok "per-machine uninstall: removed, the user's ledger kept"

wt_summary
