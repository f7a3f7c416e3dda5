#!/usr/bin/env bash
# Cross-builds the Windows (x86_64, mingw-w64 "posix" threads) static libraries Shouwang
# links, from Debian's own source packages: zlib (and its contrib/minizip, the source of
# Debian's libminizip), SQLite 3.40, expat, libxlsxwriter, protobuf 3.21, OpenSSL 3.0.
# Boost and Catch2 are header-only here: the prefix holds links to /usr/include/boost and
# /usr/include/catch2 (so the cross build never sees /usr/include itself), plus a
# Catch2WithMain library built with the cross compiler and a small Catch2 CMake package.
#
#   bash tools/windows/build-deps.sh [PREFIX_ROOT]      (default build/win-deps)
#
# Idempotent: each library is skipped when its stamp file in the prefix exists.
# Needs root the first time (adds a deb-src entry and runs apt-get update).
set -euo pipefail
cd "$(dirname "$0")/../.."
root_dir=$(pwd)

work=${1:-build/win-deps}
mkdir -p "$work"
work=$(cd "$work" && pwd -P)   # real path: Qt refuses to build below a symlink
prefix=$work/prefix
src=$work/src
mkdir -p "$prefix/include" "$prefix/lib" "$src"

host=x86_64-w64-mingw32
export CC=$host-gcc-posix CXX=$host-g++-posix AR=$host-ar RANLIB=$host-ranlib RC=$host-windres
jobs=${SHOUWANG_JOBS:-2}
nice_cmd=(nice -n 10)
log() { printf '[win-deps %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
stamp() { [ -f "$prefix/.built-$1" ]; }
done_stamp() { touch "$prefix/.built-$1"; }

# --- Debian sources --------------------------------------------------------------------
# A deb-src twin of every enabled binary entry for this Debian release (same hosts, same
# suites, same keys), so that `apt-get source` works. Nothing else is added.
ensure_deb_src() {
  local out=/etc/apt/sources.list.d/shouwang-deb-src.sources
  if apt-cache showsrc sqlite3 2>/dev/null | grep -q '^Package: sqlite3'; then return; fi
  [ "$(id -u)" -eq 0 ] || { echo "build-deps.sh: deb-src entries are missing; run once as root" >&2; exit 1; }
  local codename
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  log "adding deb-src entries ($out)"
  {
    echo "# Added by Shouwang tools/windows/build-deps.sh: sources of the configured Debian entries."
    for f in /etc/apt/sources.list.d/*.sources; do
      [ "$f" = "$out" ] && continue
      # deb822 stanzas: keep those of type deb for this release, rewrite the type.
      awk -v codename="$codename" '
        function flush() {
          if (stanza != "" && isdeb && ours && enabled) { print stanza; print "" }
          stanza = ""; isdeb = 0; ours = 0; enabled = 1
        }
        BEGIN { enabled = 1 }
        /^[[:space:]]*$/ { flush(); next }
        /^#/ { next }
        /^Types:/ { if ($0 ~ /(^|[ :])deb( |$)/) isdeb = 1; stanza = stanza "Types: deb-src\n"; next }
        /^Suites:/ { if (index($0, codename)) ours = 1 }
        /^Enabled:[[:space:]]*no/ { enabled = 0 }
        { stanza = stanza $0 "\n" }
        END { flush() }' "$f"
    done
  } >"$out.tmp"
  # One-line entries (sources.list and *.list) for the same release.
  local lines
  lines=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
          | grep -E '^deb[[:space:]]' | grep -w "$codename[a-z-]*" | sed 's/^deb /deb-src /' || true)
  if [ -n "$lines" ]; then
    printf '%s\n' "$lines" >/etc/apt/sources.list.d/shouwang-deb-src.list
  fi
  mv "$out.tmp" "$out"
  apt-get update -qq
}

fetch_source() {   # fetch_source PACKAGE DIRGLOB -> prints the unpacked directory
  local pkg=$1 glob=$2 dir
  dir=$(cd "$src" && ls -d $glob 2>/dev/null | head -n1 || true)
  if [ -z "$dir" ]; then
    ensure_deb_src
    # Newest version first; a mirror may list a version whose files it does not (yet) hold.
    local versions v fetched=""
    versions=$(apt-cache showsrc "$pkg" | sed -n 's/^Version: //p' | sort -V -r | uniq)
    for v in $versions; do
      log "apt-get source $pkg=$v"
      if (cd "$src" && apt-get source -qq "$pkg=$v" >"$src/$pkg.fetch.log" 2>&1); then fetched=$v; break; fi
      grep -E '^E:' "$src/$pkg.fetch.log" | head -n2 >&2 || true
    done
    [ -n "$fetched" ] || { cat "$src/$pkg.fetch.log" >&2; exit 1; }
    dir=$(cd "$src" && ls -d $glob | head -n1)
  fi
  echo "$src/$dir"
}

command -v $CXX >/dev/null || { echo "missing $CXX (apt-get install g++-mingw-w64-x86-64-posix)" >&2; exit 1; }

# A plain mingw toolchain file for the dependencies' own CMake builds.
cat >"$work/mingw-plain.cmake" <<EOF
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER $CC)
set(CMAKE_CXX_COMPILER $CXX)
set(CMAKE_RC_COMPILER $RC)
set(CMAKE_FIND_ROOT_PATH /usr/$host $prefix)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
EOF

# --- header-only dependencies: a folder of links ------------------------------------------
ln -sfn /usr/include/boost "$prefix/include/boost"
ln -sfn /usr/include/catch2 "$prefix/include/catch2"

# --- zlib ----------------------------------------------------------------------------------
if ! stamp zlib; then
  d=$(fetch_source zlib 'zlib-1.*/')
  log "building zlib ($d)"
  t0=$SECONDS
  # Debian's zlib source has no win32/ makefiles; the library is 15 C files.
  (cd "$d" && mkdir -p win-build && rm -f win-build/*.o win-build/libz.a
   for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast \
            inflate inftrees trees uncompr zutil; do
     "${nice_cmd[@]}" $CC -O2 -D_LARGEFILE64_SOURCE=1 -c $f.c -o win-build/$f.o
   done
   $AR rcs win-build/libz.a win-build/*.o
   install -m644 win-build/libz.a "$prefix/lib/libz.a"
   install -m644 zlib.h zconf.h "$prefix/include/")
  done_stamp zlib; log "zlib done in $((SECONDS - t0)) s"
fi

# --- SQLite: the amalgamation, made on the host, compiled for Windows ---------------------
if ! stamp sqlite3; then
  d=$(fetch_source sqlite3 'sqlite3-3.*/')
  log "building sqlite3 ($d)"
  t0=$SECONDS
  if [ ! -f "$d/sqlite3.c" ]; then
    mkdir -p "$d/host-build"
    (cd "$d/host-build" && env -u CC -u CXX -u AR -u RANLIB ../configure -q >/dev/null \
       && "${nice_cmd[@]}" make -s sqlite3.c sqlite3.h >/dev/null 2>&1 \
       && cp sqlite3.c sqlite3.h ..)
  fi
  (cd "$d" && "${nice_cmd[@]}" $CC -O2 -c sqlite3.c -o sqlite3.win.o \
       -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE \
       -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_DEFAULT_FOREIGN_KEYS=0 \
       -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_ENABLE_DBSTAT_VTAB \
     && rm -f libsqlite3.a && $AR rcs libsqlite3.a sqlite3.win.o \
     && install -m644 libsqlite3.a "$prefix/lib/" \
     && install -m644 sqlite3.h "$prefix/include/" \
     && { [ ! -f sqlite3ext.h ] || install -m644 sqlite3ext.h "$prefix/include/"; })
  [ -f "$prefix/include/sqlite3ext.h" ] || cp "$d/src/sqlite3ext.h" "$prefix/include/" 2>/dev/null || true
  done_stamp sqlite3; log "sqlite3 done in $((SECONDS - t0)) s"
fi

# --- minizip (reading .xlsx, and the zip writer of libxlsxwriter below): zlib's contrib/minizip,
# which is where Debian's libminizip comes from. One copy of ioapi/zip in the static link. ------
if ! stamp minizip; then
  d=$(fetch_source zlib 'zlib-1.*/')
  log "building minizip ($d/contrib/minizip)"
  t0=$SECONDS
  (cd "$d/contrib/minizip" && mkdir -p win-build && rm -f win-build/*.o win-build/libminizip.a
   for f in ioapi unzip zip iowin32; do
     "${nice_cmd[@]}" $CC -O2 -I"$prefix/include" -c $f.c -o win-build/$f.o
   done
   $AR rcs win-build/libminizip.a win-build/*.o
   install -m644 win-build/libminizip.a "$prefix/lib/libminizip.a"
   mkdir -p "$prefix/include/minizip"
   install -m644 ioapi.h unzip.h zip.h iowin32.h crypt.h "$prefix/include/minizip/")
  done_stamp minizip; log "minizip done in $((SECONDS - t0)) s"
fi

# --- expat (reading .xlsx: the XML parts), static; users compile with XML_STATIC --------------
if ! stamp expat; then
  d=$(fetch_source expat 'expat-2.*/')
  srcdir=$d
  [ -f "$d/CMakeLists.txt" ] || srcdir=$d/expat
  log "building expat ($srcdir)"
  t0=$SECONDS
  "${nice_cmd[@]}" cmake -S "$srcdir" -B "$d/win-build" -G Ninja --log-level=WARNING \
    -DCMAKE_TOOLCHAIN_FILE="$work/mingw-plain.cmake" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib -DEXPAT_SHARED_LIBS=OFF \
    -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF \
    -DEXPAT_BUILD_FUZZERS=OFF >/dev/null
  # Debian's security patches test "#if XML_DTD == 1", as its autotools build defines it;
  # the CMake build defines it empty.
  sed -i 's/^#define XML_DTD$/#define XML_DTD 1/' "$d/win-build/expat_config.h"
  "${nice_cmd[@]}" cmake --build "$d/win-build" -j "$jobs" >"$work/expat-build.log" 2>&1 \
    || { tail -40 "$work/expat-build.log" >&2; exit 1; }
  cmake --install "$d/win-build" >/dev/null
  done_stamp expat; log "expat done in $((SECONDS - t0)) s"
fi

# --- libxlsxwriter (the .xlsx exports): on the minizip above and our zlib; its own MD5 (image
# de-duplication only) is off, as it clashes with OpenSSL's MD5_* in a static link. The stamp
# changed when it moved off its bundled minizip, so older prefixes rebuild it. ----------------
if ! stamp xlsxwriter-minizip; then
  d=$(fetch_source libxlsxwriter 'libxlsxwriter-1.*/')
  log "building libxlsxwriter ($d)"
  t0=$SECONDS
  rm -rf "$d/win-build"
  "${nice_cmd[@]}" cmake -S "$d" -B "$d/win-build" -G Ninja --log-level=WARNING \
    -DCMAKE_TOOLCHAIN_FILE="$work/mingw-plain.cmake" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib -DBUILD_SHARED_LIBS=OFF \
    -DUSE_SYSTEM_MINIZIP=ON -DMINIZIP_ROOT="$prefix" -DUSE_NO_MD5=ON -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF >/dev/null
  "${nice_cmd[@]}" cmake --build "$d/win-build" -j "$jobs" >"$work/xlsxwriter-build.log" 2>&1 \
    || { tail -40 "$work/xlsxwriter-build.log" >&2; exit 1; }
  cmake --install "$d/win-build" >/dev/null
  done_stamp xlsxwriter-minizip; log "libxlsxwriter done in $((SECONDS - t0)) s"
fi

# --- protobuf: libprotobuf only (the host protoc generates the code) -----------------------
if ! stamp protobuf; then
  d=$(fetch_source protobuf 'protobuf-3.21*/')
  log "building protobuf ($d)"
  t0=$SECONDS
  srcdir=$d
  [ -f "$d/CMakeLists.txt" ] || srcdir=$d/cmake
  "${nice_cmd[@]}" cmake -S "$srcdir" -B "$d/win-build" -G Ninja --log-level=WARNING \
    -DCMAKE_TOOLCHAIN_FILE="$work/mingw-plain.cmake" \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib \
    -Dprotobuf_BUILD_TESTS=OFF -Dprotobuf_BUILD_PROTOC_BINARIES=OFF -Dprotobuf_BUILD_LIBPROTOC=OFF \
    -Dprotobuf_BUILD_SHARED_LIBS=OFF -Dprotobuf_WITH_ZLIB=OFF -Dprotobuf_BUILD_EXAMPLES=OFF \
    -Dprotobuf_INSTALL=ON >/dev/null
  "${nice_cmd[@]}" cmake --build "$d/win-build" -j "$jobs" --target libprotobuf >"$work/protobuf-build.log" 2>&1 \
    || { tail -50 "$work/protobuf-build.log" >&2; exit 1; }
  # libprotobuf and the headers only (lite, protoc and the .proto files are not needed).
  for component in libprotobuf protobuf-headers; do
    cmake --install "$d/win-build" --component "$component" >/dev/null
  done
  done_stamp protobuf; log "protobuf done in $((SECONDS - t0)) s"
fi

# --- OpenSSL 3.0: static libcrypto/libssl ---------------------------------------------------
if ! stamp openssl; then
  d=$(fetch_source openssl 'openssl-3.*/')
  log "building openssl ($d)"
  t0=$SECONDS
  (cd "$d"
   [ -f Makefile ] && make -s clean >/dev/null 2>&1 || true
   # Static libraries only, no tests; algorithms and features nothing of ours (nor TLS 1.2/1.3
   # in Asio) uses are left out to save build time.
   "${nice_cmd[@]}" ./Configure mingw64 no-shared no-tests no-module no-dso no-engine \
       no-idea no-mdc2 no-rc5 no-camellia no-seed no-whirlpool no-sm2 no-sm3 no-sm4 no-aria \
       no-gost no-srp no-ts no-cms no-ssl3 no-weak-ssl-ciphers no-comp --prefix="$prefix" \
       --libdir=lib --openssldir="$prefix/ssl" CC="$CC" AR="$AR" RANLIB="$RANLIB" RC="$RC" >/dev/null
   "${nice_cmd[@]}" make -s -j"$jobs" build_libs >"$work/openssl-build.log" 2>&1 \
     || { tail -50 "$work/openssl-build.log" >&2; exit 1; }
   make -s install_dev >/dev/null 2>&1 || {
     # Fallback: copy the libraries and headers by hand.
     install -m644 libcrypto.a libssl.a "$prefix/lib/"
     mkdir -p "$prefix/include/openssl" && cp include/openssl/*.h "$prefix/include/openssl/"; })
  # install_dev may also drop import libs of a shared build; keep only the static ones.
  rm -f "$prefix"/lib/lib{crypto,ssl}.dll.a
  done_stamp openssl; log "openssl done in $((SECONDS - t0)) s"
fi

# --- Catch2 (v2, header-only) with a main compiled for Windows ------------------------------
if ! stamp catch2; then
  log "building Catch2WithMain"
  mkdir -p "$work/catch2" "$prefix/lib/cmake/Catch2"
  printf '#define CATCH_CONFIG_MAIN\n#include <catch2/catch.hpp>\n' >"$work/catch2/catch_main.cpp"
  "${nice_cmd[@]}" $CXX -std=c++20 -O1 -I"$prefix/include" -c "$work/catch2/catch_main.cpp" -o "$work/catch2/catch_main.o"
  rm -f "$prefix/lib/libCatch2WithMain.a"
  $AR rcs "$prefix/lib/libCatch2WithMain.a" "$work/catch2/catch_main.o"
  # A Catch2 package with the same targets as Debian's, pointing into the prefix; Catch.cmake
  # (test discovery) comes from Debian's catch2 package, which is host-independent CMake.
  cat >"$prefix/lib/cmake/Catch2/Catch2Config.cmake" <<'EOF'
# Catch2 2.13 for the mingw-w64 cross build (written by tools/windows/build-deps.sh).
get_filename_component(_catch2_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
if(NOT TARGET Catch2::Catch2)
  add_library(Catch2::Catch2 INTERFACE IMPORTED)
  set_target_properties(Catch2::Catch2 PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${_catch2_prefix}/include")
  add_library(Catch2::Catch2WithMain STATIC IMPORTED)
  set_target_properties(Catch2::Catch2WithMain PROPERTIES
    IMPORTED_LOCATION "${_catch2_prefix}/lib/libCatch2WithMain.a"
    INTERFACE_LINK_LIBRARIES Catch2::Catch2)
  list(APPEND CMAKE_MODULE_PATH /usr/lib/cmake/Catch2)
endif()
EOF
  cat >"$prefix/lib/cmake/Catch2/Catch2ConfigVersion.cmake" <<'EOF'
set(PACKAGE_VERSION 2.13.10)
if(PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION OR (PACKAGE_FIND_VERSION_MAJOR AND NOT PACKAGE_FIND_VERSION_MAJOR EQUAL 2))
  set(PACKAGE_VERSION_COMPATIBLE FALSE)
else()
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
  if(PACKAGE_FIND_VERSION STREQUAL PACKAGE_VERSION)
    set(PACKAGE_VERSION_EXACT TRUE)
  endif()
endif()
EOF
  done_stamp catch2
fi

# --- Qt 6.4 for the village client: qtbase (Core, Gui, Widgets, PrintSupport, Test; the windows,
# offscreen platforms; the windowsvista style; PNG), as DLLs, from Debian's qt6-base source.
# Not Qt Charts: Debian's mirror holds qt6-charts' .dsc but answers 404 for its tarballs, so
# this client is built with SHOUWANG_CHARTS off and its dashboard shows tables alone. The
# host tools (moc, rcc, uic, lrelease) are Debian's own 6.4.2 (QT_HOST_PATH=/usr). Everything the client does not use is off, to keep the build short; the
# measured time is in docs/building.md. Qt's Chinese .qm files come from Debian's
# qt6-translations-l10n (host-independent data), so qttranslations is not built. ---------------
qt_timed() {   # qt_timed NAME CMD...: runs CMD, adds wall/user/sys seconds to $work/qt-build-times
  local name=$1; shift
  /usr/bin/time -f "$name wall %e s, user %U s, sys %S s" -a -o "$work/qt-build-times" "$@"
}
qt_host_cmake=/usr/lib/x86_64-linux-gnu/cmake
if ! stamp qtbase; then
  d=$(fetch_source qt6-base 'qt6-base-6.4*/')
  [ -x /usr/lib/qt6/libexec/moc ] || { echo "build-deps.sh: Debian's Qt host tools are missing (apt-get install qt6-base-dev-tools)" >&2; exit 1; }
  # Two fixes for this configuration (tools/windows/qt6-base-*.patch): with direct2d off (a
  # platform plugin the client does not use) PrintSupport still calls the DirectWrite font
  # engine that Gui then lacks; and Debian's source has no src/3rdparty/wintab, which the
  # windows platform plugin's Wintab tablet support includes.
  for p in "$root_dir"/tools/windows/qt6-base-*.patch; do
    [ -f "$d/.applied-$(basename "$p")" ] && continue
    patch -d "$d" -p1 -s <"$p"
    touch "$d/.applied-$(basename "$p")"
  done
  log "building qtbase ($d)"
  t0=$SECONDS
  rm -rf "$d/win-build"
  qt_timed qtbase-configure "${nice_cmd[@]}" cmake -S "$d" -B "$d/win-build" -G Ninja --log-level=WARNING \
    -DCMAKE_TOOLCHAIN_FILE="$work/mingw-plain.cmake" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_SHARED_LIBS=ON \
    -DQT_HOST_PATH=/usr -DQT_HOST_PATH_CMAKE_DIR="$qt_host_cmake" \
    -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF -DQT_BUILD_BENCHMARKS=OFF \
    -DFEATURE_optimize_size=ON -DFEATURE_pkg_config=OFF -DFEATURE_precompile_header=ON \
    -DFEATURE_sql=OFF -DFEATURE_network=OFF -DFEATURE_dbus=OFF -DFEATURE_xml=OFF \
    -DFEATURE_concurrent=OFF -DFEATURE_opengl=OFF -DFEATURE_vulkan=OFF -DFEATURE_direct2d=OFF \
    -DFEATURE_icu=OFF -DFEATURE_zstd=OFF -DFEATURE_system_zlib=OFF -DFEATURE_system_pcre2=OFF \
    -DFEATURE_system_png=OFF -DFEATURE_system_freetype=OFF -DFEATURE_system_harfbuzz=OFF \
    -DFEATURE_jpeg=OFF -DFEATURE_gif=OFF -DFEATURE_ico=OFF -DFEATURE_sessionmanager=OFF \
    -DFEATURE_style_fusion=ON -DFEATURE_style_windows=ON -DFEATURE_style_windowsvista=ON \
    -DFEATURE_androiddeployqt=OFF -DFEATURE_printsupport=ON -DFEATURE_testlib=ON \
    >"$work/qtbase-configure.log" 2>&1 || { tail -60 "$work/qtbase-configure.log" >&2; exit 1; }
  qt_timed qtbase-build "${nice_cmd[@]}" cmake --build "$d/win-build" -j "$jobs" >"$work/qtbase-build.log" 2>&1 \
    || { tail -60 "$work/qtbase-build.log" >&2; exit 1; }
  cmake --install "$d/win-build" >/dev/null
  done_stamp qtbase; log "qtbase done in $((SECONDS - t0)) s"
fi

log "prefix ready: $prefix"
ls "$prefix/lib"
