# The Qt runtime beside a MinGW-built Windows program, laid out as windeployqt lays it out
# (windeployqt is a Windows program and Debian's Qt has none for a cross build): the Qt DLLs,
# the plugins in their type folders (platforms\qwindows.dll, styles\...), and the GCC runtime
# DLLs that the Qt DLLs link (libstdc++, libgcc_s, libwinpthread; our own programs link them
# statically). Qt looks for plugins in the program's folder, so no qt.conf is needed.
#
#   shouwang_deploy_qt_runtime(TARGET
#       MODULES Core Gui ...            Qt6::<module> DLLs
#       PLUGINS Qt6::QWindowsIntegrationPlugin ...)
#     copies the files next to TARGET's output after each build (so the program runs under
#     wine from the build tree) and remembers them on TARGET;
#   shouwang_install_qt_runtime(TARGET DESTINATION dir COMPONENT comp)
#     installs what shouwang_deploy_qt_runtime copied for TARGET (the installer's files).
#
# MSVC builds use Qt's own deploy script instead (packaging/CMakeLists.txt).

# The DLL of an imported Qt target (a path: the target may be out of scope where it is installed).
function(_shouwang_qt_dll out imported)
    if(NOT TARGET ${imported})
        message(FATAL_ERROR "${imported}: find_package(Qt6 COMPONENTS ...) it in this directory")
    endif()
    get_target_property(location ${imported} IMPORTED_LOCATION_RELEASE)
    if(NOT location)
        get_target_property(location ${imported} IMPORTED_LOCATION)
    endif()
    if(NOT location)
        message(FATAL_ERROR "${imported} has no release DLL")
    endif()
    set(${out} "${location}" PARENT_SCOPE)
endfunction()

function(shouwang_deploy_qt_runtime target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "MODULES;PLUGINS")
    if(NOT MINGW)
        return()
    endif()
    set(dlls)
    foreach(module IN LISTS arg_MODULES)
        _shouwang_qt_dll(dll Qt6::${module})
        list(APPEND dlls "${dll}")
    endforeach()
    # The GCC runtime of the compiler that built Qt (the same mingw-w64 posix toolchain).
    foreach(runtime libstdc++-6.dll libgcc_s_seh-1.dll libwinpthread-1.dll)
        execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=${runtime}
                        OUTPUT_VARIABLE path OUTPUT_STRIP_TRAILING_WHITESPACE)
        if(NOT IS_ABSOLUTE "${path}" OR NOT EXISTS "${path}")
            message(FATAL_ERROR "${runtime} not found by ${CMAKE_CXX_COMPILER}")
        endif()
        get_filename_component(path "${path}" REALPATH)
        list(APPEND dlls "${path}")
    endforeach()

    set(copy_commands COMMAND ${CMAKE_COMMAND} -E copy_if_different ${dlls} "$<TARGET_FILE_DIR:${target}>")
    foreach(plugin IN LISTS arg_PLUGINS)
        # The plugin's type is the name of the folder it was installed into (platforms, styles).
        _shouwang_qt_dll(location ${plugin})
        get_filename_component(type_dir "${location}" DIRECTORY)
        get_filename_component(type "${type_dir}" NAME)
        list(APPEND copy_commands
            COMMAND ${CMAKE_COMMAND} -E make_directory "$<TARGET_FILE_DIR:${target}>/${type}"
            COMMAND ${CMAKE_COMMAND} -E copy_if_different "${location}" "$<TARGET_FILE_DIR:${target}>/${type}")
        set_property(TARGET ${target} APPEND PROPERTY SHOUWANG_QT_PLUGIN_DIRS ${type})
        set_property(TARGET ${target} APPEND PROPERTY SHOUWANG_QT_PLUGINS_${type} "${location}")
    endforeach()
    add_custom_command(TARGET ${target} POST_BUILD ${copy_commands} VERBATIM)
    set_property(TARGET ${target} PROPERTY SHOUWANG_QT_DLLS ${dlls})
endfunction()

function(shouwang_install_qt_runtime target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "DESTINATION;COMPONENT" "")
    get_target_property(dlls ${target} SHOUWANG_QT_DLLS)
    if(NOT dlls)
        message(FATAL_ERROR "shouwang_install_qt_runtime: no shouwang_deploy_qt_runtime(${target} ...)")
    endif()
    install(FILES ${dlls} DESTINATION ${arg_DESTINATION} COMPONENT ${arg_COMPONENT})
    get_target_property(types ${target} SHOUWANG_QT_PLUGIN_DIRS)
    list(REMOVE_DUPLICATES types)
    foreach(type IN LISTS types)
        get_target_property(plugins ${target} SHOUWANG_QT_PLUGINS_${type})
        install(FILES ${plugins} DESTINATION ${arg_DESTINATION}/${type} COMPONENT ${arg_COMPONENT})
    endforeach()
endfunction()
