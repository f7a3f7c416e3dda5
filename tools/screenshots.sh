#!/bin/sh
# Screenshots of every screen of the client, for docs/user-manual.md.
# Runs the real program under Xvfb on a fresh demo village, then on a demo of its township and
# of its county (the township's and county's screens: township-*.png, county-*.png), and saves
# PNGs in docs/images/. The client's --screenshot option works on a copy of the ledger it is
# given (made in a temporary folder), so pointing it at a real ledger changes nothing there.
#   tools/screenshots.sh [path/to/shouwang-client] [output dir]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
client=${1:-"$here/build/debug/client/app/shouwang-client"}
out=${2:-"$here/docs/images"}
village=500154001200 # 开州区 汉丰街道 川心村

if [ ! -x "$client" ]; then
    echo "shouwang-client not found at $client (give its path as the first argument)" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
# A fixed language and an empty settings folder, so the pictures do not depend on who runs it.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" LANG=zh_CN.UTF-8
for scope in "$village" "${village%???}" "${village%??????}"; do
    xvfb-run -a -s "-screen 0 1366x860x24" \
        "$client" --db "$work/demo-$scope.db" --demo "$scope" --lang zh_CN --screenshot "$out"
done
echo "screenshots written to $out:"
ls "$out"
