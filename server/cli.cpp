#include "cli.h"

#include "store/database.h"

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
  shouwang-server --db FILE enroll --scope SCOPE [--expires-days N]
                                                          生成设备登记码（最后一行）/ print an enrollment code (last line)
  shouwang-server --db FILE enroll --scope SCOPE --file OUT.shwr [--name NAME]
                                                          写出登记文件（U 盘登记，无需网络）/ write a registration file
        SCOPE: village:500154102200 | township:500154102 | county:500154
  shouwang-server --db FILE devices                       列出设备 / list devices
  shouwang-server --db FILE devices revoke DEVICE_ID      停用设备 / revoke a device
  shouwang-server --db FILE conflicts                     列出未处理冲突 / list open conflicts
  shouwang-server --db FILE conflicts resolve ID --value V [--operator NAME]
                                                          以选定的值处理冲突 / resolve a conflict
  shouwang-server --db FILE serve [--listen 127.0.0.1:8443] [--threads N] [--cert FILE --key FILE]
        [--max-connections 2048] [--max-connections-per-address 128]
                                                          提供同步服务，直到 SIGTERM / serve until SIGTERM
  shouwang-server --db FILE import-bundle IN --answer OUT 导入村级数据包并写出回执 / import a bundle file
  shouwang-server --db FILE stats                         每类记录条数 / live records per entity
  shouwang-server --db FILE backup OUT                    在线备份（服务运行时亦可）/ consistent online backup
  shouwang-server --db FILE restore BACKUP                停止服务后从备份恢复 / restore (service stopped)
  shouwang-server --db FILE report [--area CODE] [--from DATE --to DATE] [--format text|csv|xlsx] [--out FILE]
        [--section all|base|visits|risk|incidents|services|data|duplicates|referrals|family|health|facilities]
        [--ack-hours H] [--close-days D] [--silent-days D] [--with-ledger]
                                                          督促检查报表 / supervision figures (docs/supervision.md);
                                                          时限默认为区县标准所定 / limits default to the county's standard

选项 / options:
  --config FILE   配置文件，每行 key = value（db, listen, threads, cert, key, max-connections,
                  max-connections-per-address）/ config file
  --help          显示本说明 / show this help
  --version       显示版本 / show the version
)";

// Options that take a value; anything else starting with "--" is a flag or a mistake.
const std::set<std::string, std::less<>> kValued = {"db", "config", "county", "scope", "expires-days", "value",
                                                   "listen", "threads", "cert", "key", "answer", "operator",
                                                   "max-connections", "max-connections-per-address", "file", "name",
                                                   // report
                                                   "area", "from", "to", "format", "out", "section", "ack-hours",
                                                   "close-days", "silent-days"};
const std::set<std::string, std::less<>> kFlags = {"help", "version", "with-ledger"};
// What a config file may set; flags given on the command line win.
const std::set<std::string, std::less<>> kConfigKeys = {"db", "listen", "threads", "cert", "key", "max-connections",
                                                        "max-connections-per-address"};

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

} // namespace

int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err)
{
    try {
        const CommandLine cl = parse(argc, argv);
        if (cl.has("help")) {
            out << kUsage;
            return 0;
        }
        if (cl.has("version")) {
            out << "shouwang-server " << SHOUWANG_VERSION << " (protocol 1)\n";
            return 0;
        }
        if (cl.words.empty())
            throw CommandError{"缺少命令，见 --help / no command given, see --help", 2};
        if (!cl.has("db"))
            throw CommandError{"缺少 --db 数据库文件 / --db FILE is required", 2};
        const std::string& command = cl.words.front();
        if (command == "init")
            cmdInit(cl, out);
        else if (command == "enroll")
            cmdEnroll(cl, out);
        else if (command == "devices")
            cmdDevices(cl, out);
        else if (command == "conflicts")
            cmdConflicts(cl, out);
        else if (command == "serve")
            cmdServe(cl, out);
        else if (command == "import-bundle")
            cmdImportBundle(cl, out);
        else if (command == "stats")
            cmdStats(cl, out);
        else if (command == "backup")
            cmdBackup(cl, out);
        else if (command == "restore")
            cmdRestore(cl, out);
        else if (command == "report")
            cmdReport(cl, out);
        else
            throw CommandError{"未知命令 / unknown command: " + command, 2};
        out.flush();
        return 0;
    } catch (const CommandError& e) {
        out.flush();
        err << "错误 / error: " << e.message << '\n';
        return e.status;
    } catch (const StoreError& e) {
        out.flush();
        err << "错误 / error: " << (e.full() ? "磁盘已满或数据库只读 / disk full or database read-only: "
                                            : "数据库错误 / database error: ")
            << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        out.flush();
        err << "错误 / error: " << e.what() << '\n';
        return 1;
    }
}

} // namespace shouwang::server
