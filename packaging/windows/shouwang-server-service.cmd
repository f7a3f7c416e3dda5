@echo off
rem 守望 区县服务器：开机时由计划任务 "Shouwang County Server"（SYSTEM 账户）运行。
rem Shouwang county server, started at boot by the scheduled task "Shouwang County Server".
rem Settings: %ProgramData%\Shouwang\server.conf   Log: %ProgramData%\Shouwang\server.log
setlocal
set "DATA=%ProgramData%\Shouwang"
cd /d "%DATA%"
if not exist "%DATA%\county.db" (
  echo %date% %time% county.db not found: run "shouwang-server --config server.conf init --county CODE" first>> "%DATA%\server.log"
  exit /b 1
)
echo %date% %time% starting>> "%DATA%\server.log"
"%~dp0shouwang-server.exe" --config "%DATA%\server.conf" serve >> "%DATA%\server.log" 2>&1
