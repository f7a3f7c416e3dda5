@echo off
rem 守望 区县服务器命令行：在数据文件夹中打开命令提示符，可直接使用 shouwang-server 和 shouwang。
rem Opens a command prompt in the data folder with shouwang-server and shouwang on the PATH.
chcp 65001 >nul
set "PATH=%~dp0;%PATH%"
cd /d "%ProgramData%\Shouwang"
echo Shouwang county server -- data folder: %CD%
echo.
echo   shouwang-server --config server.conf init --county 500154
echo   shouwang-server --config server.conf enroll --scope village:500154102200
echo   shouwang-server --config server.conf stats
echo   schtasks /Run /TN "Shouwang County Server"     (start the server now)
echo   schtasks /End /TN "Shouwang County Server"     (stop it)
echo.
echo See the admin guide in the Start menu (管理员手册).
cmd /k
