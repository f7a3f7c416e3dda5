#include "cli.h"

#include "command_line/tool_main.h"
#include "store/database.h"
#include "sync/protocol.h"

#include <fstream>
#include <ostream>
#include <set>

#ifndef SHOUWANG_VERSION
#define SHOUWANG_VERSION "0.0.0"
#endif

namespace shouwang::server {
namespace {

constexpr std::string_view kUsage = R"(shouwang-server — 守望 区县同步服务器 / Shouwang county sync server

用法 / usage:
  shouwang-server --db FILE init --county CODE           建立区县数据库 / make the county database
  shouwang-server --db postgresql://… init --city 50      建立全市数据库（PostgreSQL）/ make the city database
  shouwang-server --db FILE enroll --scope SCOPE [--expires-days N]
                                                          生成设备登记码（最后一行）/ print an enrollment code (last line)
  shouwang-server --db FILE enroll --scope SCOPE --file OUT.shwr [--name NAME]
                                                          写出登记文件（U 盘登记，无需网络）/ write a registration file
        SCOPE: village:500154102200 | township:500154102 | county:500154 | city:50（全市 / the city）
  shouwang-server --db FILE devices                       列出设备 / list devices
  shouwang-server --db FILE devices revoke DEVICE_ID      停用设备 / revoke a device
  shouwang-server --db FILE conflicts                     列出未处理冲突 / list open conflicts
  shouwang-server --db FILE conflicts resolve ID --value V [--operator NAME]
                                                          以选定的值处理冲突 / resolve a conflict
  shouwang-server --db FILE serve [--listen 127.0.0.1:8443] [--threads N] [--cert FILE --key FILE]
        [--max-connections 2048] [--max-connections-per-address 128] [--db-connections N]
                                                          提供同步服务，直到 SIGTERM / serve until SIGTERM
        --db-connections N：本进程最多打开的数据库连接数（全市 PostgreSQL；一个写、N-1 个读，其余请求排队）
                            / the most database connections this process opens (1 writer, N-1 readers)
  shouwang-server --db FILE import-bundle IN --answer OUT 导入村级数据包并写出回执 / import a bundle file
  shouwang-server --db FILE stats                         每类记录条数 / live records per entity
  shouwang-server --db FILE backup OUT                    在线备份（服务运行时亦可）/ consistent online backup
  shouwang-server --db FILE restore BACKUP                停止服务后从备份恢复 / restore (service stopped)
  shouwang-server migrate --from COUNTY.db --to postgresql://USER@HOST/DB
                                                          停止区县服务后将其迁入城市数据库 / move a stopped county into the city
  shouwang-server --db FILE report [--area CODE] [--from DATE --to DATE] [--format text|csv|xlsx] [--out FILE]
        [--section all|base|visits|risk|incidents|services|association|volunteers|data|duplicates|referrals|family|
                   health|facilities]
        [--ack-hours H] [--close-days D] [--silent-days D] [--with-ledger]
                                                          督促检查报表 / supervision figures (docs/supervision.md);
                                                          时限默认为区县标准所定 / limits default to the county's standard

选项 / options:
  --config FILE   配置文件，每行 key = value（db, listen, threads, cert, key, max-connections,
                  max-connections-per-address, db-connections）/ config file
  --help          显示本说明 / show this help
  --version       显示版本 / show the version
)";

// Options that take a value; anything else starting with "--" is a flag or a mistake.
const std::set<std::string, std::less<>> kValued
    = {"db", "config", "county", "city", "scope", "expires-days", "value", "listen", "threads", "cert", "key", "answer",
       "operator", "max-connections", "max-connections-per-address", "db-connections", "file", "name",
       // report
       "area", "from", "to", "format", "out", "section", "ack-hours", "close-days", "silent-days",
       // migrate
       "from", "to"};
const std::set<std::string, std::less<>> kFlags = {"help", "version", "with-ledger"};
// What a config file may set; flags given on the command line win.
const std::set<std::string, std::less<>> kConfigKeys
    = {"db", "listen", "threads", "cert", "key", "max-connections", "max-connections-per-address", "db-connections"};

std::string trim(std::string s)
{
    const auto first = s.find_first_not_of(" \t\r");
    const auto last = s.find_last_not_of(" \t\r");
    return first == std::string::npos ? std::string{} : s.substr(first, last - first + 1);
}

void readConfig(const std::string& path, CommandLine& cl)
{
    std::ifstream in(path);
    if (!in)
        throw CommandError{"无法读取配置文件 / cannot read config file: " + path, 2};
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        line = trim(line.substr(0, line.find('#')));
        if (line.empty())
            continue;
        const auto eq = line.find('=');
        const std::string key = eq == std::string::npos ? line : trim(line.substr(0, eq));
        if (eq == std::string::npos || !kConfigKeys.count(key))
            throw CommandError{"配置文件第 " + std::to_string(number) + " 行无法识别 / config line "
                                   + std::to_string(number) + " not understood: " + line,
                               2};
        cl.options.try_emplace(key, trim(line.substr(eq + 1)));
    }
}

CommandLine parse(int argc, const char* const* argv)
{
    CommandLine cl = parseCommandLine(argc, argv, kValued, kFlags);
    if (cl.has("config"))
        readConfig(cl.option("config"), cl);
    return cl;
}

void run(const CommandLine& cl, std::ostream& out)
{
    if (!cl.has("db") && cl.words.front() != "migrate")
        throw CommandError{"缺少 --db 数据库文件 / --db FILE is required", 2};
    using Command = void (*)(const CommandLine&, std::ostream&);
    static const std::map<std::string, Command, std::less<>> kCommands = {
        {"init", cmdInit},           {"enroll", cmdEnroll},   {"devices", cmdDevices},
        {"conflicts", cmdConflicts}, {"serve", cmdServe},     {"import-bundle", cmdImportBundle},
        {"stats", cmdStats},         {"backup", cmdBackup},   {"restore", cmdRestore},
        {"report", cmdReport},       {"migrate", cmdMigrate},
    };
    const std::string& command = cl.words.front();
    const auto it = kCommands.find(command);
    if (it == kCommands.end())
        throw CommandError{"未知命令 / unknown command: " + command, 2};
    it->second(cl, out);
}

std::optional<CommandError> explain(const std::exception& e)
{
    const auto* store = dynamic_cast<const StoreError*>(&e);
    if (!store)
        return std::nullopt;
    return CommandError{storeErrorText(*store), 1};
}

} // namespace

int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err)
{
    static constexpr Tool kTool{"shouwang-server", SHOUWANG_VERSION, protocol::kVersion, kUsage, parse, run, explain};
    return runTool(kTool, argc, argv, out, err);
}

} // namespace shouwang::server
