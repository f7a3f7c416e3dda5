// Import of the elder ledger file: each row checked on its own, good rows kept.
#include "elder_csv.h"

#include "csv.h"
#include "elder_csv_columns.h"

#include "domain/divisions.h"
#include "domain/validation.h"
#include "store/ledger.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace shouwang {
namespace {

using Kind = ElderCsvColumn::Kind;

std::string joined(const std::vector<std::string>& messages)
{
    std::string out;
    for (const auto& m : messages)
        out += (out.empty() ? "" : "；") + m;
    return out;
}

bool isBlank(const csv::Row& row)
{
    return std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) {
        return f.find_first_not_of(" \t") == std::string::npos;
    });
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// One import run: the file's columns, and per village the households and elders already
// in the ledger, loaded once so that matching a row costs no query.
class ElderImport {
public:
    ElderImport(Ledger& ledger, const ImportOptions& options, ImportReport& report)
        : m_ledger(ledger)
        , m_options(options)
        , m_report(report)
    {
    }

    // The header's problems, or "" when the columns are usable.
    std::string readHeader(const csv::Row& header);
    void importRow(const csv::Row& row);

private:
    struct Village {
        std::map<std::string, Record> households; // by 户主姓名 + '\n' + 家庭住址
        std::map<std::string, std::string> elders; // 身份证号 → elder id
    };
    Village& village(const std::string& code);
    void refuse(std::size_t line, std::string message)
    {
        ++m_report.refused;
        m_report.errors.push_back({line, std::move(message)});
    }

    Ledger& m_ledger;
    const ImportOptions& m_options;
    ImportReport& m_report;
    std::vector<const ElderCsvColumn*> m_columns; // per file column; nullptr for one to ignore
    std::map<std::string, Village> m_villages;
};

std::string ElderImport::readHeader(const csv::Row& header)
{
    std::vector<std::string> problems;
    std::vector<std::string> seen;
    for (const std::string& raw : header.fields) {
        const std::string name = trimmed(raw);
        const auto columns = elderCsvColumns();
        const auto it = std::find_if(columns.begin(), columns.end(), [&](const ElderCsvColumn& c) { return c.header == name; });
        if (name.empty()) {
            m_columns.push_back(nullptr);
            continue;
        }
        if (it == columns.end())
            problems.push_back("未知的列“" + name + "”");
        else if (std::find(seen.begin(), seen.end(), name) != seen.end())
            problems.push_back("列“" + name + "”重复");
        seen.push_back(name);
        m_columns.push_back(it == columns.end() || it->kind == Kind::VillageName ? nullptr : &*it);
    }
    for (const ElderCsvColumn& column : elderCsvColumns()) {
        if (isRequiredElderCsvHeader(column.header) && std::find(seen.begin(), seen.end(), column.header) == seen.end())
            problems.push_back("缺少必需的列“" + column.header + "”");
    }
    return problems.empty() ? std::string{} : "表头有误：" + joined(problems) + "。请使用 docs/elder-template.csv 的表头";
}

ElderImport::Village& ElderImport::village(const std::string& code)
{
    auto [it, inserted] = m_villages.try_emplace(code);
    if (inserted) {
        ListFilter filter;
        filter.villagePrefix = code;
        for (Record& household : m_ledger.list("household", filter)) {
            if (household.villageCode != code)
                continue;
            const std::string key = household.value("head_name") + '\n' + household.value("address");
            it->second.households.try_emplace(key, std::move(household));
        }
        for (const Record& elder : m_ledger.list("elder", filter)) {
            if (elder.villageCode == code)
                it->second.elders.try_emplace(elder.value("id_number"), elder.id);
        }
    }
    return it->second;
}

void ElderImport::importRow(const csv::Row& row)
{
    if (row.fields.size() > m_columns.size()) {
        refuse(row.line, "该行有" + std::to_string(row.fields.size()) + "列，多于表头的" + std::to_string(m_columns.size())
                             + "列（内容中的逗号需用英文双引号括起）");
        return;
    }
    std::vector<std::string> problems;
    std::string code;
    std::map<const FieldDef*, std::string> householdValues, elderValues;
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
        const ElderCsvColumn* column = m_columns[i];
        if (!column)
            continue;
        if (column->kind == Kind::VillageCode) {
            code = trimmed(row.fields[i]);
            continue;
        }
        std::string error;
        auto value = valueFromCsvCell(*column->field, row.fields[i], error);
        if (!value)
            problems.push_back(error);
        else
            (column->kind == Kind::Household ? householdValues : elderValues)[column->field] = std::move(*value);
    }

    const Division* division = findDivision(code);
    if (!division || division->level() != DivisionLevel::Village) {
        problems.insert(problems.begin(), "村（社区）代码“" + code + "”不是重庆市的12位村（社区）代码");
        refuse(row.line, joined(problems));
        return;
    }
    if (!code.starts_with(m_options.villagePrefix)) {
        refuse(row.line, "村（社区）代码“" + code + "”不在本台账的范围内");
        return;
    }
    const FieldDef* idField = findEntity("elder")->field("id_number");
    const std::string idNumber = elderValues.count(idField) ? elderValues[idField] : std::string{};
    if (idNumber.find('*') != std::string::npos) {
        refuse(row.line, "身份证号已脱敏（含*），无法导入；请导出时选择显示完整身份证号");
        return;
    }

    Village& place = village(code);
    const std::string headName = householdValues[findEntity("household")->field("head_name")];
    const std::string address = householdValues[findEntity("household")->field("address")];
    const std::string householdKey = headName + '\n' + address;
    Record household;
    if (auto found = place.households.find(householdKey); found != place.households.end()) {
        household = found->second;
    } else {
        household.entity = "household";
        household.villageCode = code;
    }
    for (const auto& [field, value] : householdValues)
        household.set(field->name, value);

    Record elder;
    const auto existing = place.elders.find(idNumber);
    if (existing != place.elders.end()) {
        if (auto stored = m_ledger.get("elder", existing->second))
            elder = std::move(*stored);
    }
    const bool isNew = elder.id.empty();
    if (isNew) {
        elder.entity = "elder";
        elder.villageCode = code;
    }
    const FieldDef* statusField = findEntity("elder")->field("status");
    for (const auto& [field, value] : elderValues) {
        // An empty 状态 means 在册 for a new elder and "as it was" for one already listed.
        if (field == statusField && value.empty())
            continue;
        elder.set(field->name, value);
    }
    if (!elder.has("status"))
        elder.set("status", "active");

    for (const auto& error : validateRecord(*findEntity("household"), household))
        problems.push_back(error.message);
    for (const auto& error : validateRecord(*findEntity("elder"), elder))
        problems.push_back(error.message);
    if (!problems.empty()) {
        refuse(row.line, joined(problems));
        return;
    }

    const SaveResult savedHousehold = m_ledger.save(household, m_options.operatorName);
    if (!savedHousehold.ok()) {
        refuse(row.line, "家庭户未能保存：" + savedHousehold.message);
        return;
    }
    place.households.insert_or_assign(householdKey, household);
    elder.set("household_id", household.id);
    const SaveResult savedElder = m_ledger.save(elder, m_options.operatorName);
    if (!savedElder.ok()) {
        std::vector<std::string> why{savedElder.message};
        for (const auto& error : savedElder.errors)
            why.push_back(error.message);
        refuse(row.line, joined(why));
        return;
    }
    place.elders.insert_or_assign(idNumber, elder.id);
    if (isNew)
        ++m_report.imported;
    else if (savedElder.change)
        ++m_report.updated;
    else
        ++m_report.unchanged;
}

} // namespace

ImportReport importEldersCsv(Ledger& ledger, std::string_view text, const ImportOptions& options)
{
    ImportReport report;
    if (!csv::isUtf8(text)) {
        report.errors.push_back({0, "文件不是UTF-8编码。Excel中请“另存为”→“CSV UTF-8（逗号分隔）(*.csv)”后再导入"});
        return report;
    }
    const csv::Document doc = csv::parse(text);
    if (doc.rows.empty()) {
        report.errors.push_back({doc.error.empty() ? 1 : doc.errorLine, doc.error.empty() ? "文件为空" : doc.error});
        return report;
    }

    ElderImport run(ledger, options, report);
    if (std::string problem = run.readHeader(doc.rows.front()); !problem.empty()) {
        report.errors.push_back({doc.rows.front().line, problem});
        report.refused = static_cast<std::size_t>(std::count_if(doc.rows.begin() + 1, doc.rows.end(),
                                                                [](const csv::Row& r) { return !isBlank(r); }));
        return report;
    }
    // Commits every so often so that a large file bounds the batch's memory; rows already
    // imported stay imported whatever happens to later ones.
    constexpr std::size_t kRowsPerCommit = 2000;
    std::optional<LedgerBatch> batch;
    std::size_t sinceCommit = 0;
    for (std::size_t i = 1; i < doc.rows.size(); ++i) {
        if (isBlank(doc.rows[i]))
            continue;
        if (!batch)
            batch.emplace(ledger);
        run.importRow(doc.rows[i]);
        if (++sinceCommit == kRowsPerCommit) {
            batch->commit();
            batch.reset();
            sinceCommit = 0;
        }
    }
    if (batch)
        batch->commit();
    if (!doc.error.empty()) {
        ++report.refused;
        report.errors.push_back({doc.errorLine, doc.error});
    }
    return report;
}

ImportReport importEldersCsvFile(Ledger& ledger, const std::string& path, const ImportOptions& options)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ImportReport report;
        report.errors.push_back({0, "无法打开文件：" + path});
        return report;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return importEldersCsv(ledger, text.str(), options);
}

} // namespace shouwang
