#!/usr/bin/env bash
# The main job (README): builds Shouwang, starts a county server over a demo county
# (开州区, real division codes) with three demo villages synced into it, and opens the
# desktop client on one of those villages, enrolled and ready to use.
#
#   SHOUWANG_DEMO_DIR   where the databases live (default: build/demo-data)
#   SHOUWANG_DEMO_PORT  the server's port on 127.0.0.1 (default: 8443)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash tools/install-deps.sh

cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc 2>/dev/null || echo 2)"
bin=$root/build/release
server=$bin/server/shouwang-server
device=$bin/client/cli/shouwang
gui=$bin/client/app/shouwang-client

data=${SHOUWANG_DEMO_DIR:-$root/build/demo-data}
port=${SHOUWANG_DEMO_PORT:-8443}
county=500154 # 开州区
villages=(500154001200 500154001202 500154002200) # 川心村, 南元村, 木桥村
mkdir -p "$data"
county_db=$data/county.db

[ -f "$county_db" ] || "$server" --db "$county_db" init --county "$county"

"$server" --db "$county_db" serve --listen "127.0.0.1:$port" >"$data/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  grep -q "listening on" "$data/server.log" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
  sleep 0.2
done
echo "county server: http://127.0.0.1:$port  (log: $data/server.log)"

i=0
for village in "${villages[@]}"; do
  i=$((i + 1))
  db=$data/village-$village.db
  if [ ! -f "$db" ]; then
    code=$("$server" --db "$county_db" enroll --scope "village:$village" | tail -n 1)
    "$device" --db "$db" demo --elders 150 --village "$village" --seed "$i" >/dev/null
    "$device" --db "$db" enroll --server "http://127.0.0.1:$port" --code "$code" --name "演示村电脑$i" >/dev/null
  fi
  "$device" --db "$db" sync >/dev/null
done

echo
echo "县级台账 / county master ledger:"
"$server" --db "$county_db" stats
echo

first=$data/village-${villages[0]}.db
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "打开村级客户端 / opening the village client on $first"
  "$gui" --db "$first" --server "http://127.0.0.1:$port"
else
  echo "没有图形界面：客户端可用以下命令打开 / no display; open the client with:"
  echo "  $gui --db $first"
  if [ -t 0 ]; then
    echo "服务器运行中，按 Ctrl-C 停止 / the server is running; press Ctrl-C to stop."
    wait "$server_pid"
  fi
fi
