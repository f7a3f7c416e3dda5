#include "cli.h"

#include "command_line/tool_main.h"
#include "store/database.h"
#include "store/ledger.h"
#include "sync/protocol.h"

#include <filesystem>
#include <ostream>
#include <set>

#ifndef SHOUWANG_VERSION
#define SHOUWANG_VERSION "0.0.0"
#endif

namespace shouwang::cli {
namespace {

constexpr std::string_view kUsage = R"(shouwang — 守望 村级设备命令行工具 / Shouwang device command-line tool

用法 / usage:
  shouwang --db FILE enroll --server URL --code CODE [--name NAME] [--ca FILE]
                                  向区县服务器登记本机 / enroll this device with the county server
  shouwang --db FILE register-file IN.shwr
                                  用区县发的登记文件登记本机（无需网络）/ register from the county's file, offline
  shouwang --db FILE sync         上传本机修改并下载更新 / push local changes, pull updates
  shouwang --db FILE enrollment-code --scope SCOPE [--expires-days N]
                                  区县或市级管理员为辖区内单位生成设备登记码 / an admin's device makes an
                                  enrollment code for a unit in its scope (village:…, township:…, county:…)
  shouwang --db FILE export-bundle OUT
                                  导出待上传修改到数据包文件（U 盘）/ write pending changes to a bundle file
  shouwang --db FILE import-bundle IN
                                  导入服务器的回执数据包 / import the server's answer bundle
  shouwang --db FILE status       同步状态 / sync status (pending, refused, last sync, conflicts)
  shouwang --db FILE stats        每类记录条数 / live records per entity, then pending and conflicts
  shouwang --db FILE demo --elders N [--village CODE] [--seed N]
                                  生成演示数据 / fill the ledger with demo data
  shouwang --db FILE import FILE [--dry-run] [--sheet NAME] [--refused OUT.csv]
                                  从 Excel（.xlsx）或 CSV 导入老年人台账；--dry-run 只预览不写入；
                                  --refused 把被拒绝的行连同原因另存 / import the elder ledger from
                                  .xlsx or CSV; --dry-run previews without writing; --refused saves
                                  the refused rows with their reasons
  shouwang --db FILE export FILE.xlsx|FILE.csv [--reveal]
                                  导出老年人台账（含赡养人；.xlsx 另含探访记录工作表；身份证号、电话
                                  默认打码）/ export the elder ledger with supporters (.xlsx: and a
                                  探访记录 sheet of visits; ID and phone numbers masked unless --reveal)
  shouwang template FILE.xlsx|FILE.csv
                                  生成导入模板（.xlsx 含探访记录工作表）/ write the import template
                                  (.xlsx: with a 探访记录 sheet of visits)

选项 / options:
  --timeout SECONDS   连接和读取超时，默认 30 / connect and read timeout (default 30)
  --retries N         网络失败时的尝试次数，默认 4 / attempts per request on network failure (default 4)
  --retry-delay-ms MS 首次重试前的等待，之后加倍，默认 1000 / first backoff delay, doubled each time
  --operator NAME     记录修改人姓名 / operator name recorded with changes
  --help              显示本说明 / show this help
  --version           显示版本 / show the version

退出状态 / exit status: 0 成功 ok; 1 失败 failed; 2 命令行错误 usage; 3 暂时失败，稍后重试 try again later
)";

const std::set<std::string, std::less<>> kValued
    = {"db",      "server",  "code",           "name",     "ca",    "elders",  "village", "seed",
       "timeout", "retries", "retry-delay-ms", "operator", "sheet", "refused", "scope",   "expires-days"};
const std::set<std::string, std::less<>> kFlags = {"help", "version", "reveal", "dry-run"};

CommandLine parse(int argc, const char* const* argv)
{
    return parseCommandLine(argc, argv, kValued, kFlags);
}

using Command = void (*)(const CommandLine&, std::ostream&);

Command commandFor(const std::string& word)
{
    static const std::map<std::string, Command, std::less<>> commands = {
        {"enroll", cmdEnroll},
        {"register-file", cmdRegisterFile},
        {"sync", cmdSync},
        {"enrollment-code", cmdEnrollmentCode},
        {"export-bundle", cmdExportBundle},
        {"import-bundle", cmdImportBundle},
        {"status", cmdStatus},
        {"stats", cmdStats},
        {"demo", cmdDemo},
        {"import", cmdImportCsv},
        {"export", cmdExportCsv},
        {"template", cmdTemplate},
    };
    auto it = commands.find(word);
    return it == commands.end() ? nullptr : it->second;
}

void run(const CommandLine& cl, std::ostream& out)
{
    const Command command = commandFor(cl.words.front());
    if (!command)
        throw CommandError{"未知命令 / unknown command: " + cl.words.front(), kExitUsage};
    // The template is a file of the program's own, nothing of a ledger.
    if (command != cmdTemplate && (!cl.has("db") || cl.option("db").empty()))
        throw CommandError{"缺少 --db 数据库文件 / --db FILE is required", kExitUsage};
    command(cl, out);
}

// A full disk may be cleared: the same command may succeed later.
std::optional<CommandError> explain(const std::exception& e)
{
    const auto* store = dynamic_cast<const StoreError*>(&e);
    if (!store)
        return std::nullopt;
    return CommandError{storeErrorText(*store), store->full() ? kExitTryAgain : kExitFailed};
}

} // namespace

OpenLedger::OpenLedger(const CommandLine& cl, bool mustExist)
{
    const std::string path = cl.option("db");
    if (mustExist && !std::filesystem::exists(path))
        throw CommandError{"数据库文件不存在 / database file not found: " + path};
    db = openLedgerDatabase(path);
    ledger = std::make_unique<Ledger>(*db);
}

OpenLedger::~OpenLedger() = default;

int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err)
{
    static constexpr Tool kTool{"shouwang", SHOUWANG_VERSION, protocol::kVersion, kUsage, parse, run, explain};
    return runTool(kTool, argc, argv, out, err);
}

} // namespace shouwang::cli
