// `shouwang-server report`: the supervision figures of shared/report for the county's
// scheduled jobs (docs/supervision.md, docs/admin-guide.md).
#include "cli.h"
#include "server_store.h"

#include "exchange/elder_csv.h"
#include "report/report_tables.h"
#include "store/ledger.h"
#include "store/private_file.h"

#include "domain/date.h"
#include "domain/divisions.h"

#include <chrono>
#include <fstream>
#include <optional>
#include <ostream>
#include <stdexcept>

namespace shouwang::server {
namespace {

Date dateOption(const CommandLine& cl, const std::string& name, Date fallback)
{
    if (!cl.has(name))
        return fallback;
    const auto date = parseDate(cl.option(name));
    if (!date)
        throw CommandError{"--" + name + " 应为日期 YYYY-MM-DD / must be a date: " + cl.option(name), 2};
    return *date;
}

// An override of the county's published limit (SupervisionLimits); unset: the county's.
std::optional<int> intOption(const CommandLine& cl, const std::string& name)
{
    if (!cl.has(name))
        return std::nullopt;
    try {
        std::size_t used = 0;
        const int value = std::stoi(cl.option(name), &used);
        if (used == cl.option(name).size() && value >= 0)
            return value;
    } catch (const std::exception&) {
    }
    throw CommandError{"--" + name + " 应为非负整数 / must be a whole number: " + cl.option(name), 2};
}

ReportRequest requestFrom(const CommandLine& cl, const std::string& county, std::vector<Device> devices)
{
    using namespace std::chrono;
    ReportRequest q;
    // The database's own area by default: its county, or on the city's database the city.
    q.area = cl.option("area", county);
    if (!q.area.starts_with(county) || (q.area != kCityCode && !findDivision(q.area)))
        throw CommandError{"--area 应为本数据库区域（" + county + "）内的区县、乡镇或村代码 / area outside " + county
                               + ": " + q.area,
                           2};
    q.to = dateOption(cl, "to", today());
    // Default period: the month so far, which is how the county reviews the villages.
    const year_month_day end{q.to};
    q.from = dateOption(cl, "from", sys_days{end.year() / end.month() / 1});
    q.acknowledgeHours = intOption(cl, "ack-hours");
    q.closeDays = intOption(cl, "close-days");
    q.silentDays = intOption(cl, "silent-days");
    for (const Device& d : devices)
        q.devices.push_back({d.id, d.scope.code, d.lastSeen, d.revoked});
    if (const std::string problem = reportRequestProblem(q); !problem.empty())
        throw CommandError{problem, 2};
    return q;
}

} // namespace

void cmdReport(const CommandLine& cl, std::ostream& out)
{
    const std::string format = cl.option("format", "text");
    if (format != "text" && format != "csv" && format != "xlsx")
        throw CommandError{"--format 应为 text、csv 或 xlsx / format must be text, csv or xlsx", 2};
    const auto section = parseReportSection(cl.option("section", "all"));
    if (!section)
        throw CommandError{"--section 应为 all|base|visits|risk|incidents|services|association|volunteers|data|duplicates|"
                           "referrals|family|health|facilities", 2};
    if (format == "xlsx" && !cl.has("out"))
        throw CommandError{"xlsx 格式须用 --out 指定文件 / --out FILE is required for xlsx", 2};

    ReportRequest request;
    {
        // The device list is the server's own table; the figures come from the ledger tables.
        auto store = openCountyStore(cl.option("db"));
        const std::string county = store->countyCode();
        if (county.empty())
            throw CommandError{"数据库尚未初始化，请先运行 init --county 区县代码 / database not initialised, run init first"};
        request = requestFrom(cl, county, store->devices());
    }
    auto db = openLedgerConnection(cl.option("db"));
    // A standard or visit schedule dated today takes effect before the figures are taken.
    DerivedColumns(*db).refreshForToday();
    const SupervisionReport report = computeSupervision(*db, request);

    if (format == "xlsx") {
        std::vector<Table> extra;
        if (cl.has("with-ledger")) {
            Ledger ledger(*db);
            extra.push_back(elderLedgerTable(ledger, {request.area, false}));
        }
        if (const std::string error = writeReportXlsx(cl.option("out"), report, *section, extra); !error.empty())
            throw CommandError{error};
        out << "已写出 / written: " << cl.option("out") << kPrivateFileNote << "\n";
        return;
    }
    std::ofstream file;
    if (cl.has("out")) {
        if (createPrivateFile(cl.option("out")))
            file.open(cl.option("out"), std::ios::binary | std::ios::trunc);
        if (!file)
            throw CommandError{"无法写入文件 / cannot write file: " + cl.option("out")};
    }
    std::ostream& target = cl.has("out") ? file : out;
    if (format == "csv")
        writeReportCsv(target, report, *section);
    else
        writeReportText(target, report, *section);
    target.flush();
    if (!target)
        throw CommandError{"写入失败（磁盘已满？）/ write failed: " + cl.option("out", "stdout")};
}

} // namespace shouwang::server
