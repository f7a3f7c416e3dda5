# The two Windows installers (CPACK_PROJECT_CONFIG_FILE): cpack reads this for the installer
# it makes, CPACK_SHOUWANG_INSTALLER = server or client (packaging/CMakeLists.txt sets the
# default; `cpack -D CPACK_SHOUWANG_INSTALLER=server` picks the other). What each installs
# are the install components of packaging/CMakeLists.txt; the NSIS template is shared
# (packaging/nsis/NSIS.template.in).
cmake_policy(SET CMP0057 NEW)   # if(IN_LIST): cpack reads this file without a cmake_minimum_required
if(NOT CPACK_SHOUWANG_INSTALLER IN_LIST CPACK_SHOUWANG_INSTALLERS)
    message(FATAL_ERROR "CPACK_SHOUWANG_INSTALLER=${CPACK_SHOUWANG_INSTALLER}: this build makes ${CPACK_SHOUWANG_INSTALLERS}")
endif()
set(CPACK_PACKAGE_FILE_NAME "shouwang-${CPACK_SHOUWANG_INSTALLER}-${CPACK_PACKAGE_VERSION}-win64")
set(CPACK_INSTALL_CMAKE_PROJECTS
    "${CPACK_SHOUWANG_BINARY_DIR};Shouwang;sw_${CPACK_SHOUWANG_INSTALLER};/"
    "${CPACK_SHOUWANG_BINARY_DIR};Shouwang;sw_cli;/")

if(CPACK_SHOUWANG_INSTALLER STREQUAL "server")
    set(CPACK_PACKAGE_NAME "Shouwang-Server")
    set(CPACK_PACKAGE_INSTALL_DIRECTORY "Shouwang Server")         # no version: upgrades replace
    set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Shouwang-Server")
    set(CPACK_NSIS_DISPLAY_NAME "守望 区县服务器")
    set(CPACK_NSIS_PACKAGE_NAME "守望 区县服务器")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\shouwang-server.exe")
    set(CPACK_SHOUWANG_DATA_NOTE "%ProgramData%\\Shouwang")
    set(CPACK_SHOUWANG_INSTALL_SCOPE machine)   # a service for the whole computer
    # Data and settings in %ProgramData%\Shouwang (never under $INSTDIR): made on first
    # install, kept on upgrade and uninstall. A boot-time task runs the server as SYSTEM
    # (it starts once the database exists, see docs/install-windows.md).
    set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [=[
  ; Shouwang server: data folder and default settings (kept if present).
  SetShellVarContext all
  CreateDirectory "$APPDATA\Shouwang"
  CreateDirectory "$APPDATA\Shouwang\backup"
  IfFileExists "$APPDATA\Shouwang\server.conf" sw_conf_done 0
    FileOpen $1 "$APPDATA\Shouwang\server.conf" w
    FileWrite $1 "# Shouwang county server settings: key = value (db, listen, threads, cert, key)$\r$\n"
    FileWrite $1 "# See the admin guide. Kept on upgrade and uninstall.$\r$\n"
    FileWrite $1 "db = $APPDATA\Shouwang\county.db$\r$\n"
    FileWrite $1 "listen = 127.0.0.1:8443$\r$\n"
    FileWrite $1 "# listen = 0.0.0.0:8443$\r$\n# cert = $APPDATA\Shouwang\county.crt$\r$\n# key = $APPDATA\Shouwang\county.key$\r$\n"
    FileClose $1
    DetailPrint "已写入默认配置 $APPDATA\Shouwang\server.conf"
  sw_conf_done:
  ; Boot-time start: a scheduled task running the service wrapper as SYSTEM.
  nsExec::ExecToLog 'schtasks /Create /F /RU SYSTEM /SC ONSTART /TN "Shouwang County Server" /TR "\"$INSTDIR\bin\shouwang-server-service.cmd\""'
  Pop $0
  DetailPrint "计划任务（开机启动服务器）：$0"
]=])
    set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [=[
  ; Shouwang server: stop it and remove the boot task; the data in $APPDATA\Shouwang stays.
  nsExec::ExecToLog 'schtasks /End /TN "Shouwang County Server"'
  Pop $0
  nsExec::ExecToLog 'schtasks /Delete /F /TN "Shouwang County Server"'
  Pop $0
  nsExec::ExecToLog 'taskkill /F /IM shouwang-server.exe'
  Pop $0
  Sleep 500
]=])
    set(CPACK_NSIS_CREATE_ICONS_EXTRA [=[
  CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\守望服务器命令行.lnk" "$INSTDIR\bin\shouwang-server-console.cmd"
  CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\管理员手册.lnk" "$INSTDIR\doc\admin-guide.md"
  CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\安装说明.lnk" "$INSTDIR\doc\install-windows.md"
  CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\数据文件夹.lnk" "$APPDATA\Shouwang"
]=])
    set(CPACK_NSIS_DELETE_ICONS_EXTRA [=[
  Delete "$SMPROGRAMS\$MUI_TEMP\守望服务器命令行.lnk"
  Delete "$SMPROGRAMS\$MUI_TEMP\管理员手册.lnk"
  Delete "$SMPROGRAMS\$MUI_TEMP\安装说明.lnk"
  Delete "$SMPROGRAMS\$MUI_TEMP\数据文件夹.lnk"
]=])
else()
    set(CPACK_PACKAGE_NAME "Shouwang")
    set(CPACK_PACKAGE_INSTALL_DIRECTORY "Shouwang")
    set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Shouwang-Client")
    set(CPACK_NSIS_DISPLAY_NAME "守望 留守老年人关爱台账")
    set(CPACK_NSIS_PACKAGE_NAME "守望 留守老年人关爱台账")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\shouwang-client.exe")
    set(CPACK_PACKAGE_EXECUTABLES "shouwang-client" "守望 留守老年人关爱台账")
    set(CPACK_NSIS_MUI_FINISHPAGE_RUN "shouwang-client.exe")   # in CPACK_NSIS_EXECUTABLES_DIRECTORY (bin)
    set(CPACK_SHOUWANG_DATA_NOTE "各用户的 AppData\\Roaming\\Shouwang\\shouwang")
    # Per user by default (no administrator needed), per machine if an administrator asks.
    set(CPACK_SHOUWANG_INSTALL_SCOPE user)
    # Held by a running client (client/app/running_mark.h): installing over it or
    # uninstalling it waits until the user has closed it.
    set(CPACK_SHOUWANG_APP_MUTEX "ShouwangClient")
    set(CPACK_NSIS_CREATE_ICONS_EXTRA [=[
  CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\使用说明.lnk" "$INSTDIR\doc\install-windows.md"
  CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\使用手册.lnk" "$INSTDIR\doc\user-manual.md"
  CreateShortCut "$DESKTOP\守望.lnk" "$INSTDIR\bin\shouwang-client.exe"
]=])
    set(CPACK_NSIS_DELETE_ICONS_EXTRA [=[
  Delete "$SMPROGRAMS\$MUI_TEMP\使用说明.lnk"
  Delete "$SMPROGRAMS\$MUI_TEMP\使用手册.lnk"
  Delete "$DESKTOP\守望.lnk"
]=])
endif()
