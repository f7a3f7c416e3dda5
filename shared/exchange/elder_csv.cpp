#include "elder_csv.h"

#include "csv.h"
#include "elder_csv_columns.h"

#include "domain/divisions.h"
#include "domain/idcard.h"
#include "domain/schema_names.h"
#include "domain/validation.h"
#include "store/ledger.h"
#include "store/private_file.h"

#include <algorithm>
#include <fstream>
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

std::vector<std::string> headerRow()
{
    std::vector<std::string> headers;
    for (const ElderCsvColumn& column : elderCsvColumns())
        headers.push_back(column.header);
    return headers;
}

} // namespace

namespace {

// The ledger's rows as a village keeps its book: by village, then household, then person.
// `textPrefix` is what goes before an unmasked 身份证号 (the CSV's Excel guard, or nothing).
std::vector<std::vector<std::string>> ledgerRows(Ledger& ledger, const ExportOptions& options, std::string_view textPrefix)
{
    ListFilter filter;
    filter.villagePrefix = options.villagePrefix;
    std::map<std::string, Record> households;
    for (Record& household : ledger.list(schema::household::entity, filter))
        households.emplace(household.id, std::move(household));
    std::vector<Record> elders = ledger.list(schema::elder::entity, filter);

    auto householdOf = [&](const Record& elder) -> const Record* {
        auto it = households.find(elder.value(schema::elder::household_id));
        return it == households.end() ? nullptr : &it->second;
    };
    std::sort(elders.begin(), elders.end(), [&](const Record& a, const Record& b) {
        const Record* ha = householdOf(a);
        const Record* hb = householdOf(b);
        static const std::string kNone;
        auto key = [](const Record& e, const Record* h) {
            return std::tie(e.villageCode, h ? h->value(schema::household::address) : kNone,
                            h ? h->value(schema::household::head_name) : kNone, e.value(schema::elder::name),
                            e.value(schema::elder::id_number));
        };
        return key(a, ha) < key(b, hb);
    });

    std::vector<std::vector<std::string>> rows;
    rows.reserve(elders.size());
    for (const Record& elder : elders) {
        std::vector<std::string>& cells = rows.emplace_back();
        for (const ElderCsvColumn& column : elderCsvColumns())
            cells.push_back(cellFor(column, elder, householdOf(elder), options.revealPersonalData, textPrefix));
    }
    return rows;
}

} // namespace

void exportEldersCsv(Ledger& ledger, std::ostream& out, const ExportOptions& options)
{
    out << csv::kUtf8Bom;
    csv::writeRow(out, headerRow());
    for (const auto& cells : ledgerRows(ledger, options, kExcelTextPrefix))
        csv::writeRow(out, cells);
}

Table elderLedgerTable(Ledger& ledger, const ExportOptions& options)
{
    return Table{"留守老年人台账", headerRow(), ledgerRows(ledger, options, {})};
}

std::string exportEldersCsvFile(Ledger& ledger, const std::string& path, const ExportOptions& options)
{
    if (!createPrivateFile(path)) // the ledger's people: owner-only from the first byte
        return "无法创建文件：" + path;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return "无法创建文件：" + path;
    exportEldersCsv(ledger, out, options);
    out.close();
    return out ? std::string{} : "写入文件失败（磁盘已满？）：" + path;
}


std::string elderCsvTemplate()
{
    // An example people can overwrite: a real village of 开州区 and a valid 身份证号.
    const std::string village = "500154102201";
    std::string id = "50015419520315131"; // 17th digit odd: a man
    id += idCheckDigit(id);
    Record household;
    household.entity = schema::household::entity;
    household.values = {{schema::household::head_name, "王德明"},
                        {schema::household::address, "红宝村3组15号"},
                        {schema::household::registered_poor, "0"},
                        {schema::household::dibao, "1"},
                        {schema::household::tekun, "0"}};
    Record elder;
    elder.entity = schema::elder::entity;
    elder.villageCode = village;
    elder.values = {
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
    std::ostringstream out;
    out << csv::kUtf8Bom;
    csv::writeRow(out, headerRow());
    std::vector<std::string> cells;
    for (const ElderCsvColumn& column : elderCsvColumns())
        cells.push_back(cellFor(column, elder, &household, true));
    csv::writeRow(out, cells);
    return out.str();
}

} // namespace shouwang
