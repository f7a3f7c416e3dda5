// The supervision tables and the county ledger as the offices take them: .xlsx read back
// from the file (an .xlsx is a zip of XML; `unzip -p` reads one part), and CSV.
#include "hand_county.h"

#include "exchange/elder_csv.h"
#include "report/report_tables.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// One part of a zip file, through the `unzip` tool (tools/install-deps.sh installs it).
std::string zipPart(const std::string& zip, const std::string& part, const TempDir& dir)
{
    const std::string out = dir.file("part.xml");
    const std::string command = "unzip -p '" + zip + "' '" + part + "' > '" + out + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream in(out, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("the xlsx holds one sheet per table with Chinese headers and the rows, and the county ledger")
{
    HandCounty county;
    const SupervisionReport r = computeSupervision(*county.db, county.request(kCounty));
    const std::string path = county.dir.file("督查.xlsx");
    const Table ledger = elderLedgerTable(county.ledger);
    REQUIRE(writeReportXlsx(path, r, ReportSection::All, {ledger}).empty());
#ifdef _WIN32
    // No `unzip` tool on Windows: check that a zip was written; Linux checks its contents.
    std::ifstream file(path, std::ios::binary);
    char magic[2] = {};
    file.read(magic, 2);
    CHECK((magic[0] == 'P' && magic[1] == 'K'));
    return;
#endif

    const std::string book = zipPart(path, "xl/workbook.xml", county.dir);
    for (const char* sheet : {"汇总", "分单位", "信息不全", "身份证号重复", "逾期未探访", "专项探访覆盖", "高风险无干预措施",
                              "情况报告", "情况报告时间线", "老年协会活动", "志愿服务时长", "超额待核的兑换", "数据同步",
                              "转介分部门", "部门转介", "部门转介时间线", "赡养人未答复", "建议转介健康管理", "服务设施使用",
                              "留守老年人台账"}) {
        INFO(sheet);
        CHECK(book.find(std::string("name=\"") + sheet + "\"") != std::string::npos);
    }
    // Sheet 5 is 逾期未探访: its header and the three overdue elders, most overdue first.
    const std::string overdue = zipPart(path, "xl/worksheets/sheet5.xml", county.dir);
    CHECK(overdue.find("逾期天数") != std::string::npos);
    CHECK(overdue.find("青橙村") < overdue.find("王三"));
    CHECK(overdue.find("王三") < overdue.find("李二"));
    CHECK(overdue.find("<v>25</v>") != std::string::npos); // a number, not text
    CHECK(overdue.find("<row r=\"4\"") != std::string::npos);
    CHECK(overdue.find("<row r=\"5\"") == std::string::npos);
    // The ledger sheet, after the report's: a header and seven elders, ID numbers masked.
    const std::string ledgerSheet = "xl/worksheets/sheet" + std::to_string(reportTables(r).size() + 1) + ".xml";
    const std::string sheet = zipPart(path, ledgerSheet, county.dir);
    CHECK(sheet.find("身份证号") != std::string::npos);
    CHECK(sheet.find("<row r=\"8\"") != std::string::npos);
    CHECK(sheet.find("<row r=\"9\"") == std::string::npos);
    CHECK(sheet.find("500154********") != std::string::npos);
}

TEST_CASE("the CSV holds every table, each under its name, with a BOM for Excel")
{
    HandCounty county;
    const SupervisionReport r = computeSupervision(*county.db, county.request(kCounty));
    std::ostringstream out;
    writeReportCsv(out, r, ReportSection::Visits);
    const std::string text = out.str();
    CHECK(text.rfind("\xEF\xBB\xBF汇总\r\n板块,指标,数值\r\n", 0) == 0);
    CHECK(text.find("探访,按期探访率,50.0%\r\n") != std::string::npos);
    CHECK(text.find("\r\n\r\n逾期未探访\r\n村代码,村,姓名,") != std::string::npos);
    CHECK(text.find("专项探访覆盖") != std::string::npos);
    CHECK(text.find("情况报告") == std::string::npos); // another section
}

TEST_CASE("the text report lists the sections with aligned columns")
{
    HandCounty county;
    const SupervisionReport r = computeSupervision(*county.db, county.request(kTownA));
    std::ostringstream out;
    writeReportText(out, r, ReportSection::All);
    const std::string text = out.str();
    CHECK(text.find("区域：开州区 / 厚坝镇（500154102）") != std::string::npos);
    CHECK(text.find("【分单位】") != std::string::npos);
    CHECK(text.find("【身份证号重复】（2 行）") != std::string::npos);
    CHECK(text.find("大坝村") != std::string::npos);
}

