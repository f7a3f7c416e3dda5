#!/usr/bin/env bash
# The county server .deb on this machine (root): build it with CPack from the native build,
# install it with dpkg, check the user / folders / unit, make a county database as the
# shouwang user, start the service (systemd when it runs here; otherwise the unit's
# ExecStart as its User in its WorkingDirectory), check /healthz and stats, stop it, remove
# the package and check that the data is kept (also after purge).
#
#   tests/packaging/deb-test.sh NATIVE_BUILD_DIR [OUT_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath "$1")
out=${2:-$root/build/deb}
mkdir -p "$out"; out=$(realpath "$out")
step() { printf '[deb-test %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { echo "deb-test: FAIL: $*" >&2; exit 1; }
passed=0
ok() { passed=$((passed + 1)); echo "  ok - $*"; }
[ "$(id -u)" -eq 0 ] || { echo "deb-test: needs root (dpkg -i); skipped" >&2; exit 0; }

marker=/var/lib/shouwang/.shouwang-deb-test
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

# A previous run of this test (never real data: only a folder carrying our marker).
if dpkg-query -W -f='${Status}' shouwang-server 2>/dev/null | grep -q installed; then
  dpkg --purge shouwang-server >/dev/null
fi
[ -f "$marker" ] && rm -rf /var/lib/shouwang
[ -e /var/lib/shouwang/county.db ] && fail "/var/lib/shouwang/county.db exists and is not this test's: not touching it"

step "cpack -G DEB"
rm -f "$out"/shouwang-server_*.deb
(cd "$out" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1) \
  || { cat "$out/cpack.log"; fail "cpack"; }
deb=$(ls "$out"/shouwang-server_*.deb | head -n1)
[ -f "$deb" ] || fail "no .deb made"
dpkg-deb -I "$deb" >"$out/info.txt"
grep -q 'Depends:.*libprotobuf' "$out/info.txt" || fail "no shared-library dependencies in control"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/shouwang-server ./usr/bin/shouwang ./usr/lib/systemd/system/shouwang-server.service \
         ./usr/lib/systemd/system/shouwang-city@.service ./usr/share/shouwang/etc/city.conf \
         ./usr/share/shouwang/etc/server.conf ./usr/share/doc/shouwang-server/admin-guide.md; do
  grep -q " $f\$" <<<"$contents" || fail "$f not in the package"
done
ok "$(basename "$deb"): binaries, unit, settings template, docs, dependencies"

step "dpkg -i"
dpkg -i "$deb" >"$out/install.log" 2>&1 || { cat "$out/install.log"; fail "dpkg -i"; }
id shouwang >/dev/null 2>&1 || fail "no shouwang user"
[ "$(getent passwd shouwang | cut -d: -f7)" = /usr/sbin/nologin ] || fail "shouwang user has a login shell"
[ "$(id -u shouwang)" -lt 1000 ] || fail "shouwang is not a system user"
[ "$(stat -c %U /var/lib/shouwang)" = shouwang ] || fail "/var/lib/shouwang not owned by shouwang"
[ -f /etc/shouwang/server.conf ] || fail "no /etc/shouwang/server.conf"
ok "installed: system user shouwang, /var/lib/shouwang, /etc/shouwang/server.conf"
touch "$marker"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sed -i "s/^listen = .*/listen = 127.0.0.1:$port/" /etc/shouwang/server.conf

step "init as the shouwang user"
runuser -u shouwang -- shouwang-server --config /etc/shouwang/server.conf init --county 500154 >"$out/init.txt" 2>&1 \
  || { cat "$out/init.txt"; fail "init"; }
[ "$(stat -c %U /var/lib/shouwang/county.db)" = shouwang ] || fail "county.db not owned by shouwang"
ok "init --county 500154 as shouwang"

unit=/usr/lib/systemd/system/shouwang-server.service
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
  step "systemctl start shouwang-server"
  systemctl daemon-reload
  systemctl start shouwang-server.service
  how="systemd"
else
  # No systemd in this container: run ExecStart as the unit's User in its WorkingDirectory.
  exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
  user=$(sed -n 's/^User=//p' "$unit")
  workdir=$(sed -n 's/^WorkingDirectory=//p' "$unit")
  step "no systemd here: running the unit's ExecStart as $user: $exec_start"
  # setpriv execs the program itself (no intermediate process), as systemd does.
  (cd "$workdir" && exec setpriv --reuid="$user" --regid="$user" --init-groups -- $exec_start) >"$out/serve.txt" 2>&1 &
  server_pid=$!
  how="ExecStart as $user"
fi
health=""
for _ in $(seq 1 60); do
  health=$(python3 -c "import urllib.request,sys; print(urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=2).read().decode().strip())" 2>/dev/null || true)
  [ "$health" = ok ] && break
  sleep 0.5
done
[ "$health" = ok ] || { cat "$out/serve.txt" 2>/dev/null; fail "healthz did not answer ok"; }
if [ -n "$server_pid" ]; then
  [ "$(ps -o user= -p "$server_pid" | tr -d ' ')" = shouwang ] || fail "server not running as shouwang"
fi
ok "service started ($how), GET /healthz -> ok"
runuser -u shouwang -- shouwang-server --config /etc/shouwang/server.conf stats >"$out/stats.txt" || fail "stats"
ok "stats while serving"

step "stop, dpkg -r"
if [ -n "$server_pid" ]; then
  kill -TERM "$server_pid"; wait "$server_pid" || fail "server did not stop cleanly on SIGTERM"
  server_pid=
else
  systemctl stop shouwang-server.service
fi
ok "stopped by SIGTERM"
dpkg -r shouwang-server >"$out/remove.log" 2>&1 || { cat "$out/remove.log"; fail "dpkg -r"; }
[ ! -e /usr/bin/shouwang-server ] || fail "binary left after removal"
[ -f /var/lib/shouwang/county.db ] || fail "removal deleted the county database"
[ -f /etc/shouwang/server.conf ] || fail "removal deleted the settings"
ok "removed: program gone, data and settings kept"
dpkg --purge shouwang-server >"$out/purge.log" 2>&1 || { cat "$out/purge.log"; fail "dpkg --purge"; }
[ -f /var/lib/shouwang/county.db ] || fail "purge deleted the county database"
ok "purged: data still in /var/lib/shouwang"
rm -rf /var/lib/shouwang

echo "deb-test: $passed passed, 0 failed"
