#include "exchange_fixture.h"

#include "exchange/csv.h"
#include "exchange/elder_csv.h"
#include "exchange/table.h"

#include "demo/demo_generator.h"
#include "domain/idcard.h"
#include "domain/ids.h"
#include "store/ledger.h"

#include "../support/temp_ledger.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr std::string_view kVillage = "500154102201"; // 开州区 厚坝镇 红宝村

std::string exported(Ledger& ledger, bool reveal)
{
    std::ostringstream out;
    ExportOptions options;
    options.revealPersonalData = reveal;
    exportEldersCsv(ledger, out, options);
    return out.str();
}

// Elders by 身份证号, each with its values and its household's, without ids and clocks.
std::map<std::string, std::map<std::string, std::string>> eldersOf(Ledger& ledger)
{
    std::map<std::string, std::map<std::string, std::string>> out;
    for (const Record& elder : ledger.list("elder")) {
        auto& values = out[elder.value("id_number")];
        for (const auto& [field, value] : elder.values) {
            if (field != "household_id" && field != "facility_id") // references: not in the CSV
                values[field] = value;
        }
        values["village"] = elder.villageCode;
        if (auto household = ledger.get("household", elder.value("household_id"))) {
            for (const auto& [field, value] : household->values)
                values["household." + field] = value;
        }
    }
    return out;
}

const std::string kShortHeader = "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,联系电话\n";

std::string shortRow(std::string_view name, std::string_view id, std::string_view living = "独居",
                     std::string_view phone = "13912345678")
{
    return std::string(kVillage) + ",张建国,红宝村1组" + std::string(name.substr(0, 3)) + "号," + std::string(name) + ","
        + std::string(id) + "," + std::string(living) + "," + std::string(phone) + "\n";
}

} // namespace

TEST_CASE("an exported ledger imported into a fresh ledger gives the same elders and households")
{
    TempLedger source, target;
    DemoOptions demo;
    demo.scopeCode = std::string(kVillage);
    demo.elders = 40;
    demo.visitsPerElder = 0;
    demo.today = *parseDate("2024-06-15");
    generateDemo(source.ledger(), demo);

    const ImportReport report = importEldersCsv(target.ledger(), exported(source.ledger(), true));
    CHECK(report.errors.empty());
    CHECK(report.imported == 40);
    CHECK(report.refused == 0);
    CHECK(eldersOf(target.ledger()) == eldersOf(source.ledger()));
    CHECK(target.ledger().count("household") == source.ledger().count("household"));
}

TEST_CASE("bad rows are refused with their line numbers and reasons while the good rows are kept")
{
    TempLedger temp;
    std::string badId = validId("19500101", "123");
    badId[17] = badId[17] == '0' ? '1' : '0'; // wrong check digit
    const std::string text = kShortHeader                                  // line 1
        + shortRow("李秀英", validId("19480203", "222"))                   // line 2
        + shortRow("王德明", badId)                                        // line 3
        + shortRow("陈桂芳", validId("19520607", "442"))                   // line 4
        + shortRow("刘长生", validId("19440708", "551"), "住在山上")       // line 5
        + shortRow("周玉兰", validId("19390911", "662"));                  // line 6
    const ImportReport report = importEldersCsv(temp.ledger(), text);
    CHECK(report.imported == 3);
    CHECK(report.refused == 2);
    REQUIRE(report.errors.size() == 2);
    CHECK(report.errors[0].line == 3);
    CHECK_THAT(report.errors[0].message, Catch::Contains("校验"));
    CHECK(report.errors[1].line == 5);
    CHECK_THAT(report.errors[1].message, Catch::Contains("居住情况") && Catch::Contains("住在山上"));
    // The unreadable value is the reason; "居住情况为必填项" after it would only confuse.
    CHECK(report.errors[1].message.find("必填") == std::string::npos);
    CHECK(temp.ledger().count("elder") == 3);
}

TEST_CASE("fields with commas, quotes and line breaks survive export and import, and keep line numbers right")
{
    TempLedger temp;
    const std::string note = "他说：\"腿疼, 走不动\"\n第二行";
    const std::string text = "\xEF\xBB\xBF" "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,困难说明\r\n"
        + std::string(kVillage) + ",\"张,建国\",红宝村1组2号,张建国," + validId("19500101", "123") + ",独居,\""
        + "他说：\"\"腿疼, 走不动\"\"\n第二行\"\r\n"  // lines 2–3
        + std::string(kVillage) + ",李明,红宝村1组3号,李明,123,独居,\r\n"; // line 4: bad ID
    const ImportReport report = importEldersCsv(temp.ledger(), text);
    CHECK(report.imported == 1);
    REQUIRE(report.errors.size() == 1);
    CHECK(report.errors[0].line == 4);

    const auto elders = temp.ledger().list("elder");
    REQUIRE(elders.size() == 1);
    CHECK(elders[0].value("difficulties_note") == note);
    CHECK(temp.ledger().get("household", elders[0].value("household_id"))->value("head_name") == "张,建国");

    TempLedger again;
    CHECK(importEldersCsv(again.ledger(), exported(temp.ledger(), true)).imported == 1);
    CHECK(eldersOf(again.ledger()) == eldersOf(temp.ledger()));
}

TEST_CASE("exports start with a UTF-8 BOM and imports read files with or without one")
{
    TempLedger a, b;
    const std::string plain = kShortHeader + shortRow("李秀英", validId("19480203", "222"));
    CHECK(importEldersCsv(a.ledger(), plain).imported == 1);
    CHECK(importEldersCsv(b.ledger(), std::string(csv::kUtf8Bom) + plain).imported == 1);
    CHECK(exported(a.ledger(), false).starts_with(csv::kUtf8Bom));
}

TEST_CASE("importing the same elders again updates them instead of adding duplicates")
{
    TempLedger temp;
    const std::string first = kShortHeader + shortRow("李秀英", validId("19480203", "222"))
        + shortRow("陈桂芳", validId("19520607", "442"));
    CHECK(importEldersCsv(temp.ledger(), first).imported == 2);
    const std::string second = kShortHeader + shortRow("李秀英", validId("19480203", "222"), "独居", "13700001111")
        + shortRow("陈桂芳", validId("19520607", "442"));
    const ImportReport report = importEldersCsv(temp.ledger(), second);
    CHECK(report.imported == 0);
    CHECK(report.updated == 1);
    CHECK(report.unchanged == 1);
    CHECK(temp.ledger().count("elder") == 2);
    CHECK(temp.ledger().count("household") == 2);
    ListFilter byId;
    byId.equals = {{"id_number", validId("19480203", "222")}};
    CHECK(temp.ledger().list("elder", byId).at(0).value("phone") == "13700001111");
}

TEST_CASE("exports mask ID numbers and phones unless asked, and masked files cannot be imported")
{
    TempLedger temp;
    const std::string id = validId("19480203", "222");
    importEldersCsv(temp.ledger(), kShortHeader + shortRow("李秀英", id));
    const std::string masked = exported(temp.ledger(), false);
    CHECK(masked.find(id) == std::string::npos);
    CHECK(masked.find(maskIdNumber(id)) != std::string::npos);
    CHECK(masked.find("13912345678") == std::string::npos);
    CHECK(masked.find(maskPhone("13912345678")) != std::string::npos);
    CHECK(exported(temp.ledger(), true).find(id) != std::string::npos);

    TempLedger other;
    const ImportReport report = importEldersCsv(other.ledger(), masked);
    CHECK(report.imported == 0);
    REQUIRE(report.errors.size() == 1);
    CHECK_THAT(report.errors[0].message, Catch::Contains("脱敏"));
}

TEST_CASE("choice columns take labels or codes, lists split on 、 or commas, booleans 是/否 and Excel dates")
{
    TempLedger temp;
    const std::string text = "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,收入来源,失智,低保户,留守起始日期,健康状况\n"
        + std::string(kVillage) + ",张建国,红宝村1组2号,张建国," + validId("19500101", "123")
        + ",alone,\"养老金、子女供给,dibao\",是,否,2015/3/1,\"不健康,能自理\"\n";
    const ImportReport report = importEldersCsv(temp.ledger(), text);
    INFO((report.errors.empty() ? "" : report.errors[0].message));
    REQUIRE(report.imported == 1);
    const Record elder = temp.ledger().list("elder").at(0);
    CHECK(elder.value("living") == "alone");
    CHECK(elder.value("income_sources") == "pension,children,dibao");
    CHECK(elder.value("dementia") == "1");
    CHECK(elder.value("left_behind_since") == "2015-03-01");
    CHECK(elder.value("health") == "unhealthy_selfcare");
    CHECK(elder.value("status") == "active"); // no 状态 column: 在册
    CHECK(temp.ledger().get("household", elder.value("household_id"))->value("dibao") == "0");
}

TEST_CASE("an unknown column is ignored with a warning, and a missing required column refuses the whole file")
{
    TempLedger temp;
    const std::string text = "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,爱好\n"
        + std::string(kVillage) + ",张建国,红宝村1组2号,张建国," + validId("19500101", "123") + ",独居,钓鱼\n";
    const ImportReport report = importEldersCsv(temp.ledger(), text);
    CHECK(report.imported == 1);
    CHECK(report.errors.empty());
    REQUIRE(report.warnings.size() == 1);
    CHECK(report.warnings[0].line == 1);
    CHECK_THAT(report.warnings[0].message, Catch::Contains("爱好") && Catch::Contains("忽略"));

    TempLedger other;
    const ImportReport missing = importEldersCsv(other.ledger(), "姓名,身份证号\n张三,1\n");
    CHECK(missing.wholeFileRefused);
    CHECK_THAT(missing.errors.at(0).message, Catch::Contains("村（社区）代码"));
    CHECK_THAT(importSummary(missing), Catch::StartsWith("没有导入任何内容"));
    CHECK(other.ledger().count("elder") == 0);
}

TEST_CASE("the shipped template is the program's template and its example row imports")
{
    std::ifstream in(std::string(SHOUWANG_SOURCE_DIR) + "/docs/elder-template.csv", std::ios::binary);
    REQUIRE(in);
    std::ostringstream shipped;
    shipped << in.rdbuf();
    CHECK(shipped.str() == elderCsvTemplate());

    TempLedger temp;
    const ImportReport report = importEldersCsv(temp.ledger(), elderCsvTemplate());
    INFO((report.errors.empty() ? "" : report.errors[0].message));
    CHECK(report.imported == 1);
}

TEST_CASE("files are read and written through the file helpers, and a missing file is reported")
{
    TempLedger temp;
    importEldersCsv(temp.ledger(), kShortHeader + shortRow("李秀英", validId("19480203", "222")));
    const std::string path = (temp.dir() / "out.csv").string();
    ExportOptions reveal;
    reveal.revealPersonalData = true;
    CHECK(exportEldersCsvFile(temp.ledger(), path, reveal).empty());
    TempLedger other;
    CHECK(importEldersCsvFile(other.ledger(), path).imported == 1);
    const ImportReport missing = importEldersCsvFile(other.ledger(), (temp.dir() / "none.csv").string());
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].line == 0);
}

TEST_CASE("the example in docs/csv-template.md imports as the document says")
{
    std::ifstream in(std::string(SHOUWANG_SOURCE_DIR) + "/docs/csv-template.md", std::ios::binary);
    REQUIRE(in);
    std::ostringstream doc;
    doc << in.rdbuf();
    const std::string text = doc.str();
    const auto start = text.find("```csv\n");
    REQUIRE(start != std::string::npos);
    const auto end = text.find("```", start + 7);
    const std::string example = text.substr(start + 7, end - start - 7);

    TempLedger temp;
    const ImportReport report = importEldersCsv(temp.ledger(), example);
    INFO((report.errors.empty() ? "" : report.errors[0].message));
    CHECK(report.imported == 2);
    CHECK(report.errors.empty());
    CHECK(temp.ledger().count("household") == 1); // same head and address: one household
}

TEST_CASE("formula-like cells are exported with a leading quote and imported back as typed")
{
    CHECK(csv::neutralise("=HYPERLINK(\"http://x\",\"点我\")") == "'=HYPERLINK(\"http://x\",\"点我\")");
    CHECK(csv::neutralise("+86 139") == "'+86 139");
    CHECK(csv::neutralise("-1+2") == "'-1+2");
    CHECK(csv::neutralise("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv::neutralise("\t=1+1") == "'\t=1+1");
    CHECK(csv::neutralise("\r=1+1") == "'\r=1+1");
    CHECK(csv::neutralise("'=1") == "''=1");
    CHECK(csv::neutralise("-3") == "-3");     // a number is no formula
    CHECK(csv::neutralise("-1.5") == "-1.5");
    CHECK(csv::neutralise("\t110105") == "\t110105"); // the ID-number columns' text marker
    CHECK(csv::neutralise("张三") == "张三");
    for (const char* typed : {"=HYPERLINK(\"http://x\")", "'=1", "''=1", "'abc", "-3", "+86", "@x"})
        CHECK(csv::unneutralise(csv::neutralise(typed)) == typed);

    TempLedger temp;
    Record household;
    household.entity = "household";
    household.villageCode = std::string(kVillage);
    household.set("head_name", "=HYPERLINK(\"http://evil\",\"点击\")");
    household.set("address", "@SUM(1+1)");
    REQUIRE(temp.ledger().save(household, "测试员").ok());
    Record elder;
    elder.entity = "elder";
    elder.villageCode = std::string(kVillage);
    elder.set("household_id", household.id);
    elder.set("name", "+张三");
    elder.set("id_number", validId("19500101", "123"));
    elder.set("living", "alone");
    elder.set("status", "active");
    elder.set("difficulties_note", "-1+1");
    INFO(temp.ledger().save(elder, "测试员").message);
    REQUIRE(temp.ledger().list("elder").size() == 1);

    const std::string text = exported(temp.ledger(), true);
    CHECK(text.find(",\"'=HYPERLINK(") != std::string::npos);
    CHECK(text.find(",'@SUM(1+1)") != std::string::npos);
    CHECK(text.find(",'+张三") != std::string::npos);
    CHECK(text.find(",'-1+1") != std::string::npos);
    for (const char* live : {",=", ",\"=", ",+", ",@", ",-1+1"})
        CHECK(text.find(live) == std::string::npos);

    TempLedger again;
    CHECK(importEldersCsv(again.ledger(), text).imported == 1);
    CHECK(eldersOf(again.ledger()) == eldersOf(temp.ledger()));
    CHECK(again.ledger().list("household").front().value("head_name") == "=HYPERLINK(\"http://evil\",\"点击\")");
}

TEST_CASE("xlsx cells that look like formulas are written as text, never as formulas")
{
    TempLedger temp;
    const std::string path = (std::filesystem::temp_directory_path() / ("shouwang-formula-" + newUuid() + ".xlsx")).string();
    const Table table{"台账", {"姓名", "备注"}, {{"=HYPERLINK(\"http://evil\",\"点击\")", "@SUM(1+1)"}, {"+1", "42"}}};
    REQUIRE(writeTablesXlsx(path, {table}).empty());
    // The sheet's XML: no <f> (formula) element anywhere; the text sits in shared strings.
    const std::string sheet = [&] {
        std::string out;
        FILE* pipe = popen(("unzip -p '" + path + "' xl/worksheets/sheet1.xml xl/sharedStrings.xml 2>/dev/null").c_str(), "r");
        REQUIRE(pipe);
        char buffer[4096];
        while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
            out.append(buffer, n);
        pclose(pipe);
        return out;
    }();
    std::filesystem::remove(path);
    if (sheet.empty()) {
        WARN("unzip not available: xlsx content not checked");
        return;
    }
    CHECK(sheet.find("<f>") == std::string::npos);
    CHECK(sheet.find("=HYPERLINK(") != std::string::npos);
}

TEST_CASE("the ledger exported as .xlsx imports back into a fresh ledger as the same elders and households")
{
    TempLedger source, target;
    DemoOptions demo;
    demo.scopeCode = std::string(kVillage);
    demo.elders = 30;
    demo.visitsPerElder = 0;
    demo.today = *parseDate("2024-06-15");
    generateDemo(source.ledger(), demo);
    ExportOptions reveal;
    reveal.revealPersonalData = true;
    const std::string path = source.file("台账.xlsx");
    REQUIRE(writeTablesXlsx(path, {elderLedgerTable(source.ledger(), reveal)}).empty());

    const ImportReport report = importEldersFile(target.ledger(), path);
    INFO((report.errors.empty() ? "" : report.errors[0].message));
    CHECK(report.errors.empty());
    CHECK(report.imported == 30);
    CHECK(eldersOf(target.ledger()) == eldersOf(source.ledger()));
    CHECK(target.ledger().count("household") == source.ledger().count("household"));
}
