// Importing the ledgers counties already keep (issue 17): values as people type them,
// the table found in the sheet, the encodings and formats Excel saves, the preview and
// the one transaction, duplicates. Every fixture is made here, by code.
#include "exchange_fixture.h"

#include "exchange/elder_csv.h"
#include "exchange/import_header.h"
#include "exchange/import_values.h"
#include "exchange/text_encoding.h"
#include "exchange/xlsx_reader.h"

#include "domain/date.h"
#include "domain/divisions.h"
#include "store/change_log.h"

#include <catch2/catch.hpp>

#include <xlsxwriter.h>

#include <fstream>
#include <sstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr std::string_view kVillage = "500154102201"; // 开州区 厚坝镇 红宝村

const std::string kHeader = "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,联系电话\n";

std::string row(std::string_view name, std::string_view id, std::string_view living = "独居",
                std::string_view phone = "13912345678", std::string_view address = "红宝村1组")
{
    return std::string(kVillage) + "," + std::string(name) + "," + std::string(address) + "," + std::string(name) + ","
        + std::string(id) + "," + std::string(living) + "," + std::string(phone) + "\n";
}

Record elderById(Ledger& ledger, const std::string& id)
{
    ListFilter byId;
    byId.equals = {{"id_number", id}};
    const auto found = ledger.list("elder", byId);
    return found.empty() ? Record{} : found.front();
}

std::string messages(const std::vector<RowError>& errors)
{
    std::string out;
    for (const RowError& e : errors)
        out += std::to_string(e.line) + ": " + e.message + "\n";
    return out;
}

std::string fullWidth(std::string_view ascii)
{
    std::string out;
    for (char c : ascii) {
        const char32_t cp = 0xFF01 + static_cast<char32_t>(c - 0x21);
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

std::size_t outboxCount(Ledger& ledger)
{
    return ledger.changeLog().pendingCount();
}

} // namespace

TEST_CASE("ID numbers with full-width digits, inner spaces or hyphens and a lower-case x, and phones with +86, are imported")
{
    TempLedger temp;
    const std::string a = validId("19480203", "222"), b = validId("19520607", "442"), c = validId("19440708", "551");
    std::string x; // a number whose check digit is X
    for (int seq = 100; seq < 999 && x.empty(); ++seq) {
        const std::string id = validId("19390911", std::to_string(seq));
        if (id.back() == 'X')
            x = id;
    }
    REQUIRE(!x.empty());
    std::string lower = x;
    lower.back() = 'x';
    const std::string text = kHeader + row("李秀英", fullWidth(a)) + row("陈桂芳", b.substr(0, 6) + " " + b.substr(6, 8) + " " + b.substr(14))
        + row("刘长生", c.substr(0, 6) + "-" + c.substr(6)) + row("周玉兰", lower, "独居", "+86 138 0000 0000")
        + row("王德明", validId("19410101", "113"), "独居", "0086-139-1234-5678")
        + row("赵大山", validId("19420101", "117"), "独居", fullWidth("13700001111"));
    const ImportReport report = importEldersCsv(temp.ledger(), text);
    INFO(messages(report.errors));
    CHECK(report.imported == 6);
    CHECK(report.refused == 0);
    CHECK(elderById(temp.ledger(), a).value("name") == "李秀英");
    CHECK(elderById(temp.ledger(), b).value("name") == "陈桂芳");
    CHECK(elderById(temp.ledger(), c).value("name") == "刘长生");
    CHECK(elderById(temp.ledger(), x).value("phone") == "13800000000");
    CHECK(elderById(temp.ledger(), validId("19410101", "113")).value("phone") == "13912345678");
    CHECK(elderById(temp.ledger(), validId("19420101", "117")).value("phone") == "13700001111");
}

TEST_CASE("a 15-digit first-generation ID number becomes 18 digits with its check digit, with a warning")
{
    TempLedger temp;
    const std::string old15 = "500154450101123";
    const std::string full = validId("19450101", "123");
    const ImportReport report = importEldersCsv(temp.ledger(), kHeader + row("李秀英", old15));
    INFO(messages(report.errors));
    CHECK(report.imported == 1);
    CHECK(elderById(temp.ledger(), full).value("name") == "李秀英");
    REQUIRE(report.warnings.size() == 1);
    CHECK(report.warnings[0].line == 2);
    CHECK_THAT(report.warnings[0].message, Catch::Contains(old15) && Catch::Contains(full));
}

TEST_CASE("an ID number Excel turned into 5.00154E+17 is refused with the plain reason and how to keep the column as text")
{
    TempLedger temp;
    const ImportReport report = importEldersCsv(temp.ledger(), kHeader + row("李秀英", "5.00154E+17"));
    CHECK(report.imported == 0);
    REQUIRE(report.errors.size() == 1);
    CHECK(report.errors[0].line == 2);
    CHECK_THAT(report.errors[0].message, Catch::Contains("科学计数法") && Catch::Contains("丢失") && Catch::Contains("文本"));
}

TEST_CASE("dates as Excel serials, 1945.1.1, 1945年1月1日, 19450101 and with a time are read as dates")
{
    CHECK(import::date("42064") == "2015-03-01");
    CHECK(import::date("42064.5") == "2015-03-01");
    CHECK(import::date("1945.1.1") == "1945-01-01");
    CHECK(import::date("1945年1月1日") == "1945-01-01");
    CHECK(import::date("19450101") == "1945-01-01");
    CHECK(import::date("2015/3/1") == "2015-03-01");
    CHECK(import::date("2015-03-01 00:00:00") == "2015-03-01");
    CHECK(import::date(fullWidth("2015.3.1")) == "2015-03-01");
    CHECK(import::date("19451301").empty());
    CHECK(import::date("昨天").empty());

    TempLedger temp;
    const std::string text = "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,留守起始日期\n" + std::string(kVillage)
        + ",张建国,红宝村1组2号,张建国," + validId("19500101", "123") + ",独居,42064\n";
    const ImportReport report = importEldersCsv(temp.ledger(), text);
    INFO(messages(report.errors));
    REQUIRE(report.imported == 1);
    CHECK(temp.ledger().list("elder").at(0).value("left_behind_since") == "2015-03-01");
}

TEST_CASE("every enumeration takes the words people use for its options, and yes/no takes 是否 √× 有无 YN 10")
{
    const auto code = [](std::string_view enumName, std::string_view cell) {
        const EnumOption* option = import::option(*findEnum(enumName), cell);
        return option ? std::string(option->code) : std::string("(none)");
    };
    CHECK(code("living", "独居老人") == "alone");
    CHECK(code("living", "与老伴同住") == "spouse");
    CHECK(code("living", "隔代同住") == "grandchildren");
    CHECK(code("living", "敬老院") == "institution");
    CHECK(code("health", "不能自理") == "unhealthy_dependent");
    CHECK(code("health", "失能") == "unhealthy_dependent");
    CHECK(code("health", "不健康，能自理") == "unhealthy_selfcare");
    CHECK(code("ability", "失能") == "severe");
    CHECK(code("ability", "半失能") == "mild");
    CHECK(code("marital", "离异") == "divorced");
    CHECK(code("marital", "有配偶") == "married");
    CHECK(code("disability", "二级残疾") == "grade2");
    CHECK(code("disability", "无") == "none");
    CHECK(code("elder_status", "已故") == "deceased");
    CHECK(code("relation", "长子") == "son");
    CHECK(code("relation", "儿媳妇") == "daughter_in_law");
    CHECK(code("income", "五保") == "tekun");
    CHECK(code("insurance", "新农合") == "resident_medical");
    CHECK(code("difficulty", "看病难") == "medical");
    CHECK(code("living", "住在山上") == "(none)");

    for (const char* yes : {"是", "√", "有", "Y", "y", "1", "✓", "是 "})
        CHECK(import::yesNo(yes) == std::optional<std::string>("1"));
    for (const char* no : {"否", "×", "无", "N", "n", "0", "没有"})
        CHECK(import::yesNo(no) == std::optional<std::string>("0"));
    CHECK(!import::yesNo("也许"));

    TempLedger temp;
    const std::string text = "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,健康状况,能力等级,失智,低保户\n"
        + std::string(kVillage) + ",张建国,红宝村1组2号,张建国," + validId("19500101", "123") + ",独居老人,不能自理,失能,√,有\n";
    const ImportReport report = importEldersCsv(temp.ledger(), text);
    INFO(messages(report.errors));
    REQUIRE(report.imported == 1);
    const Record elder = temp.ledger().list("elder").at(0);
    CHECK(elder.value("living") == "alone");
    CHECK(elder.value("health") == "unhealthy_dependent");
    CHECK(elder.value("ability") == "severe");
    CHECK(elder.value("dementia") == "1");
    CHECK(temp.ledger().get("household", elder.value("household_id"))->value("dibao") == "1");
}

TEST_CASE("header words people type are found by the alias table, full-width and inner spaces ignored")
{
    CHECK(import::canonicalHeader("身份证号码") == "身份证号");
    CHECK(import::canonicalHeader("公民身份号码") == "身份证号");
    CHECK(import::canonicalHeader("身份证") == "身份证号");
    CHECK(import::canonicalHeader("姓  名") == "姓名");
    CHECK(import::canonicalHeader("姓\u3000名") == "姓名");
    CHECK(import::canonicalHeader("联系方式") == "联系电话");
    CHECK(import::canonicalHeader("电话") == "联系电话");
    CHECK(import::canonicalHeader("手机") == "联系电话");
    CHECK(import::canonicalHeader("住址") == "家庭住址");
    CHECK(import::canonicalHeader("户主") == "户主姓名");
    CHECK(import::canonicalHeader("与户主关系") == "与户主关系");
    CHECK(import::canonicalHeader("村(社区)代码") == "村（社区）代码");
    CHECK(import::canonicalHeader("爱好").empty());

    TempLedger temp;
    const std::string id = validId("19500101", "123");
    const std::string text = "村代码,户  主,住址,姓  名,身份证号码,居住状况,联系方式,与户主关系\n" + std::string(kVillage)
        + ",张建国,红宝村1组2号,张建国," + id + ",独居,13912345678,本人\n";
    const ImportReport report = importEldersCsv(temp.ledger(), text);
    INFO(messages(report.errors) + messages(report.warnings));
    CHECK(report.imported == 1);
    CHECK(report.warnings.empty());
    CHECK(elderById(temp.ledger(), id).value("phone") == "13912345678");
}

TEST_CASE("the header row is found below title rows, blank rows and a unit and date line, which are skipped and reported")
{
    TempLedger temp;
    const std::string text = "红宝村农村留守老年人信息台账（2026年）,,,,,,\n"
                             ",,,,,,\n"
                             "填报单位：红宝村村民委员会,,,,填报日期：2026年1月5日,,\n"
        + kHeader + row("李秀英", validId("19480203", "222"));
    const ImportReport report = importEldersCsv(temp.ledger(), text);
    INFO(messages(report.errors));
    CHECK(report.imported == 1);
    CHECK(report.refused == 0);
    CHECK(report.skipped == 2);
    REQUIRE(report.skippedRows.size() == 2);
    CHECK(report.skippedRows[0].line == 1);
    CHECK(report.skippedRows[1].line == 3);
}

TEST_CASE("a 序号 column is ignored, and 性别 年龄 出生日期 are checked against the ID number with a warning when they disagree")
{
    TempLedger temp;
    const std::string man = validId("19450101", "131");   // 17th digit odd: a man
    const std::string woman = validId("19460202", "242"); // even: a woman
    const int age = yearsBetween(*parseDate("1945-01-01"), today());
    const std::string text = "序号,村（社区）代码,户主姓名,家庭住址,姓名,性别,出生日期,年龄,身份证号,居住情况\n"
        "1," + std::string(kVillage) + ",张建国,红宝村1组2号,张建国,男,1945.1.1," + std::to_string(age) + "," + man + ",独居\n"
        "2," + std::string(kVillage) + ",李秀英,红宝村1组3号,李秀英,男,1946年3月3日,30," + woman + ",独居\n";
    const ImportReport report = importEldersCsv(temp.ledger(), text);
    INFO(messages(report.errors));
    CHECK(report.imported == 2);
    const std::string warnings = messages(report.warnings);
    INFO(warnings);
    CHECK(report.warnings.size() == 3);
    for (const RowError& w : report.warnings)
        CHECK(w.line == 3);
    CHECK_THAT(warnings, Catch::Contains("性别“男”") && Catch::Contains("出生日期") && Catch::Contains("年龄“30”"));
}

TEST_CASE("totals, signature and note rows at the bottom are skipped and reported, never refused")
{
    TempLedger temp;
    const std::string text = kHeader + row("李秀英", validId("19480203", "222")) + row("陈桂芳", validId("19520607", "442"))
        + "合计,,,2人,,,\n"
          "填表人：王小红,,,审核人：李主任,,,\n"
          "注：本表一式两份,,,,,,\n";
    const ImportReport report = importEldersCsv(temp.ledger(), text);
    INFO(messages(report.errors));
    CHECK(report.imported == 2);
    CHECK(report.refused == 0);
    CHECK(report.skipped == 3);
    REQUIRE(report.skippedRows.size() == 3);
    CHECK(report.skippedRows[0].line == 4);
    CHECK_THAT(report.skippedRows[0].message, Catch::Contains("合计"));
    CHECK(report.skippedRows[2].line == 6);
}

TEST_CASE("a CSV file saved as GB18030 or GBK is detected and imported")
{
    TempLedger temp;
    const std::string utf8 = kHeader + row("李秀英", validId("19480203", "222"));
    const auto gb = encoding::utf8ToGb18030(utf8);
    REQUIRE(gb);
    REQUIRE(*gb != utf8);
    const ImportReport report = importEldersCsv(temp.ledger(), *gb);
    INFO(messages(report.errors));
    CHECK(report.imported == 1);
    CHECK(report.encoding == "GB18030");
    CHECK(temp.ledger().list("elder").at(0).value("name") == "李秀英");
}

TEST_CASE("UTF-16 text with a BOM, little or big endian and tab-separated as Excel's Unicode text, is imported")
{
    const std::string utf8 = "村（社区）代码\t户主姓名\t家庭住址\t姓名\t身份证号\t居住情况\n" + std::string(kVillage)
        + "\t张建国\t红宝村1组2号\t张建国\t" + validId("19500101", "123") + "\t独居\n";
    for (const bool bigEndian : {false, true}) {
        std::string bytes = bigEndian ? "\xFE\xFF" : "\xFF\xFE";
        // Every character here is in the Basic Multilingual Plane: one 16-bit unit each.
        for (std::size_t i = 0; i < utf8.size();) {
            const auto c = static_cast<unsigned char>(utf8[i]);
            char32_t cp = c;
            std::size_t len = 1;
            if (c >= 0xE0) {
                cp = ((c & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F);
                len = 3;
            } else if (c >= 0xC0) {
                cp = ((c & 0x1F) << 6) | (utf8[i + 1] & 0x3F);
                len = 2;
            }
            const char hi = static_cast<char>(cp >> 8), lo = static_cast<char>(cp & 0xFF);
            bytes += bigEndian ? std::string{hi, lo} : std::string{lo, hi};
            i += len;
        }
        TempLedger temp;
        const ImportReport report = importEldersCsv(temp.ledger(), bytes);
        INFO(messages(report.errors));
        CHECK(report.imported == 1);
        CHECK(report.encoding == (bigEndian ? "UTF-16BE" : "UTF-16LE"));
    }
}

TEST_CASE("tab-separated text with a title line above the header (which has no tab) is read as tab-separated")
{
    // Found by the fuzz_import seed: the separator was judged by the first line alone, so a
    // "Unicode 文本" ledger with its title typed above the header was refused whole.
    TempLedger temp;
    const std::string text = "红宝村农村留守老年人信息台账（2026年）\n村（社区）代码\t户主姓名\t家庭住址\t姓名\t身份证号\t居住情况\n"
        + std::string(kVillage) + "\t张建国\t红宝村1组, 2号\t张建国\t" + validId("19500101", "123") + "\t独居\n";
    const ImportReport report = importEldersCsv(temp.ledger(), text);
    INFO(messages(report.errors));
    CHECK(report.imported == 1);
    CHECK(report.skipped == 1);
    CHECK(temp.ledger().list("household").at(0).value("address") == "红宝村1组, 2号");
}

TEST_CASE("an old .xls file is refused with how to save it as .xlsx")
{
    TempLedger temp;
    const std::string xls = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0');
    const ImportReport report = importEldersBytes(temp.ledger(), xls);
    CHECK(report.wholeFileRefused);
    REQUIRE(report.errors.size() == 1);
    CHECK_THAT(report.errors[0].message, Catch::Contains(".xls") && Catch::Contains("另存为") && Catch::Contains(".xlsx"));
}

namespace {

// A workbook shaped like a county's ledger, written with libxlsxwriter: a merged title,
// a unit and date line, the header, 序号, derived columns, numbers and a date cell, a
// totals row and a signature line. `constantMemory` makes libxlsxwriter write inline
// strings instead of shared strings: both forms must be read.
std::string writeLedgerWorkbook(const std::string& path, bool constantMemory, const std::string& id1,
                                const std::string& id2)
{
    lxw_workbook_options options{};
    options.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    lxw_worksheet* other = workbook_add_worksheet(book, "说明");
    worksheet_write_string(other, 0, 0, "本工作簿的第二张表才是台账", nullptr);
    lxw_worksheet* sheet = workbook_add_worksheet(book, "台账");
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
    if (!constantMemory)
        worksheet_merge_range(sheet, 0, 0, 0, 9, "红宝村农村留守老年人信息台账（2026年）", nullptr);
    else
        worksheet_write_string(sheet, 0, 0, "红宝村农村留守老年人信息台账（2026年）", nullptr);
    worksheet_write_string(sheet, 1, 0, "填报单位：红宝村村民委员会", nullptr);
    worksheet_write_string(sheet, 1, 6, "填报日期：2026年1月5日", nullptr);
    const char* headers[] = {"序号", "户主", "家庭住址", "姓  名", "性别", "公民身份号码", "联系方式", "居住情况", "留守时间", "健康状况"};
    for (int c = 0; c < 10; ++c)
        worksheet_write_string(sheet, 2, static_cast<lxw_col_t>(c), headers[c], nullptr);
    const std::string ids[] = {id1, id2};
    const char* names[] = {"张建国", "李秀英"};
    const char* sexes[] = {"男", "女"};
    for (int r = 0; r < 2; ++r) {
        const auto rowAt = static_cast<lxw_row_t>(3 + r);
        worksheet_write_number(sheet, rowAt, 0, r + 1, nullptr);
        worksheet_write_string(sheet, rowAt, 1, names[r], nullptr);
        worksheet_write_string(sheet, rowAt, 2, "红宝村3组", nullptr);
        worksheet_write_string(sheet, rowAt, 3, names[r], nullptr);
        worksheet_write_string(sheet, rowAt, 4, sexes[r], nullptr);
        worksheet_write_string(sheet, rowAt, 5, ids[r].c_str(), nullptr);
        worksheet_write_number(sheet, rowAt, 6, 13812345678.0 + r, nullptr); // a phone typed as a number
        worksheet_write_string(sheet, rowAt, 7, "独居老人", nullptr);
        worksheet_write_number(sheet, rowAt, 8, 42064, date); // 2015-03-01 as Excel keeps a date
        worksheet_write_string(sheet, rowAt, 9, "不能自理", nullptr);
    }
    worksheet_write_string(sheet, 5, 0, "合计", nullptr);
    worksheet_write_string(sheet, 5, 3, "2人", nullptr);
    worksheet_write_string(sheet, 7, 0, "填表人：王小红      审核人：李主任", nullptr);
    return workbook_close(book) == LXW_NO_ERROR ? std::string{} : "not written";
}

std::string slurpFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("a real-looking ledger workbook imports: title, merged title cells, 序号, derived columns, totals and footer")
{
    for (const bool constantMemory : {false, true}) {
        TempLedger temp;
        const std::string man = validId("19450101", "131"), woman = validId("19460202", "242");
        const std::string path = temp.file("台账.xlsx");
        REQUIRE(writeLedgerWorkbook(path, constantMemory, man, woman).empty());

        ImportOptions options;
        options.villagePrefix = std::string(kVillage); // a village's device: no 村代码 column needed
        options.sheet = "台账";
        const ImportReport report = importEldersFile(temp.ledger(), path, options);
        INFO(messages(report.errors) + messages(report.warnings));
        CHECK(report.sheet == "台账");
        CHECK(report.imported == 2);
        CHECK(report.refused == 0);
        CHECK(report.warnings.empty());
        CHECK(report.skipped == 4); // title, unit line, totals, signatures
        const Record elder = elderById(temp.ledger(), woman);
        CHECK(elder.value("name") == "李秀英");
        CHECK(elder.value("phone") == "13812345679");
        CHECK(elder.value("living") == "alone");
        CHECK(elder.value("left_behind_since") == "2015-03-01");
        CHECK(elder.value("health") == "unhealthy_dependent");
        CHECK(elder.villageCode == kVillage);
    }
}

TEST_CASE("an xlsx is read from its first sheet unless one is named, and a missing sheet is named in the message")
{
    TempLedger temp;
    const std::string path = temp.file("book.xlsx");
    REQUIRE(writeLedgerWorkbook(path, false, validId("19450101", "131"), validId("19460202", "242")).empty());
    const xlsx::Sheet first = xlsx::readSheet(slurpFile(path));
    CHECK(first.name == "说明");
    CHECK(first.sheetNames == std::vector<std::string>{"说明", "台账"});
    const xlsx::Sheet named = xlsx::readSheet(slurpFile(path), "台账");
    REQUIRE(named.rows.size() >= 4);
    CHECK(named.rows[0].line == 1);
    CHECK(named.rows[0].fields.at(0) == "红宝村农村留守老年人信息台账（2026年）");
    CHECK(named.rows[3].fields.at(8) == "2015-03-01");
    CHECK(named.rows[3].fields.at(6) == "13812345678");
    const xlsx::Sheet missing = xlsx::readSheet(slurpFile(path), "2025年");
    CHECK_THAT(missing.error, Catch::Contains("2025年") && Catch::Contains("台账"));

    ImportOptions options;
    options.villagePrefix = std::string(kVillage);
    const ImportReport report = importEldersFile(temp.ledger(), path, options); // the first sheet: no table there
    CHECK(report.wholeFileRefused);
    CHECK_THAT(report.errors.at(0).message, Catch::Contains("表头"));
}

TEST_CASE("an 18-digit ID number stored by Excel as a number is refused in an xlsx too")
{
    TempLedger temp;
    const std::string path = temp.file("numbers.xlsx");
    lxw_workbook* book = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
    worksheet_write_string(sheet, 0, 0, "姓名", nullptr);
    worksheet_write_string(sheet, 0, 1, "身份证号", nullptr);
    worksheet_write_string(sheet, 0, 2, "家庭住址", nullptr);
    worksheet_write_string(sheet, 0, 3, "居住情况", nullptr);
    worksheet_write_string(sheet, 1, 0, "张建国", nullptr);
    worksheet_write_number(sheet, 1, 1, 500154194501011310.0, nullptr);
    worksheet_write_string(sheet, 1, 2, "红宝村3组", nullptr);
    worksheet_write_string(sheet, 1, 3, "独居", nullptr);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    ImportOptions options;
    options.villagePrefix = std::string(kVillage);
    const ImportReport report = importEldersFile(temp.ledger(), path, options);
    REQUIRE(report.errors.size() == 1);
    CHECK(report.errors[0].line == 2);
    CHECK_THAT(report.errors[0].message, Catch::Contains("科学计数法"));
}

TEST_CASE("the preview writes nothing and its counts equal what the import then does")
{
    TempLedger temp;
    const std::string keep = validId("19480203", "222"), change = validId("19520607", "442");
    REQUIRE(importEldersCsv(temp.ledger(), kHeader + row("李秀英", keep) + row("陈桂芳", change)).imported == 2);
    const std::size_t outboxBefore = outboxCount(temp.ledger());

    const std::string text = "标题行,,,,,,\n" + kHeader + row("李秀英", keep) + row("陈桂芳", change, "独居", "13700001111")
        + row("刘长生", validId("19440708", "551")) + row("王德明", "123") + "合计,,,,,,\n";
    ImportOptions preview;
    preview.dryRun = true;
    const ImportReport planned = importEldersCsv(temp.ledger(), text, preview);
    CHECK(planned.dryRun);
    CHECK(!planned.committed);
    CHECK(planned.imported == 1);
    CHECK(planned.updated == 1);
    CHECK(planned.unchanged == 1);
    CHECK(planned.refused == 1);
    CHECK(planned.skipped == 2);
    REQUIRE(planned.updates.size() == 1);
    CHECK(planned.updates[0].line == 4);
    CHECK(planned.updates[0].who == "陈桂芳");
    REQUIRE(planned.updates[0].changes.size() == 1);
    CHECK(planned.updates[0].changes[0].field == "联系电话");
    CHECK(planned.updates[0].changes[0].before == "13912345678");
    CHECK(planned.updates[0].changes[0].after == "13700001111");
    REQUIRE(planned.added.size() == 1);
    CHECK(planned.added[0].line == 5);
    CHECK_THAT(importSummary(planned), Catch::StartsWith("预览") && Catch::Contains("尚未导入"));
    // Nothing written: no elder, no change, no outbox entry.
    CHECK(temp.ledger().count("elder") == 2);
    CHECK(elderById(temp.ledger(), change).value("phone") == "13912345678");
    CHECK(outboxCount(temp.ledger()) == outboxBefore);

    const ImportReport done = importEldersCsv(temp.ledger(), text);
    CHECK(done.committed);
    CHECK(done.imported == planned.imported);
    CHECK(done.updated == planned.updated);
    CHECK(done.unchanged == planned.unchanged);
    CHECK(done.refused == planned.refused);
    CHECK(done.skipped == planned.skipped);
    CHECK(temp.ledger().count("elder") == 3);
    CHECK(elderById(temp.ledger(), change).value("phone") == "13700001111");
    CHECK_THAT(importSummary(done), Catch::StartsWith("已导入"));
}

TEST_CASE("a summary never says rows were imported when none was")
{
    TempLedger temp;
    const ImportReport report = importEldersCsv(temp.ledger(), kHeader + row("王德明", "123") + row("李明", "456"));
    CHECK(report.refused == 2);
    CHECK(report.imported + report.updated == 0);
    const std::string summary = importSummary(report);
    CHECK_THAT(summary, Catch::StartsWith("没有导入任何内容"));
    CHECK(summary.find("已导入") == std::string::npos);
    CHECK(summary.find("其余") == std::string::npos);
}

TEST_CASE("the same ID number twice in one file is reported with both line numbers and imported once")
{
    TempLedger temp;
    const std::string id = validId("19480203", "222");
    const ImportReport report = importEldersCsv(temp.ledger(), kHeader + row("李秀英", id) + row("陈桂芳", validId("19520607", "442"))
                                                                   + row("李秀英", id, "与配偶同住"));
    CHECK(report.imported == 2);
    CHECK(report.refused == 1);
    REQUIRE(report.errors.size() == 1);
    CHECK(report.errors[0].line == 4);
    CHECK_THAT(report.errors[0].message, Catch::Contains("第2行"));
    CHECK(elderById(temp.ledger(), id).value("living") == "alone");
}

TEST_CASE("an ID number already on this device in another village is warned about by name and village")
{
    TempLedger temp;
    const std::string other = "500154102202";
    REQUIRE(findDivision(other));
    const std::string id = validId("19480203", "222");
    const std::string first = kHeader + std::string(other) + ",李秀英,某村2组,李秀英," + id + ",独居,\n";
    REQUIRE(importEldersCsv(temp.ledger(), first).imported == 1);
    const ImportReport report = importEldersCsv(temp.ledger(), kHeader + row("李秀英", id));
    CHECK(report.imported == 1);
    REQUIRE(report.warnings.size() == 1);
    CHECK(report.warnings[0].line == 2);
    CHECK_THAT(report.warnings[0].message, Catch::Contains("李秀英") && Catch::Contains(divisionPath(other)));
}

TEST_CASE("refused rows are saved with a reason column, and once fixed import again")
{
    TempLedger temp;
    const std::string good = validId("19480203", "222"), fixed = validId("19520607", "442");
    const ImportReport report = importEldersCsv(temp.ledger(), kHeader + row("李秀英", good) + row("陈桂芳", fixed, "住在山上"));
    REQUIRE(report.refused == 1);
    const std::string path = temp.file("refused.csv");
    REQUIRE(writeRefusedRowsCsv(report, path).empty());
    const std::string saved = slurpFile(path);
    CHECK_THAT(saved, Catch::Contains("拒绝原因") && Catch::Contains("住在山上") && Catch::Contains("陈桂芳"));
    CHECK(saved.find("李秀英") == std::string::npos);

    // Fixed in Excel: the value corrected; the reason and line columns are ignored on import.
    std::string corrected = saved;
    corrected.replace(corrected.find(",住在山上,"), std::string(",住在山上,").size(), ",独居,");
    const ImportReport again = importEldersCsv(temp.ledger(), corrected);
    INFO(messages(again.errors));
    CHECK(again.imported == 1);
    CHECK(again.refused == 0);
    CHECK(elderById(temp.ledger(), fixed).value("name") == "陈桂芳");
}

TEST_CASE("a supporter's columns on the elder's row (子女姓名, 关系, 电话, 务工地点, 外出时间) add the supporter, and again update it")
{
    TempLedger temp;
    const std::string id = validId("19480203", "222");
    const std::string header = "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,子女姓名,与老人关系,子女电话,务工地点,外出时间\n";
    const std::string first = header + std::string(kVillage) + ",李秀英,红宝村1组,李秀英," + id
        + ",独居,张强,长子,+86 139 1111 2222,广东东莞,2010.3\n";
    ImportReport report = importEldersCsv(temp.ledger(), first);
    INFO(messages(report.errors));
    // "2010.3" has no day: refused with the supporter's reason, the elder not imported either.
    CHECK(report.refused == 1);
    CHECK_THAT(messages(report.errors), Catch::Contains("赡养人") && Catch::Contains("外出起始日期"));

    TempLedger other;
    report = importEldersCsv(other.ledger(), header + std::string(kVillage) + ",李秀英,红宝村1组,李秀英," + id
                                                + ",独居,张强,长子,+86 139 1111 2222,广东东莞,2010.3.1\n");
    INFO(messages(report.errors));
    REQUIRE(report.imported == 1);
    auto supporters = other.ledger().list("supporter");
    REQUIRE(supporters.size() == 1);
    CHECK(supporters[0].value("name") == "张强");
    CHECK(supporters[0].value("relation") == "son");
    CHECK(supporters[0].value("phone") == "13911112222");
    CHECK(supporters[0].value("away_location") == "广东东莞");
    CHECK(supporters[0].value("away_since") == "2010-03-01");
    CHECK(supporters[0].value("elder_id") == elderById(other.ledger(), id).id);

    // Imported again with a new workplace: the same supporter updated, not a second one.
    report = importEldersCsv(other.ledger(), header + std::string(kVillage) + ",李秀英,红宝村1组,李秀英," + id
                                                + ",独居,张强,儿子,13911112222,浙江宁波,2010-03-01\n");
    INFO(messages(report.errors));
    supporters = other.ledger().list("supporter");
    REQUIRE(supporters.size() == 1);
    CHECK(supporters[0].value("away_location") == "浙江宁波");
}

TEST_CASE("visit records on another sheet of the workbook are imported with the elders, in the same transaction")
{
    TempLedger temp;
    const std::string man = validId("19450101", "131"), woman = validId("19460202", "242");
    const std::string path = temp.file("台账.xlsx");
    lxw_workbook* book = workbook_new(path.c_str());
    lxw_worksheet* elders = workbook_add_worksheet(book, "台账");
    const char* elderHeader[] = {"姓名", "身份证号码", "住址", "居住情况"};
    for (int c = 0; c < 4; ++c)
        worksheet_write_string(elders, 0, static_cast<lxw_col_t>(c), elderHeader[c], nullptr);
    worksheet_write_string(elders, 1, 0, "张建国", nullptr);
    worksheet_write_string(elders, 1, 1, man.c_str(), nullptr);
    worksheet_write_string(elders, 1, 2, "红宝村3组", nullptr);
    worksheet_write_string(elders, 1, 3, "独居", nullptr);
    lxw_worksheet* visits = workbook_add_worksheet(book, "探访记录");
    worksheet_write_string(visits, 0, 0, "探访记录（2026年1月）", nullptr);
    const char* visitHeader[] = {"序号", "姓名", "身份证号", "探访日期", "探访方式", "探访人", "探访结果"};
    for (int c = 0; c < 7; ++c)
        worksheet_write_string(visits, 1, static_cast<lxw_col_t>(c), visitHeader[c], nullptr);
    const std::string rows[][7] = {
        {"1", "张建国", man, "2026.1.5", "上门探访", "王小红", "正常"},
        {"2", "张建国", man, "2026年1月12日", "电话问候", "王小红", "需关注"},
        {"3", "李秀英", woman, "2026-01-13", "上门探访", "王小红", "正常"}, // not in the ledger
        {"4", "张建国", man, "2026-01-20", "飞鸽传书", "王小红", "正常"},  // no such mode
    };
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 7; ++c)
            worksheet_write_string(visits, static_cast<lxw_row_t>(2 + r), static_cast<lxw_col_t>(c), rows[r][c].c_str(), nullptr);
    }
    worksheet_write_string(visits, 6, 0, "合计", nullptr);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);

    ImportOptions options;
    options.villagePrefix = std::string(kVillage);
    options.dryRun = true;
    const ImportReport preview = importEldersFile(temp.ledger(), path, options);
    INFO(messages(preview.errors));
    CHECK(preview.imported == 1);
    CHECK(preview.visitsAdded == 2);
    CHECK(preview.refused == 2);
    CHECK(temp.ledger().count("visit") == 0);

    options.dryRun = false;
    const ImportReport done = importEldersFile(temp.ledger(), path, options);
    CHECK(done.visitsAdded == 2);
    CHECK(temp.ledger().count("visit") == 2);
    REQUIRE(done.errors.size() == 2);
    CHECK(done.errors[0].line == 5);
    CHECK_THAT(done.errors[0].message, Catch::Contains("探访记录") && Catch::Contains("不在台账中"));
    CHECK(done.errors[1].line == 6);
    CHECK_THAT(importSummary(done), Catch::Contains("探访记录新增2条"));

    // Again: the same visits are not added twice.
    const ImportReport again = importEldersFile(temp.ledger(), path, options);
    CHECK(again.visitsAdded == 0);
    CHECK(again.visitsUnchanged == 2);
    CHECK(temp.ledger().count("visit") == 2);
}
