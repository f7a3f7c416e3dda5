#include "elder_csv.h"

#include "csv.h"
#include "elder_csv_columns.h"
#include "import_header.h"
#include "visit_import.h"

#include "domain/divisions.h"
#include "domain/idcard.h"
#include "domain/schema_names.h"
#include "domain/validation.h"
#include "store/ledger.h"
#include "store/private_file.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

namespace shouwang {
namespace {

using Kind = ElderCsvColumn::Kind;

// Excel shows an 18-digit number as 5.00154E+17 and keeps only 15 digits of it when the
// file is saved; a leading tab makes it keep the cell as text. Import trims it again.
constexpr std::string_view kExcelTextPrefix = "\t";

std::string cellFor(const ElderCsvColumn& column, const Record& elder, const Record* household, bool reveal,
                    std::string_view textPrefix = kExcelTextPrefix)
{
    switch (column.kind) {
    case Kind::VillageCode:
        return elder.villageCode;
    case Kind::VillageName:
        return divisionPath(elder.villageCode);
    case Kind::Household:
        return household ? csvCellFromValue(*column.field, household->value(column.field->name)) : std::string{};
    case Kind::Elder:
        break;
    }
    const std::string& value = elder.value(column.field->name);
    if (value.empty())
        return {};
    if (column.field->type == FieldType::IdNumber)
        return reveal ? std::string(textPrefix) + value : maskIdNumber(value);
    if (column.field->type == FieldType::Phone && !reveal)
        return maskPhone(value);
    return csvCellFromValue(*column.field, value);
}

// A supporter's cell: the same labels and masking as the elder's own columns.
std::string supporterCell(const FieldDef& field, const Record& supporter, bool reveal)
{
    const std::string& value = supporter.value(field.name);
    if (field.type == FieldType::Phone && !reveal && !value.empty())
        return maskPhone(value);
    return csvCellFromValue(field, value);
}

// The elder's columns, then the supporter's (子女/赡养人): the import's own list of them.
std::vector<std::string> headerRow()
{
    std::vector<std::string> headers;
    for (const ElderCsvColumn& column : elderCsvColumns())
        headers.push_back(column.header);
    for (const import::SupporterColumn& column : import::supporterColumns())
        headers.emplace_back(column.header);
    return headers;
}

// An elder as rows of the file, the way a clerk fills it in Excel: the first row the whole
// elder with the first supporter, each further row the elder's 村（社区）代码, 姓名 and 身份证号
// with the next supporter (the import takes such a row as another supporter of the same
// elder). An elder without supporters is one row.
void appendElderRows(std::vector<std::vector<std::string>>& rows, const Record& elder, const Record* household,
                     const std::vector<const Record*>& supporters, bool reveal, std::string_view textPrefix)
{
    const std::size_t count = std::max<std::size_t>(1, supporters.size());
    for (std::size_t n = 0; n < count; ++n) {
        std::vector<std::string>& cells = rows.emplace_back();
        for (const ElderCsvColumn& column : elderCsvColumns()) {
            const bool repeated = column.kind == Kind::VillageCode || column.kind == Kind::VillageName
                || (column.field && (column.field->name == "name" || column.field->name == "id_number")
                    && column.kind == Kind::Elder);
            cells.push_back(n == 0 || repeated ? cellFor(column, elder, household, reveal, textPrefix) : std::string{});
        }
        const Record* supporter = n < supporters.size() ? supporters[n] : nullptr;
        const EntityDef& entity = *findEntity(schema::supporter::entity);
        for (const import::SupporterColumn& column : import::supporterColumns())
            cells.push_back(supporter ? supporterCell(*entity.field(column.field), *supporter, reveal) : std::string{});
    }
}

} // namespace

namespace {

// Elders (their households and supporters) in the order a village keeps its book: by
// village, then household, then person.
struct LedgerContents {
    std::map<std::string, Record> households;              // by id
    std::map<std::string, std::vector<Record>> supporters; // by elder id, in the order entered
    std::vector<Record> elders;

    const Record* householdOf(const Record& elder) const
    {
        auto it = households.find(elder.value(schema::elder::household_id));
        return it == households.end() ? nullptr : &it->second;
    }
};

LedgerContents ledgerContents(Ledger& ledger, const ExportOptions& options)
{
    ListFilter filter;
    filter.villagePrefix = options.villagePrefix;
    LedgerContents contents;
    for (Record& household : ledger.list(schema::household::entity, filter))
        contents.households.emplace(household.id, std::move(household));
    for (Record& supporter : ledger.list(schema::supporter::entity, filter))
        contents.supporters[supporter.value(schema::supporter::elder_id)].push_back(std::move(supporter));
    contents.elders = ledger.list(schema::elder::entity, filter);
    static const std::string kNone;
    auto key = [&](const Record& e) {
        const Record* h = contents.householdOf(e);
        return std::tie(e.villageCode, h ? h->value(schema::household::address) : kNone,
                        h ? h->value(schema::household::head_name) : kNone, e.value(schema::elder::name),
                        e.value(schema::elder::id_number));
    };
    std::sort(contents.elders.begin(), contents.elders.end(),
              [&](const Record& a, const Record& b) { return key(a) < key(b); });
    return contents;
}

// `textPrefix` is what goes before an unmasked 身份证号 (the CSV's Excel guard, or nothing).
std::vector<std::vector<std::string>> ledgerRows(const LedgerContents& contents, bool reveal,
                                                 std::string_view textPrefix)
{
    std::vector<std::vector<std::string>> rows;
    rows.reserve(contents.elders.size());
    for (const Record& elder : contents.elders) {
        std::vector<const Record*> supporters;
        if (auto it = contents.supporters.find(elder.id); it != contents.supporters.end()) {
            for (const Record& supporter : it->second)
                supporters.push_back(&supporter);
        }
        appendElderRows(rows, elder, contents.householdOf(elder), supporters, reveal, textPrefix);
    }
    return rows;
}

// The visit sheet's rows: each visit with its elder's 身份证号 and 姓名, elders in the
// ledger's order and each one's visits by date.
std::vector<std::vector<std::string>> visitRows(const std::vector<Record>& elders, std::vector<Record> visits,
                                                bool reveal)
{
    std::map<std::string, std::size_t> order; // elder id → position in the ledger
    for (std::size_t i = 0; i < elders.size(); ++i)
        order.emplace(elders[i].id, i);
    std::erase_if(visits, [&](const Record& v) { return !order.count(v.value(schema::visit::elder_id)); });
    std::stable_sort(visits.begin(), visits.end(), [&](const Record& a, const Record& b) {
        return std::pair(order[a.value(schema::visit::elder_id)], a.value(schema::visit::date))
            < std::pair(order[b.value(schema::visit::elder_id)], b.value(schema::visit::date));
    });
    std::vector<std::vector<std::string>> rows;
    rows.reserve(visits.size());
    for (const Record& visit : visits) {
        const Record& elder = elders[order[visit.value(schema::visit::elder_id)]];
        std::vector<std::string>& cells = rows.emplace_back();
        for (const VisitColumn& column : visitColumns()) {
            if (!column.ofElder)
                cells.push_back(csvCellFromValue(*column.field, visit.value(column.field->name)));
            else if (column.field->type == FieldType::IdNumber)
                cells.push_back(reveal ? elder.value(schema::elder::id_number)
                                       : maskIdNumber(elder.value(schema::elder::id_number)));
            else
                cells.push_back(elder.value(column.field->name));
        }
    }
    return rows;
}

std::vector<std::string> visitHeaderRow()
{
    std::vector<std::string> headers;
    for (const VisitColumn& column : visitColumns())
        headers.push_back(column.header);
    return headers;
}

constexpr std::string_view kElderSheetName = "留守老年人台账";

bool endsWith(std::string_view path, std::string_view suffix)
{
    if (path.size() < suffix.size())
        return false;
    std::string tail(path.substr(path.size() - suffix.size()));
    std::transform(tail.begin(), tail.end(), tail.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return tail == suffix;
}

std::string writeCsvFile(const std::string& path, const std::function<void(std::ostream&)>& write)
{
    if (!createPrivateFile(path)) // the ledger's people: owner-only from the first byte
        return "无法创建文件：" + path;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return "无法创建文件：" + path;
    write(out);
    out.close();
    return out ? std::string{} : "写入文件失败（磁盘已满？）：" + path;
}

} // namespace

void exportEldersCsv(Ledger& ledger, std::ostream& out, const ExportOptions& options)
{
    out << csv::kUtf8Bom;
    csv::writeRow(out, headerRow());
    for (const auto& cells : ledgerRows(ledgerContents(ledger, options), options.revealPersonalData, kExcelTextPrefix))
        csv::writeRow(out, cells);
}

Table elderLedgerTable(Ledger& ledger, const ExportOptions& options)
{
    return Table{std::string(kElderSheetName), headerRow(),
                 ledgerRows(ledgerContents(ledger, options), options.revealPersonalData, {})};
}

std::vector<Table> ledgerWorkbook(Ledger& ledger, const ExportOptions& options)
{
    const LedgerContents contents = ledgerContents(ledger, options);
    ListFilter filter;
    filter.villagePrefix = options.villagePrefix;
    filter.orderBy = schema::visit::date;
    return {Table{std::string(kElderSheetName), headerRow(), ledgerRows(contents, options.revealPersonalData, {})},
            Table{std::string(kVisitSheetName), visitHeaderRow(),
                  visitRows(contents.elders, ledger.list(schema::visit::entity, filter), options.revealPersonalData)}};
}

std::string exportEldersCsvFile(Ledger& ledger, const std::string& path, const ExportOptions& options)
{
    return writeCsvFile(path, [&](std::ostream& out) { exportEldersCsv(ledger, out, options); });
}

std::string exportLedgerFile(Ledger& ledger, const std::string& path, const ExportOptions& options)
{
    if (endsWith(path, ".xlsx"))
        return writeTablesXlsx(path, ledgerWorkbook(ledger, options));
    return exportEldersCsvFile(ledger, path, options);
}

namespace {

// An example people can overwrite: a real village of 开州区, a valid 身份证号, an elder
// with two children (two rows) and one visit.
struct TemplateExample {
    Record household, elder, visit;
    std::vector<Record> supporters;
};

TemplateExample templateExample()
{
    TemplateExample t;
    std::string id = "50015419520315131"; // 17th digit odd: a man
    id += idCheckDigit(id);
    t.household.entity = schema::household::entity;
    t.household.values = {{schema::household::head_name, "王德明"},
                          {schema::household::address, "红宝村3组15号"},
                          {schema::household::registered_poor, "0"},
                          {schema::household::dibao, "1"},
                          {schema::household::tekun, "0"}};
    t.elder.entity = schema::elder::entity;
    t.elder.id = "example";
    t.elder.villageCode = "500154102201";
    t.elder.values = {
        {schema::elder::name, "王德明"},
        {schema::elder::id_number, id},
        {schema::elder::phone, "13812345678"},
        {schema::elder::ethnicity, "汉族"},
        {schema::elder::marital, "widowed"},
        {schema::elder::living, "alone"},
        {schema::elder::left_behind_since, "2015-03-01"},
        {schema::elder::income_sources, "pension,children,dibao"},
        {schema::elder::health, "unhealthy_selfcare"},
        {schema::elder::ability, "mild"},
        {schema::elder::dementia, "0"},
        {schema::elder::chronic_diseases, "高血压、糖尿病"},
        {schema::elder::severe_mental, "0"},
        {schema::elder::disability_grade, "none"},
        {schema::elder::insurance, "resident_medical,resident_pension"},
        {schema::elder::health_mgmt_65, "1"},
        {schema::elder::daily_carer, "邻居李秀英"},
        {schema::elder::difficulties, "daily_care,emotional"},
        {schema::elder::difficulties_note, "行动不便，赶场买药困难"},
        {schema::elder::status, "active"},
    };
    auto supporter = [](std::map<std::string, std::string, std::less<>> values) {
        Record s;
        s.entity = schema::supporter::entity;
        s.values = std::move(values);
        return s;
    };
    t.supporters = {
        supporter({{schema::supporter::name, "王小军"},
                   {schema::supporter::relation, "son"},
                   {schema::supporter::phone, "13912345678"},
                   {schema::supporter::away_location, "广东省东莞市"},
                   {schema::supporter::away_since, "2012-02-01"},
                   {schema::supporter::contact_frequency, "weekly"},
                   {schema::supporter::monthly_support, "500"},
                   {schema::supporter::last_contact, "2026-01-10"},
                   {schema::supporter::duty_fulfilment, "good"}}),
        supporter({{schema::supporter::name, "王小梅"},
                   {schema::supporter::relation, "daughter"},
                   {schema::supporter::phone, "13712345678"},
                   {schema::supporter::away_location, "重庆市渝北区"},
                   {schema::supporter::away_since, "2016-09-01"},
                   {schema::supporter::contact_frequency, "monthly"},
                   {schema::supporter::monthly_support, "300"},
                   {schema::supporter::last_contact, "2026-01-05"},
                   {schema::supporter::duty_fulfilment, "fair"}}),
    };
    t.visit.entity = schema::visit::entity;
    t.visit.values = {{schema::visit::elder_id, "example"},
                      {schema::visit::date, "2026-01-15"},
                      {schema::visit::mode, "home"},
                      {schema::visit::visitor, "李村干"},
                      {schema::visit::visitor_role, "cadre"},
                      {schema::visit::finding, "normal"},
                      {schema::visit::needs, "希望有人帮忙买药"},
                      {schema::visit::follow_up, "联系村医每月送药上门"}};
    return t;
}

std::vector<std::vector<std::string>> templateRows(const TemplateExample& t, std::string_view textPrefix)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<const Record*> supporters;
    for (const Record& s : t.supporters)
        supporters.push_back(&s);
    appendElderRows(rows, t.elder, &t.household, supporters, true, textPrefix);
    return rows;
}

} // namespace

std::string elderCsvTemplate()
{
    std::ostringstream out;
    out << csv::kUtf8Bom;
    csv::writeRow(out, headerRow());
    for (const auto& cells : templateRows(templateExample(), kExcelTextPrefix))
        csv::writeRow(out, cells);
    return out.str();
}

std::string writeElderTemplateFile(const std::string& path)
{
    if (!endsWith(path, ".xlsx"))
        return writeCsvFile(path, [](std::ostream& out) { out << elderCsvTemplate(); });
    const TemplateExample t = templateExample();
    return writeTablesXlsx(
        path,
        {Table{std::string(kElderSheetName), headerRow(), templateRows(t, {})},
         Table{std::string(kVisitSheetName), visitHeaderRow(), visitRows({t.elder}, {t.visit}, true)}});
}

} // namespace shouwang
