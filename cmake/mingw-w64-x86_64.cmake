# CMake toolchain: 64-bit Windows executables cross-built on Debian with mingw-w64 (the
# "posix" thread model: GCC 12's win32 variant has no std::mutex / std::thread).
#
# The libraries come from tools/windows/build-deps.sh (static zlib, SQLite, protobuf,
# OpenSSL built from Debian's sources; links to Boost and Catch2 headers). Its prefix is
# SHOUWANG_WIN_DEPS (default: build/win-deps/prefix in the source tree).
#
# Tests run under wine through CMAKE_CROSSCOMPILING_EMULATOR (tools/windows/wine-run.sh).

set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_VERSION 10.0)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(_sw_host x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${_sw_host}-gcc-posix)
set(CMAKE_CXX_COMPILER ${_sw_host}-g++-posix)
set(CMAKE_RC_COMPILER ${_sw_host}-windres)

if(NOT SHOUWANG_WIN_DEPS)
    if(DEFINED ENV{SHOUWANG_WIN_DEPS})
        set(SHOUWANG_WIN_DEPS "$ENV{SHOUWANG_WIN_DEPS}")
    else()
        get_filename_component(SHOUWANG_WIN_DEPS "${CMAKE_CURRENT_LIST_DIR}/../build/win-deps/prefix" ABSOLUTE)
    endif()
endif()
set(SHOUWANG_WIN_DEPS "${SHOUWANG_WIN_DEPS}" CACHE PATH "Prefix of the cross-built Windows dependencies")
# try_compile projects re-read this file: hand the prefix on.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES SHOUWANG_WIN_DEPS)

# Look for libraries, headers and packages only in the mingw sysroot and our prefix, never
# in the build machine's /usr/include or /usr/lib. Programs (protoc, wine) are the host's.
set(CMAKE_FIND_ROOT_PATH /usr/${_sw_host} "${SHOUWANG_WIN_DEPS}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)            # static only

# pkg-config sees only the prefix's .pc files, never the build machine's.
set(ENV{PKG_CONFIG_LIBDIR} "${SHOUWANG_WIN_DEPS}/lib/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# Qt 6 (the village client) is cross-built into the same prefix (DLLs in bin, plugins in
# plugins); its moc, rcc, uic and lrelease are Debian's host tools of the same version.
set(QT_HOST_PATH /usr CACHE PATH "Host Qt (Debian's qt6-base-dev-tools)")
set(QT_HOST_PATH_CMAKE_DIR /usr/lib/${CMAKE_HOST_SYSTEM_PROCESSOR}-linux-gnu/cmake CACHE PATH "Host Qt's CMake packages")
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES QT_HOST_PATH QT_HOST_PATH_CMAKE_DIR)

# Boost is headers only; its CMake package is the host's, so use FindBoost on the headers.
set(Boost_NO_BOOST_CMAKE ON)
set(Boost_USE_STATIC_LIBS ON)
set(OPENSSL_USE_STATIC_LIBS ON)
set(Protobuf_USE_STATIC_LIBS ON)
# The host's protoc (same 3.21 as the cross-built libprotobuf) generates the code.
set(Protobuf_PROTOC_EXECUTABLE /usr/bin/protoc CACHE FILEPATH "host protoc")

# Windows 10 API level; one self-contained .exe (no libstdc++/libwinpthread DLLs to ship;
# the client ships them all the same, for the Qt DLLs: cmake/deploy_qt_windows.cmake).
set(CMAKE_C_FLAGS_INIT "-D_WIN32_WINNT=0x0A00 -DWINVER=0x0A00")
set(CMAKE_CXX_FLAGS_INIT "-D_WIN32_WINNT=0x0A00 -DWINVER=0x0A00")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
# Winsock for Asio/Beast, crypt32/bcrypt for static OpenSSL; then CMake's usual list.
foreach(_lang C CXX)
    set(CMAKE_${_lang}_STANDARD_LIBRARIES
        "-lws2_32 -lmswsock -lcrypt32 -lbcrypt -lkernel32 -luser32 -lgdi32 -lwinspool -lshell32 -lole32 -loleaut32 -luuid -lcomdlg32 -ladvapi32"
        CACHE STRING "" FORCE)
endforeach()

# Run Windows programs (tests, test discovery) under wine, through a wrapper that sets up
# the wine prefix, starts wineserver detached and turns CR LF into LF.
get_filename_component(_sw_wine_run "${CMAKE_CURRENT_LIST_DIR}/../tools/windows/wine-run.sh" ABSOLUTE)
set(CMAKE_CROSSCOMPILING_EMULATOR "${_sw_wine_run}")
