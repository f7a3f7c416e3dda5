#!/usr/bin/env bash
# Installs the Debian 12 packages Shouwang builds and tests with.
# Idempotent: does nothing (and prints nothing) when everything is already there; run as a
# user, it asks sudo for root only when a package is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libgl-dev libxkbcommon-dev
  libboost1.81-dev
  protobuf-compiler libprotobuf-dev
  catch2
  libsqlite3-dev sqlite3
  libssl-dev zlib1g-dev
  fonts-noto-cjk xvfb xauth
  # Windows build and packaging (tools/windows/, packaging/): mingw-w64 cross compilers,
  # wine to run the tests and installers, NSIS, Debian source tools, tclsh for SQLite.
  g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64
  wine wine64 nsis dpkg-dev tcl adduser
  # The Windows client on Xvfb under wine (tools/windows/client-wine-test.sh): its screenshot
  # (ImageMagick's import) and finding its window (xdotool).
  imagemagick xdotool
  # libFuzzer (tools/fuzz.sh): clang 14 and its runtime libraries (libclang_rt.fuzzer).
  clang libclang-rt-14-dev
  # Supervision exports (shared/exchange/xlsx_writer.cpp) and reading them back in tests.
  libxlsxwriter-dev unzip
  # The printed 督促通知书 read back from its PDF in tests (tests/gui/duty_notice_print_test.cpp).
  poppler-utils
  # Importing the counties' Excel ledgers (shared/exchange/xlsx_reader.cpp): zip and XML.
  libminizip-dev libexpat1-dev
  # The city's store (server/postgres/): libpq to build it, and PostgreSQL 15's server, which
  # the tests start in a folder of their own (tests/support/temp_postgres.h).
  libpq-dev postgresql-15
  # Supervision dashboard charts (client/ui/supervision/supervision_charts.cpp): Qt Charts.
  qt6-charts-dev libqt6opengl6-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  # The callers (tools/test.sh, demo.sh, bench.sh) run as the user: ask for root only now
  # that something is missing.
  if command -v sudo >/dev/null; then
    exec sudo bash "$0" "$@"
  fi
  echo "Missing packages: ${missing[*]}" >&2
  echo "Run this script as root (or: sudo $0)." >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
