# Shouwang's Windows programs run with the UTF-8 process code page (Windows 10 1903 and
# later; packaging/windows/utf8.manifest): the narrow file and console APIs the core uses
# (std::fstream, fopen, argv, libxlsxwriter's file) then take the UTF-8 paths it holds, such
# as "督查.xlsx" or C:\Users\张伟\…, where the ANSI code page would name another file.
#
#   shouwang_use_utf8_code_page(TARGET)   the manifest linked into TARGET (no-op off Windows)
#
# The shipped programs get it (packaging/CMakeLists.txt), and so do the tests that run the
# client's code on Windows, so that they see files as the client does.
function(shouwang_use_utf8_code_page target)
    if(NOT WIN32)
        return()
    endif()
    set(manifest ${PROJECT_SOURCE_DIR}/packaging/windows/utf8.manifest)
    if(MSVC)
        target_sources(${target} PRIVATE ${manifest})
    else()
        # MinGW links a manifest through a resource script (type 24, RT_MANIFEST).
        set(rc ${PROJECT_BINARY_DIR}/utf8-manifest.rc)
        file(CONFIGURE OUTPUT ${rc} CONTENT "1 24 \"${manifest}\"\n" @ONLY)
        target_sources(${target} PRIVATE ${rc})
    endif()
endfunction()
