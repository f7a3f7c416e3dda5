// Export → edit in Excel → import (issue 17): the ledger's elders, their supporters (one
// row each, further rows repeating the elder's 身份证号) and their visits (the 探访记录 sheet)
// come back the same, an edited supporter is an update shown old → new, and a row of the
// same 身份证号 saying something else about the elder is still a duplicate.
#include "exchange_fixture.h"

#include "exchange/elder_csv.h"
#include "exchange/table.h"
#include "exchange/xlsx_reader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr std::string_view kVillage = "500154102201"; // 开州区 厚坝镇 红宝村

using Values = std::map<std::string, std::string>;

Record save(Ledger& ledger, std::string_view entity, const Values& values)
{
    Record record;
    record.entity = std::string(entity);
    record.villageCode = std::string(kVillage);
    for (const auto& [field, value] : values)
        record.set(field, value);
    const SaveResult saved = ledger.save(record, "测试员");
    INFO(saved.message << (saved.errors.empty() ? "" : saved.errors.front().message));
    REQUIRE(saved.ok());
    return record;
}

// Elders with 0, 1 and 3 supporters; visits for two of them.
struct SourceLedger {
    TempLedger temp;
    std::string alone = validId("19450101", "131"), oneChild = validId("19480203", "222"),
                threeChildren = validId("19520607", "441");

    SourceLedger()
    {
        Ledger& ledger = temp.ledger();
        const Record home = save(ledger, "household",
                                 {{"head_name", "张建国"},
                                  {"address", "红宝村1组2号"},
                                  {"dibao", "1"},
                                  {"registered_poor", "0"},
                                  {"tekun", "0"},
                                  {"notes", "两位老人同住"}});
        const Record other = save(ledger, "household", {{"head_name", "陈桂芳"}, {"address", "红宝村3组8号"}});
        const Record a = save(ledger, "elder",
                              {{"household_id", home.id},
                               {"name", "张建国"},
                               {"id_number", alone},
                               {"living", "spouse"},
                               {"status", "active"},
                               {"phone", "13800001111"},
                               {"income_sources", "pension,dibao"},
                               {"dementia", "0"}});
        const Record b = save(ledger, "elder",
                              {{"household_id", home.id},
                               {"name", "李秀英"},
                               {"id_number", oneChild},
                               {"living", "spouse"},
                               {"status", "active"},
                               {"health", "fair"},
                               {"difficulties_note", "腿脚不便，\n赶场困难"}});
        const Record c = save(ledger, "elder",
                              {{"household_id", other.id},
                               {"name", "陈桂芳"},
                               {"id_number", threeChildren},
                               {"living", "alone"},
                               {"status", "active"},
                               {"left_behind_since", "2012-05-01"},
                               {"chronic_diseases", "高血压"}});
        save(ledger, "supporter",
             {{"elder_id", b.id},
              {"name", "张强"},
              {"relation", "son"},
              {"phone", "13911112222"},
              {"away_location", "广东东莞"},
              {"away_since", "2010-03-01"},
              {"contact_frequency", "weekly"},
              {"monthly_support", "500"},
              {"last_contact", "2026-01-02"},
              {"duty_fulfilment", "good"}});
        save(ledger, "supporter",
             {{"elder_id", c.id},
              {"name", "王大军"},
              {"relation", "son"},
              {"phone", "13722223333"},
              {"away_location", "浙江宁波"},
              {"away_since", "2008-02-01"}});
        save(ledger, "supporter",
             {{"elder_id", c.id},
              {"name", "王小梅"},
              {"relation", "daughter"},
              {"phone", "13633334444"},
              {"contact_frequency", "monthly"},
              {"duty_fulfilment", "fair"}});
        save(ledger, "supporter",
             {{"elder_id", c.id},
              {"name", "刘红"},
              {"relation", "daughter_in_law"},
              {"away_location", "本村"},
              {"monthly_support", "200"}});
        save(ledger, "visit",
             {{"elder_id", a.id},
              {"date", "2026-01-05"},
              {"mode", "home"},
              {"visitor", "王小红"},
              {"visitor_role", "cadre"},
              {"finding", "normal"},
              {"needs", "希望有人读报"}});
        save(ledger, "visit",
             {{"elder_id", c.id},
              {"date", "2026-01-06"},
              {"mode", "phone"},
              {"visitor", "王小红"},
              {"finding", "attention"},
              {"hazards", "fire,electric"},
              {"follow_up", "请电工检查线路"},
              {"next_due", "2026-01-20"}});
        save(ledger, "visit",
             {{"elder_id", c.id},
              {"date", "2026-01-20"},
              {"mode", "home"},
              {"visitor", "李志愿"},
              {"visitor_role", "volunteer"},
              {"finding", "normal"},
              {"services_given", "打扫卫生"}});
    }
    Ledger& ledger() { return temp.ledger(); }
};

std::string idOf(Ledger& ledger, const std::string& elderId)
{
    auto elder = ledger.get("elder", elderId);
    return elder ? elder->value("id_number") : std::string{};
}

Values valuesWithout(const Record& record, std::initializer_list<std::string_view> references)
{
    Values out;
    for (const auto& [field, value] : record.values) {
        if (std::find(references.begin(), references.end(), field) == references.end())
            out[field] = value;
    }
    return out;
}

// Elders by 身份证号 with their household's values; references (ids) left out.
std::map<std::string, Values> eldersOf(Ledger& ledger)
{
    std::map<std::string, Values> out;
    for (const Record& elder : ledger.list("elder")) {
        Values values = valuesWithout(elder, {"household_id", "facility_id"});
        values["village"] = elder.villageCode;
        if (auto household = ledger.get("household", elder.value("household_id"))) {
            for (const auto& [field, value] : household->values)
                values["household." + field] = value;
        }
        out[elder.value("id_number")] = values;
    }
    return out;
}

// Records of `entity` by their elder's 身份证号, each elder's sorted, field by field.
std::map<std::string, std::vector<Values>> byElder(Ledger& ledger, std::string_view entity)
{
    std::map<std::string, std::vector<Values>> out;
    for (const Record& record : ledger.list(entity))
        out[idOf(ledger, record.value("elder_id"))].push_back(valuesWithout(record, {"elder_id", "campaign_id"}));
    for (auto& [id, records] : out)
        std::sort(records.begin(), records.end());
    return out;
}

std::string messages(const std::vector<RowError>& errors)
{
    std::string out;
    for (const RowError& e : errors)
        out += std::to_string(e.line) + ": " + e.message + "\n";
    return out;
}

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

ImportOptions ofVillage(bool dryRun = false)
{
    ImportOptions options;
    options.villagePrefix = std::string(kVillage);
    options.dryRun = dryRun;
    return options;
}

ExportOptions revealed()
{
    ExportOptions options;
    options.revealPersonalData = true;
    return options;
}

// A workbook's sheet as a Table again, to edit a cell and write it back as Excel would.
Table tableOf(const xlsx::Sheet& sheet)
{
    Table table{sheet.name, sheet.rows.front().fields, {}};
    for (std::size_t i = 1; i < sheet.rows.size(); ++i) {
        table.rows.push_back(sheet.rows[i].fields);
        table.rows.back().resize(std::max(table.rows.back().size(), table.headers.size()));
    }
    return table;
}

std::size_t column(const Table& table, std::string_view header)
{
    const auto it = std::find(table.headers.begin(), table.headers.end(), header);
    REQUIRE(it != table.headers.end());
    return static_cast<std::size_t>(it - table.headers.begin());
}

} // namespace

TEST_CASE("a ledger with elders of 0, 1 and 3 supporters and their visits, exported as .xlsx, imports into a fresh "
          "ledger the same")
{
    SourceLedger source;
    const std::string path = source.temp.file("台账.xlsx");
    REQUIRE(exportLedgerFile(source.ledger(), path, revealed()).empty());

    // The elder sheet: one row per supporter (an elder without one: one row); the visit sheet beside it.
    const std::string bytes = slurp(path);
    const xlsx::Sheet elders = xlsx::readSheet(bytes);
    REQUIRE(elders.error.empty());
    CHECK(elders.rows.size() == 1 + 1 + 1 + 3);
    CHECK(elders.sheetNames == std::vector<std::string>{"留守老年人台账", "探访记录"});
    const Table elderTable = tableOf(elders);
    for (const char* header : {"赡养人姓名", "赡养人关系", "赡养人电话", "赡养人外出地点", "赡养人外出起始日期"})
        CHECK(std::count(elderTable.headers.begin(), elderTable.headers.end(), header) == 1);
    const xlsx::Sheet visits = xlsx::readSheet(bytes, "探访记录");
    REQUIRE(visits.error.empty());
    CHECK(visits.rows.size() == 1 + 3);

    TempLedger target;
    const ImportReport preview = importEldersFile(target.ledger(), path, ofVillage(true));
    INFO(messages(preview.errors));
    CHECK(preview.errors.empty());
    CHECK(preview.imported == 3);
    CHECK(preview.refused == 0);
    CHECK(preview.visitsAdded == 3);
    CHECK(target.ledger().count("supporter") == 0);

    const ImportReport done = importEldersFile(target.ledger(), path, ofVillage());
    INFO(messages(done.errors));
    CHECK(done.errors.empty());
    CHECK(done.imported == preview.imported);
    CHECK(done.updated == preview.updated);
    CHECK(done.unchanged == preview.unchanged);
    CHECK(done.refused == preview.refused);
    CHECK(done.visitsAdded == preview.visitsAdded);
    CHECK(done.supportersAdded == 4);
    CHECK(preview.supportersAdded == done.supportersAdded);
    CHECK_THAT(importSummary(done), Catch::Contains("赡养人新增4位"));
    CHECK(eldersOf(target.ledger()) == eldersOf(source.ledger()));
    CHECK(byElder(target.ledger(), "supporter") == byElder(source.ledger(), "supporter"));
    CHECK(byElder(target.ledger(), "visit") == byElder(source.ledger(), "visit"));
    CHECK(target.ledger().count("supporter") == 4);
    CHECK(target.ledger().count("household") == 2);

    // Imported again: nothing new, nothing changed.
    const ImportReport again = importEldersFile(target.ledger(), path, ofVillage());
    INFO(messages(again.errors));
    CHECK(again.unchanged == 3);
    CHECK(again.updated == 0);
    CHECK(again.visitsUnchanged == 3);
    CHECK(target.ledger().count("supporter") == 4);
}

TEST_CASE("the same ledger exported as CSV imports into a fresh ledger with the same elders and supporters")
{
    SourceLedger source;
    const std::string path = source.temp.file("台账.csv");
    REQUIRE(exportLedgerFile(source.ledger(), path, revealed()).empty());

    TempLedger target;
    const ImportReport preview = importEldersFile(target.ledger(), path, ofVillage(true));
    const ImportReport done = importEldersFile(target.ledger(), path, ofVillage());
    INFO(messages(done.errors));
    CHECK(done.errors.empty());
    CHECK(done.imported == 3);
    CHECK(preview.imported == done.imported);
    CHECK(preview.refused == done.refused);
    CHECK(eldersOf(target.ledger()) == eldersOf(source.ledger()));
    CHECK(byElder(target.ledger(), "supporter") == byElder(source.ledger(), "supporter"));
}

TEST_CASE(
    "a supporter's phone edited in the exported workbook is an update shown old → new in the preview, then applied")
{
    SourceLedger source;
    const std::string path = source.temp.file("台账.xlsx");
    REQUIRE(exportLedgerFile(source.ledger(), path, revealed()).empty());
    const std::string bytes = slurp(path);
    Table elders = tableOf(xlsx::readSheet(bytes));
    const Table visits = tableOf(xlsx::readSheet(bytes, "探访记录"));

    // A supporter with a phone on a further row of 陈桂芳 (the elder's cells blank): the row
    // a clerk edits in Excel.
    const std::size_t name = column(elders, "赡养人姓名"), phone = column(elders, "赡养人电话"),
                      living = column(elders, "居住情况"), elderName = column(elders, "姓名");
    auto row = std::find_if(elders.rows.begin(), elders.rows.end(), [&](const auto& r) {
        return r[elderName] == "陈桂芳" && r[living].empty() && !r[phone].empty();
    });
    REQUIRE(row != elders.rows.end());
    const std::string who = (*row)[name], before = (*row)[phone];
    CHECK((who == "王大军" || who == "王小梅"));
    CHECK(before == (who == "王大军" ? "13722223333" : "13633334444"));
    (*row)[phone] = "13655556666";
    const std::size_t line = static_cast<std::size_t>(row - elders.rows.begin()) + 2;
    const std::string edited = source.temp.file("改过的台账.xlsx");
    REQUIRE(writeTablesXlsx(edited, {elders, visits}).empty());

    const ImportReport preview = importEldersFile(source.ledger(), edited, ofVillage(true));
    INFO(messages(preview.errors));
    CHECK(preview.errors.empty());
    CHECK(preview.updated == 1);
    CHECK(preview.unchanged == 2);
    CHECK(preview.imported == 0);
    REQUIRE(preview.updates.size() == 1);
    CHECK(preview.updates[0].who == "陈桂芳");
    CHECK(preview.updates[0].line < line); // the elder's first row
    REQUIRE(preview.updates[0].changes.size() == 1);
    CHECK(preview.updates[0].changes[0].field == "赡养人电话（" + who + "）");
    CHECK(preview.updates[0].changes[0].before == before);
    CHECK(preview.updates[0].changes[0].after == "13655556666");
    ListFilter byName;
    byName.equals = {{"name", who}};
    CHECK(source.ledger().list("supporter", byName).front().value("phone") == before);

    const ImportReport done = importEldersFile(source.ledger(), edited, ofVillage());
    CHECK(done.updated == preview.updated);
    CHECK(done.unchanged == preview.unchanged);
    CHECK(preview.supportersUpdated == 1);
    CHECK(done.supportersUpdated == 1);
    CHECK(done.supportersAdded == 0);
    CHECK(source.ledger().list("supporter", byName).front().value("phone") == "13655556666");
    CHECK(source.ledger().count("supporter") == 4);
    CHECK(source.ledger().count("visit") == 3);
}

TEST_CASE("a supporter's phone edited on the elder's first row of the CSV is an update of that elder")
{
    SourceLedger source;
    std::ostringstream out;
    exportEldersCsv(source.ledger(), out, revealed());
    std::string text = out.str();
    const auto at = text.find("13911112222"); // 张强, 李秀英's only supporter
    REQUIRE(at != std::string::npos);
    text.replace(at, 11, "13900009999");

    const ImportReport preview = importEldersCsv(source.ledger(), text, ofVillage(true));
    INFO(messages(preview.errors));
    CHECK(preview.updated == 1);
    REQUIRE(preview.updates.size() == 1);
    CHECK(preview.updates[0].who == "李秀英");
    REQUIRE(preview.updates[0].changes.size() == 1);
    CHECK(preview.updates[0].changes[0].field == "赡养人电话（张强）");
    CHECK(preview.updates[0].changes[0].before == "13911112222");
    CHECK(preview.updates[0].changes[0].after == "13900009999");

    const ImportReport done = importEldersCsv(source.ledger(), text, ofVillage());
    CHECK(done.updated == 1);
    ListFilter byName;
    byName.equals = {{"name", "张强"}};
    CHECK(source.ledger().list("supporter", byName).front().value("phone") == "13900009999");
}

TEST_CASE(
    "further rows of one 身份证号 add supporters when the elder's cells agree, and are duplicates when they disagree")
{
    const std::string id = validId("19480203", "222"), refusedId = validId("19520607", "441");
    const std::string header
        = "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,赡养人姓名,赡养人关系,赡养人电话\n";
    const std::string village(kVillage);
    const std::string text = header                                                    //
        + village + ",李秀英,红宝村1组,李秀英," + id + ",独居,张强,儿子,13911112222\n" // 2: the elder, first supporter
        + ",,,李秀英," + id + ",,张丽,女儿,13922223333\n"                              // 3: blank elder cells: agrees
        + village + ",李秀英,红宝村1组,李秀英," + id + ",独居,张明,儿子,\n"            // 4: repeated cells: agrees
        + village + ",李秀英,红宝村1组,李秀英," + id + ",与配偶同住,张伟,儿子,\n"      // 5: disagrees: duplicate
        + village + ",李秀英,红宝村1组,李秀英," + id + ",独居,,,\n"                    // 6: no supporter: duplicate
        + ",,,李秀英," + id + ",,张丽,女儿,13922223333\n"                              // 7: 张丽 again
        + village + ",陈桂芳,红宝村3组,陈桂芳," + refusedId + ",住在山上,王军,儿子,\n" // 8: refused
        + ",,,陈桂芳," + refusedId + ",,王梅,女儿,\n";                                 // 9: of a refused elder

    TempLedger temp;
    const ImportReport preview = importEldersCsv(temp.ledger(), text, ofVillage(true));
    const ImportReport done = importEldersCsv(temp.ledger(), text, ofVillage());
    INFO(messages(done.errors));
    CHECK(done.imported == 1);
    CHECK(done.refused == 5);
    CHECK(preview.imported == done.imported);
    CHECK(preview.refused == done.refused);
    REQUIRE(done.errors.size() == 5);
    CHECK(done.errors[0].line == 5);
    CHECK_THAT(done.errors[0].message,
               Catch::Contains("第2行") && Catch::Contains("重复") && Catch::Contains("居住情况"));
    CHECK(done.errors[1].line == 6);
    CHECK_THAT(done.errors[1].message, Catch::Contains("第2行") && Catch::Contains("重复"));
    CHECK(done.errors[2].line == 7);
    CHECK_THAT(done.errors[2].message, Catch::Contains("张丽") && Catch::Contains("第3行"));
    CHECK(done.errors[3].line == 8);
    CHECK(done.errors[4].line == 9);
    CHECK_THAT(done.errors[4].message, Catch::Contains("第8行"));

    std::vector<std::string> names;
    for (const Record& s : temp.ledger().list("supporter"))
        names.push_back(s.value("name"));
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"张丽", "张强", "张明"});
    ListFilter byId;
    byId.equals = {{"id_number", id}};
    CHECK(temp.ledger().list("elder", byId).front().value("living") == "alone");
}

TEST_CASE("the import templates, CSV and .xlsx, import cleanly: one elder, two supporters, one visit")
{
    TempLedger temp;
    const ImportReport csv = importEldersCsv(temp.ledger(), elderCsvTemplate());
    INFO(messages(csv.errors));
    CHECK(csv.errors.empty());
    CHECK(csv.imported == 1);
    CHECK(temp.ledger().count("supporter") == 2);

    TempLedger other;
    const std::string path = other.file("导入模板.xlsx");
    REQUIRE(writeElderTemplateFile(path).empty());
    const ImportReport xlsx = importEldersFile(other.ledger(), path);
    INFO(messages(xlsx.errors) << messages(xlsx.warnings));
    CHECK(xlsx.errors.empty());
    CHECK(xlsx.warnings.empty());
    CHECK(xlsx.imported == 1);
    CHECK(xlsx.visitsAdded == 1);
    CHECK(other.ledger().count("supporter") == 2);
    CHECK(other.ledger().count("visit") == 1);
    // The workbook's elder sheet is the CSV template's table.
    CHECK(eldersOf(other.ledger()) == eldersOf(temp.ledger()));
    CHECK(byElder(other.ledger(), "supporter") == byElder(temp.ledger(), "supporter"));

    const std::string csvPath = other.file("导入模板.csv");
    REQUIRE(writeElderTemplateFile(csvPath).empty());
    CHECK(slurp(csvPath) == elderCsvTemplate());
}
