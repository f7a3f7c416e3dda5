#!/usr/bin/env bash
# The county server installer, end to end under wine, in a fresh wine prefix:
#   1. silent install of v1 (/S): files, Start-menu links, Add/Remove entry with its version,
#      default settings in C:\ProgramData\Shouwang;
#   2. init --county 500154, enroll, serve on 127.0.0.1; the LINUX `shouwang` CLI enrolls,
#      makes demo data and syncs; the server's `stats` shows the records;
#   3. install v2 over v1: version updated, database and settings intact;
#   4. uninstall: program files and Add/Remove entry gone, data still there (and readable
#      by the Linux shouwang-server).
#
#   tools/windows/installer-test.sh INSTALLER_V1.exe INSTALLER_V2.exe V1 V2 LINUX_BUILD_DIR
#
# LINUX_BUILD_DIR holds the native build (client/cli/shouwang, server/shouwang-server).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
inst_v1=$(realpath "$1"); inst_v2=$(realpath "$2"); v1=$3; v2=$4
linux_build=$(realpath "$5")
cli=$linux_build/client/cli/shouwang
linux_server=$linux_build/server/shouwang-server

export WINEPREFIX=$root/build/wine-installer-test
work=$root/build/installer-test
test_name=installer-test
# shellcheck source=wine-test-lib.sh
. "$here/wine-test-lib.sh"
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wt_cleanup
}
trap cleanup EXIT

wt_fresh_prefix

C=$WINEPREFIX/drive_c
instdir="$C/Program Files/Shouwang Server"
data="$C/ProgramData/Shouwang"
uninstall_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Shouwang-Server'
server_exe='C:\Program Files\Shouwang Server\bin\shouwang-server.exe'
conf='C:\ProgramData\Shouwang\server.conf'
display_version() { wt_display_version "$uninstall_key"; }

# --- 1. install v1 ---------------------------------------------------------------------
step "silent install v$v1"
run "$inst_v1" /S
[ -f "$instdir/bin/shouwang-server.exe" ] || fail "shouwang-server.exe not installed"
[ -f "$instdir/bin/shouwang.exe" ] || fail "shouwang.exe not installed"
[ -f "$instdir/doc/admin-guide.md" ] || fail "admin guide not installed"
[ -f "$instdir/uninstall.exe" ] || fail "no uninstaller"
ok "program files, CLI, admin guide and uninstaller installed"
[ "$(display_version)" = "$v1" ] || fail "Add/Remove DisplayVersion is '$(display_version)', want $v1"
ok "Add/Remove Programs entry, version $v1"
menu=$(find "$C/ProgramData/Microsoft/Windows/Start Menu/Programs" -name '*.lnk' 2>/dev/null | wc -l)
[ "$menu" -ge 3 ] || fail "Start-menu shortcuts missing ($menu found)"
ok "Start-menu shortcuts ($menu)"
[ -f "$data/server.conf" ] || fail "default settings not written to ProgramData"
grep -q 'county.db' "$data/server.conf" || fail "server.conf has no db line"
ok "settings in C:\\ProgramData\\Shouwang\\server.conf"

# --- 2. init, enroll, serve, sync from Linux -------------------------------------------
step "init, enroll, serve"
run "$server_exe" --config "$conf" init --county 500154 >"$work/init.txt" 2>&1 || { cat "$work/init.txt"; fail "init"; }
[ -f "$data/county.db" ] || fail "init did not make C:\\ProgramData\\Shouwang\\county.db"
[ ! -e "$instdir/county.db" ] || fail "database in the install folder"
ok "init --county 500154 made the database in ProgramData"
run "$server_exe" --config "$conf" enroll --scope village:500154102200 >"$work/enroll.txt" 2>&1 \
  || { cat "$work/enroll.txt"; fail "enroll"; }
code=$(tr -d '\r' <"$work/enroll.txt" | tail -n1)
[[ "$code" =~ ^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$ ]] || fail "enroll printed no code: $code"
ok "enroll printed code $code"

port=$(wt_free_port)
# Straight to a file (not through wine-run.sh's buffering), to see "listening on" at once.
SHOUWANG_WINE_RAW=1 run "$server_exe" --config "$conf" serve --listen "127.0.0.1:$port" --threads 2 >"$work/serve.txt" 2>&1 &
server_pid=$!
wt_wait_listening "$server_pid" "$work/serve.txt"
ok "serve: listening on 127.0.0.1:$port"

step "sync from the Linux CLI"
village=$work/village.db
"$cli" --db "$village" enroll --server "http://127.0.0.1:$port" --code "$code" --name "installer-test" >"$work/cli-enroll.txt" \
  || { cat "$work/cli-enroll.txt"; fail "Linux CLI enroll"; }
"$cli" --db "$village" demo --elders 6 --seed 7 --village 500154102200 >"$work/cli-demo.txt" || { cat "$work/cli-demo.txt"; fail "demo"; }
"$cli" --db "$village" sync >"$work/cli-sync.txt" || { cat "$work/cli-sync.txt"; fail "Linux CLI sync"; }
pushed=$(awk '$1 == "pushed" {print $2}' "$work/cli-sync.txt")
[ "${pushed:-0}" -gt 0 ] || { cat "$work/cli-sync.txt"; fail "nothing pushed"; }
ok "Linux CLI enrolled and pushed $pushed changes"
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && ok "healthz answers" || true

run "$server_exe" --config "$conf" stats >"$work/stats-v1.txt" 2>&1 || { cat "$work/stats-v1.txt"; fail "stats"; }
tr -d '\r' <"$work/stats-v1.txt" >"$work/stats-v1.clean"
"$cli" --db "$village" stats >"$work/village-stats.txt"
elders_server=$(awk '$1 == "elder" {print $2}' "$work/stats-v1.clean")
elders_village=$(awk '$1 == "elder" {print $2}' "$work/village-stats.txt")
[ -n "$elders_server" ] && [ "$elders_server" -ge 6 ] && [ "$elders_server" = "$elders_village" ] \
  || { cat "$work/stats-v1.clean" "$work/village-stats.txt"; fail "server stats do not show the village's elders"; }
ok "server stats: $elders_server elders, as on the village laptop"

run taskkill /F /IM shouwang-server.exe >/dev/null 2>&1 || true
wait "$server_pid" 2>/dev/null || true
server_pid=

# --- 3. upgrade to v2 ------------------------------------------------------------------
step "silent install v$v2 over v$v1"
echo "# local note kept across upgrades" >>"$data/server.conf"
sum_conf=$(md5sum <"$data/server.conf")
run "$inst_v2" /S
[ "$(display_version)" = "$v2" ] || fail "after upgrade DisplayVersion is '$(display_version)', want $v2"
ok "upgraded: Add/Remove shows $v2"
[ -f "$instdir/bin/shouwang-server.exe" ] || fail "upgrade left no shouwang-server.exe"
[ "$(md5sum <"$data/server.conf")" = "$sum_conf" ] || fail "upgrade changed server.conf"
run "$server_exe" --config "$conf" stats >"$work/stats-v2.txt" 2>&1 || { cat "$work/stats-v2.txt"; fail "stats after upgrade"; }
tr -d '\r' <"$work/stats-v2.txt" >"$work/stats-v2.clean"
diff -u "$work/stats-v1.clean" "$work/stats-v2.clean" || fail "data changed by the upgrade"
ok "database and settings intact after the upgrade"

# --- 4. uninstall ----------------------------------------------------------------------
step "silent uninstall"
run "C:\\Program Files\\Shouwang Server\\uninstall.exe" /S
wt_wait_gone "$instdir/uninstall.exe" || fail "uninstaller did not finish"
[ ! -e "$instdir/bin/shouwang-server.exe" ] || fail "program files left after uninstall"
[ -z "$(display_version)" ] || fail "Add/Remove entry left after uninstall"
ok "uninstalled: program files and Add/Remove entry removed"
[ -f "$data/county.db" ] && [ -f "$data/server.conf" ] || fail "uninstall removed the data"
if [ -x "$linux_server" ]; then
  "$linux_server" --db "$data/county.db" stats >"$work/stats-after.txt"
  diff -u "$work/stats-v1.clean" "$work/stats-after.txt" || fail "data changed by the uninstall"
fi
ok "data kept in C:\\ProgramData\\Shouwang after uninstall (read back by the Linux server)"

wt_summary
