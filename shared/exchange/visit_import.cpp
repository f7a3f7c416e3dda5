#include "visit_import.h"

#include "elder_csv_columns.h"
#include "import_header.h"
#include "import_values.h"

#include "domain/schema_names.h"
#include "domain/validation.h"
#include "store/ledger.h"

#include <algorithm>
#include <map>

namespace shouwang {
namespace {

// Header words of the visit sheet, beyond the columns' own headers.
const std::map<std::string_view, std::vector<std::string_view>>& visitAliases()
{
    static const std::map<std::string_view, std::vector<std::string_view>> table = {
        {schema::visit::date, {"探访时间", "走访日期", "走访时间", "日期"}},
        {schema::visit::mode, {"走访方式", "方式"}},
        {schema::visit::visitor, {"走访人", "探访人员", "走访人员"}},
        {schema::visit::visitor_role, {"走访人身份"}},
        {schema::visit::finding, {"走访结果", "结果"}},
        {schema::visit::hazards, {"隐患", "安全隐患"}},
        {schema::visit::needs, {"需求"}},
        {schema::visit::follow_up, {"跟进情况"}},
    };
    return table;
}

std::string folded(std::string_view text)
{
    std::string out;
    for (char c : import::halfWidth(text)) {
        if (c != ' ' && c != '*')
            out += c;
    }
    return out;
}

// The visit field a typed header stands for; nullptr for the elder's columns (see
// isIdHeader, isNameHeader) and unknowns.
const FieldDef* visitField(std::string_view typed)
{
    const std::string wanted = folded(typed);
    for (const VisitColumn& column : visitColumns()) {
        if (column.ofElder)
            continue;
        if (folded(column.header) == wanted)
            return column.field;
        if (auto aliases = visitAliases().find(column.field->name); aliases != visitAliases().end()) {
            for (std::string_view word : aliases->second) {
                if (folded(word) == wanted)
                    return column.field;
            }
        }
    }
    return nullptr;
}

bool isNameHeader(std::string_view typed)
{
    return import::canonicalHeader(typed) == "姓名";
}

bool isIdHeader(std::string_view typed)
{
    return import::canonicalHeader(typed) == "身份证号";
}

std::size_t visitHeaderRow(const std::vector<csv::Row>& rows)
{
    for (std::size_t i = 0; i < rows.size() && i < 20; ++i) {
        const auto& cells = rows[i].fields;
        const bool id = std::any_of(cells.begin(), cells.end(), [](const std::string& c) { return isIdHeader(c); });
        const bool date = std::any_of(cells.begin(), cells.end(), [](const std::string& c) {
            const FieldDef* field = visitField(c);
            return field && field->name == "date";
        });
        if (id && date)
            return i;
    }
    return rows.size();
}

} // namespace

std::span<const VisitColumn> visitColumns()
{
    static const std::vector<VisitColumn> columns = [] {
        const EntityDef& elder = *findEntity(schema::elder::entity);
        std::vector<VisitColumn> out{
            {std::string(elder.field(schema::elder::id_number)->zh), elder.field(schema::elder::id_number), true},
            {std::string(elder.field(schema::elder::name)->zh), elder.field(schema::elder::name), true}};
        for (const FieldDef& field : findEntity(schema::visit::entity)->fields) {
            // References are record ids: the elder is given by 身份证号, a campaign is chosen in the form.
            if (field.type != FieldType::Ref)
                out.push_back({std::string(field.zh), &field, false});
        }
        return out;
    }();
    return columns;
}

bool looksLikeVisitSheet(const std::vector<csv::Row>& rows)
{
    return visitHeaderRow(rows) < rows.size();
}

void importVisitRows(Ledger& ledger, const std::vector<csv::Row>& rows, const std::string& sheetName,
                     const ImportOptions& options, ImportReport& report)
{
    const std::size_t headerAt = visitHeaderRow(rows);
    if (headerAt == rows.size())
        return;
    const std::string where = "工作表“" + sheetName + "”";
    std::vector<const FieldDef*> fields;
    std::size_t idColumn = rows[headerAt].fields.size();
    std::size_t nameColumn = idColumn;
    for (std::size_t i = 0; i < rows[headerAt].fields.size(); ++i) {
        const std::string& typed = rows[headerAt].fields[i];
        fields.push_back(visitField(typed));
        if (isIdHeader(typed))
            idColumn = i;
        else if (isNameHeader(typed))
            nameColumn = i;
    }
    const EntityDef& entity = *findEntity(schema::visit::entity);
    for (std::size_t r = headerAt + 1; r < rows.size(); ++r) {
        const csv::Row& row = rows[r];
        const bool blank = std::all_of(row.fields.begin(), row.fields.end(),
                                       [](const std::string& f) { return import::trim(f).empty(); });
        if (blank)
            continue;
        if (const std::string footer = import::footerReason(row); !footer.empty()) {
            ++report.skipped;
            report.skippedRows.push_back({row.line, where + "：" + footer});
            continue;
        }
        auto refuse = [&](const std::string& why) {
            ++report.refused;
            report.errors.push_back({row.line, where + "：" + why});
        };
        std::string error, warning;
        const auto id = idColumn < row.fields.size()
            ? valueFromCsvCell(*findEntity(schema::elder::entity)->field(schema::elder::id_number),
                               row.fields[idColumn], error, &warning)
            : std::optional<std::string>(std::string{});
        if (!id || id->empty()) {
            refuse(id ? "没有填写身份证号" : error);
            continue;
        }
        ListFilter byId;
        byId.villagePrefix = options.villagePrefix;
        byId.equals = {{schema::elder::id_number, *id}};
        const auto elders = ledger.list(schema::elder::entity, byId);
        if (elders.empty()) {
            refuse("身份证号" + *id + "的老人不在台账中（也不在本次导入的老人中）");
            continue;
        }
        // The name is for people: a wrong one is likely a wrong 身份证号, so the clerk checks.
        const std::string name
            = nameColumn < row.fields.size() ? std::string(import::trim(row.fields[nameColumn])) : "";
        if (!name.empty() && name != elders.front().value(schema::elder::name))
            report.warnings.push_back({row.line,
                                       where + "：姓名“" + name + "”与身份证号" + *id + "的老人“"
                                           + elders.front().value(schema::elder::name) + "”不符，探访记录记在“"
                                           + elders.front().value(schema::elder::name) + "”名下，请核对"});
        Record visit;
        visit.entity = schema::visit::entity;
        visit.villageCode = elders.front().villageCode;
        visit.set(schema::visit::elder_id, elders.front().id);
        std::vector<std::string> problems;
        for (std::size_t i = 0; i < row.fields.size() && i < fields.size(); ++i) {
            if (!fields[i])
                continue;
            std::string why;
            if (auto value = valueFromCsvCell(*fields[i], row.fields[i], why))
                visit.set(fields[i]->name, *value);
            else
                problems.push_back(why);
        }
        for (const auto& e : validateRecord(entity, visit))
            problems.push_back(e.message);
        if (!problems.empty()) {
            std::string joined;
            for (const auto& p : problems)
                joined += (joined.empty() ? "" : "；") + p;
            refuse(joined);
            continue;
        }
        ListFilter same;
        same.equals = {{schema::visit::elder_id, visit.value(schema::visit::elder_id)},
                       {schema::visit::date, visit.value(schema::visit::date)},
                       {schema::visit::visitor, visit.value(schema::visit::visitor)}};
        if (!ledger.list(schema::visit::entity, same).empty()) {
            ++report.visitsUnchanged;
            continue;
        }
        const SaveResult saved = ledger.save(visit, options.operatorName);
        if (!saved.ok()) {
            refuse(saved.message.empty() && !saved.errors.empty() ? saved.errors.front().message : saved.message);
            continue;
        }
        ++report.visitsAdded;
    }
}

} // namespace shouwang
