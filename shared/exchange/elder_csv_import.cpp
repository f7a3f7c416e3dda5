// Import of the elder ledger file: the table found in the sheet, each row checked on its
// own, every good row written in one transaction (or none, for the preview).
#include "elder_csv.h"

#include "csv.h"
#include "elder_csv_columns.h"
#include "import_header.h"
#include "import_values.h"
#include "text_encoding.h"
#include "visit_import.h"
#include "xlsx_reader.h"

#include "domain/divisions.h"
#include "domain/idcard.h"
#include "domain/schema_names.h"
#include "domain/validation.h"
#include "store/ledger.h"
#include "store/private_file.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
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

std::string trimmed(std::string_view text)
{
    return std::string(import::trim(text));
}

bool isBlank(const csv::Row& row)
{
    return std::all_of(row.fields.begin(), row.fields.end(),
                       [](const std::string& f) { return import::trim(f).empty(); });
}

// What a file column is: one of ours, one we derive from the ID number and check, or one
// we ignore (序号, 与户主关系, 村名 — known, so no warning).
struct FileColumn {
    const ElderCsvColumn* column = nullptr;
    std::string derived;                   // import::kSex, kAge or kBirthDate
    const FieldDef* supporter = nullptr;   // a field of the row's supporter (子女/赡养人)
};

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
    // A row's cells as the ledger stores them.
    struct RowValues {
        std::string code; // 村（社区）代码, or the device's village when the file has none
        std::map<const FieldDef*, std::string> household, elder, supporter;
        std::vector<std::string> problems;          // cells of the elder and household not understood
        std::vector<std::string> supporterProblems; // cells of the supporter not understood
        std::set<std::string> unreadable;           // fields whose cell was refused: their "required" adds nothing
    };
    // An elder's first row in this file, which further rows of the same 身份证号 must agree
    // with to add another supporter.
    struct ElderInFile {
        std::size_t line = 0;
        std::string village;
        std::map<const FieldDef*, std::string> household, elder;
        std::string elderId; // "" when the first row was refused
        bool isNew = false;
        std::optional<std::size_t> update; // its entry in the report's updates
    };
    // A supporter as the row leaves it, and as it was (id "" for one the elder did not have).
    struct SupporterRow {
        Record record;
        Record before;
    };
    struct Village {
        std::map<std::string, Record> households; // by 户主姓名 + '\n' + 家庭住址
        std::map<std::string, std::string> elders; // 身份证号 → elder id
    };
    struct Known {
        std::string name;
        std::string village;
    };
    Village& village(const std::string& code);
    void refuse(const csv::Row& row, std::string message)
    {
        ++m_report.refused;
        m_report.errors.push_back({row.line, message});
        m_report.refusedRows.push_back({row.line, row.fields, std::move(message)});
    }
    void warn(std::size_t line, std::string message) { m_report.warnings.push_back({line, std::move(message)}); }
    void checkDerived(const csv::Row& row, const std::string& idNumber);
    // false when the row was refused (more cells than the header).
    bool readCells(const csv::Row& row, RowValues& values);
    // A further row of an elder already in the file: another supporter of theirs.
    void importFurtherRow(const csv::Row& row, const RowValues& values, const std::string& idNumber,
                          ElderInFile& first);
    // The row's supporter, new or the elder's own of the same name, with the row's values;
    // nullopt when the row names none. Problems go to `problems` (the row is refused), and
    // so does a supporter already on an earlier row of the same elder.
    std::optional<SupporterRow> supporterFor(const csv::Row& row, const std::string& idNumber,
                                             const std::string& elderId,
                                             const std::map<const FieldDef*, std::string>& values,
                                             std::vector<std::string>& problems);
    // What saving the supporter changes for an elder already in the ledger, as people read it.
    static std::vector<FieldUpdate> supporterChanges(const SupporterRow& supporter,
                                                     const std::map<const FieldDef*, std::string>& values);
    void saveSupporter(const csv::Row& row, SupporterRow& supporter, const std::string& elderId);
    const std::map<std::string, Known>& knownElders();

    Ledger& m_ledger;
    const ImportOptions& m_options;
    ImportReport& m_report;
    std::vector<FileColumn> m_columns; // per file column
    bool m_hasVillageColumn = false;
    bool m_hasHeadColumn = false;
    std::string m_currentVillage; // of the row being imported
    std::map<std::string, Village> m_villages;
    std::map<std::string, ElderInFile> m_eldersInFile;   // this file's elders so far, by 身份证号
    std::map<std::string, std::size_t> m_supporterLines; // 身份证号 + '\n' + supporter's name → line
    std::optional<std::map<std::string, Known>> m_known; // every elder on this device, by 身份证号
};

std::string ElderImport::readHeader(const csv::Row& header)
{
    std::vector<std::string> problems;
    std::vector<std::string> seen;
    const auto columns = elderCsvColumns();
    for (const std::string& raw : header.fields) {
        m_columns.emplace_back();
        const std::string typed = trimmed(raw);
        if (typed.empty())
            continue;
        const std::string name = import::canonicalHeader(typed);
        if (name.empty()) {
            m_report.warnings.push_back({header.line, "不认识的列“" + typed + "”，已忽略该列"});
            continue;
        }
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
            problems.push_back("列“" + typed + "”与另一列都是“" + name + "”");
            continue;
        }
        seen.push_back(name);
        if (name == import::kSex || name == import::kAge || name == import::kBirthDate) {
            m_columns.back().derived = name;
            continue;
        }
        if (const import::SupporterColumn* supporter = import::supporterColumn(name)) {
            m_columns.back().supporter = findEntity(schema::supporter::entity)->field(supporter->field);
            continue;
        }
        const auto it = std::find_if(columns.begin(), columns.end(), [&](const ElderCsvColumn& c) { return c.header == name; });
        if (it == columns.end() || it->kind == Kind::VillageName)
            continue; // 序号, 与户主关系, 村名: known and not needed
        m_columns.back().column = &*it;
        m_hasVillageColumn = m_hasVillageColumn || it->kind == Kind::VillageCode;
        m_hasHeadColumn = m_hasHeadColumn || (it->field && it->field->name == "head_name" && it->kind == Kind::Household);
    }
    // A village's own device knows the village; the household head is the elder when the
    // ledger keeps one row per household without a separate 户主 column.
    const bool oneVillage = m_options.villagePrefix.size() == 12;
    for (const ElderCsvColumn& column : columns) {
        if (!isRequiredElderCsvHeader(column.header) || std::find(seen.begin(), seen.end(), column.header) != seen.end())
            continue;
        if ((column.kind == Kind::VillageCode && oneVillage) || column.header == "户主姓名")
            continue;
        problems.push_back("缺少必需的列“" + column.header + "”");
    }
    return problems.empty() ? std::string{}
                            : "表头有误：" + joined(problems) + "。可用的表头见 docs/csv-template.md，或使用导入模板";
}

ElderImport::Village& ElderImport::village(const std::string& code)
{
    auto [it, inserted] = m_villages.try_emplace(code);
    if (inserted) {
        ListFilter filter;
        filter.villagePrefix = code;
        for (Record& household : m_ledger.list(schema::household::entity, filter)) {
            if (household.villageCode != code)
                continue;
            const std::string key
                = household.value(schema::household::head_name) + '\n' + household.value(schema::household::address);
            it->second.households.try_emplace(key, std::move(household));
        }
        for (const Record& elder : m_ledger.list(schema::elder::entity, filter)) {
            if (elder.villageCode == code)
                it->second.elders.try_emplace(elder.value(schema::elder::id_number), elder.id);
        }
    }
    return it->second;
}

const std::map<std::string, ElderImport::Known>& ElderImport::knownElders()
{
    if (!m_known) {
        m_known.emplace();
        for (const Record& elder : m_ledger.list(schema::elder::entity))
            m_known->try_emplace(elder.value(schema::elder::id_number),
                                 Known{elder.value(schema::elder::name), elder.villageCode});
    }
    return *m_known;
}

// 性别, 年龄 and 出生日期 as the ledger typed them, against what the ID number says.
void ElderImport::checkDerived(const csv::Row& row, const std::string& idNumber)
{
    const IdNumberCheck check = checkIdNumber(idNumber);
    if (!check.ok())
        return;
    const IdNumberInfo& info = *check.info;
    for (std::size_t i = 0; i < row.fields.size() && i < m_columns.size(); ++i) {
        const std::string& derived = m_columns[i].derived;
        const std::string cell = trimmed(import::halfWidth(row.fields[i]));
        if (derived.empty() || cell.empty())
            continue;
        if (derived == import::kSex) {
            const EnumOption* option = import::option(*findEnum("sex"), cell);
            if (!option || option->code != info.sex)
                warn(row.line, "性别“" + cell + "”与身份证号不符（身份证号为" + std::string(findEnum("sex")->label(info.sex))
                                   + "），以身份证号为准");
        } else if (derived == import::kBirthDate) {
            const std::string date = import::date(cell);
            // 出生年月 "1945.1" or "1945年1月" has no day: compare the month.
            const bool monthOnly = date.empty() && import::date(cell + ".1").size() == 10;
            const std::string typed = monthOnly ? import::date(cell + ".1").substr(0, 7) : date;
            if (typed.empty() || typed != info.birthDate.substr(0, typed.size()))
                warn(row.line, "出生日期“" + cell + "”与身份证号不符（身份证号为" + info.birthDate + "），以身份证号为准");
        } else if (derived == import::kAge) {
            const auto birth = parseDate(info.birthDate);
            const int age = birth ? yearsBetween(*birth, today()) : -1;
            const int typed = std::atoi(cell.c_str());
            // A ledger's ages were right on the day it was made: one year either way is not a mismatch.
            if (age >= 0 && (typed < age - 1 || typed > age + 1))
                warn(row.line, "年龄“" + cell + "”与身份证号不符（按身份证号为" + std::to_string(age) + "岁），以身份证号为准");
        }
    }
}

std::optional<ElderImport::SupporterRow> ElderImport::supporterFor(const csv::Row& row, const std::string& idNumber,
                                                                   const std::string& elderId,
                                                                   const std::map<const FieldDef*, std::string>& values,
                                                                   std::vector<std::string>& problems)
{
    const EntityDef& entity = *findEntity(schema::supporter::entity);
    const FieldDef* nameField = entity.field(schema::supporter::name);
    const auto name = values.find(nameField);
    if (name == values.end() || name->second.empty())
        return std::nullopt;
    if (auto earlier = m_supporterLines.find(idNumber + '\n' + name->second); earlier != m_supporterLines.end())
        problems.push_back("赡养人“" + name->second + "”已在第" + std::to_string(earlier->second)
                           + "行（同一老人的同一赡养人出现两次），请核对后删去重复的一行");
    SupporterRow supporter;
    if (!elderId.empty()) {
        ListFilter mine;
        mine.equals = {{schema::supporter::elder_id, elderId}, {schema::supporter::name, name->second}};
        if (auto found = m_ledger.list(schema::supporter::entity, mine); !found.empty())
            supporter.record = std::move(found.front());
    }
    supporter.before = supporter.record;
    if (supporter.record.id.empty()) {
        supporter.record.entity = schema::supporter::entity;
        supporter.record.villageCode = m_currentVillage;
    }
    for (const auto& [field, value] : values)
        supporter.record.set(field->name, value);
    if (supporter.record.value(schema::supporter::relation).empty()) {
        // 关系 is required; a ledger that lists 子女 without it says no more than 其他.
        supporter.record.set(schema::supporter::relation, "other");
        warn(row.line, "赡养人“" + name->second + "”没有填写关系，记为“其他”");
    }
    if (!elderId.empty())
        supporter.record.set(schema::supporter::elder_id, elderId);
    for (const auto& error : validateRecord(entity, supporter.record)) {
        if (error.field != schema::supporter::elder_id) // set once the elder is saved
            problems.push_back("赡养人" + error.message);
    }
    return supporter;
}

std::vector<FieldUpdate> ElderImport::supporterChanges(const SupporterRow& supporter,
                                                       const std::map<const FieldDef*, std::string>& values)
{
    const std::string& name = supporter.record.value(schema::supporter::name);
    if (supporter.before.id.empty())
        return {{"赡养人", "",
                 name + "（"
                     + csvCellFromValue(*findEntity(schema::supporter::entity)->field(schema::supporter::relation),
                                        supporter.record.value(schema::supporter::relation))
                     + "）"}};
    std::vector<FieldUpdate> changes;
    for (const import::SupporterColumn& column : import::supporterColumns()) {
        const FieldDef* field = findEntity(schema::supporter::entity)->field(column.field);
        const std::string& before = supporter.before.value(field->name);
        const std::string& after = supporter.record.value(field->name);
        if (before != after && (values.count(field) || field->name == "relation"))
            changes.push_back({std::string(column.header) + "（" + name + "）", csvCellFromValue(*field, before),
                               csvCellFromValue(*field, after)});
    }
    return changes;
}

void ElderImport::saveSupporter(const csv::Row& row, SupporterRow& supporter, const std::string& elderId)
{
    supporter.record.set(schema::supporter::elder_id, elderId);
    const SaveResult saved = m_ledger.save(supporter.record, m_options.operatorName);
    if (!saved.ok())
        warn(row.line, "赡养人“" + supporter.record.value(schema::supporter::name) + "”未能保存：" + saved.message);
    else if (supporter.before.id.empty())
        ++m_report.supportersAdded;
    else if (saved.change)
        ++m_report.supportersUpdated;
}

bool ElderImport::readCells(const csv::Row& row, RowValues& values)
{
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
        if (i < m_columns.size() && m_columns[i].supporter) {
            std::string error;
            if (auto value = valueFromCsvCell(*m_columns[i].supporter, row.fields[i], error))
                values.supporter[m_columns[i].supporter] = std::move(*value);
            else
                values.supporterProblems.push_back("赡养人" + error);
            continue;
        }
        const ElderCsvColumn* column = i < m_columns.size() ? m_columns[i].column : nullptr;
        if (!column) {
            if (i >= m_columns.size() && !import::trim(row.fields[i]).empty()) {
                refuse(row, "该行有" + std::to_string(row.fields.size()) + "列，多于表头的" + std::to_string(m_columns.size())
                                + "列（内容中的逗号需用英文双引号括起）");
                return false;
            }
            continue;
        }
        if (column->kind == Kind::VillageCode) {
            values.code = trimmed(import::halfWidth(row.fields[i]));
            continue;
        }
        std::string error, warning;
        auto value = valueFromCsvCell(*column->field, row.fields[i], error, &warning);
        if (!value) {
            values.problems.push_back(error);
            values.unreadable.insert(std::string(column->field->name));
        }
        else
            (column->kind == Kind::Household ? values.household : values.elder)[column->field] = std::move(*value);
        if (!warning.empty())
            warn(row.line, warning);
    }
    if (values.code.empty() && m_options.villagePrefix.size() == 12)
        values.code = m_options.villagePrefix;
    return true;
}

void ElderImport::importFurtherRow(const csv::Row& row, const RowValues& values, const std::string& idNumber,
                                   ElderInFile& first)
{
    const std::string firstLine = std::to_string(first.line);
    // The row may repeat the elder's cells or leave them blank; a filled cell that says
    // something else means two people (or two versions of one) under one 身份证号.
    std::vector<std::string> differing;
    if (!trimmed(values.code).empty() && values.code != first.village)
        differing.push_back("村（社区）代码");
    auto compare = [&](const std::map<const FieldDef*, std::string>& cells,
                       const std::map<const FieldDef*, std::string>& firstCells) {
        for (const auto& [field, value] : cells) {
            const auto was = firstCells.find(field);
            if (!value.empty() && (was == firstCells.end() || was->second != value))
                differing.push_back(std::string(field->zh));
        }
    };
    compare(values.household, first.household);
    compare(values.elder, first.elder);
    for (const std::string& field : values.unreadable)
        differing.push_back(std::string(findEntity(schema::elder::entity)->field(field)
                                            ? findEntity(schema::elder::entity)->field(field)->zh
                                            : findEntity(schema::household::entity)->field(field)->zh));
    const FieldDef* nameField = findEntity(schema::supporter::entity)->field(schema::supporter::name);
    const bool namesSupporter = values.supporter.count(nameField) && !values.supporter.at(nameField).empty();
    if (!differing.empty() || !namesSupporter) {
        std::string which;
        for (const std::string& field : differing)
            which += (which.empty() ? "" : "、") + ("“" + field + "”");
        refuse(row,
               "身份证号" + idNumber + "与第" + firstLine + "行重复（同一人出现两次"
                   + (which.empty() ? "" : "，两行的" + which + "不同") + "）；只导入第" + firstLine
                   + "行，请核对后删去重复的一行"
                   + (differing.empty() ? "" : "（另一位赡养人的行，老人的各列须留空或与第" + firstLine + "行相同）"));
        return;
    }
    if (first.elderId.empty()) {
        refuse(row,
               "本行是第" + firstLine + "行老人的另一位赡养人，第" + firstLine + "行未能导入，本行也未导入；改正第"
                   + firstLine + "行后再导入");
        return;
    }
    m_currentVillage = first.village;
    std::vector<std::string> problems = values.supporterProblems;
    std::optional<SupporterRow> supporter = supporterFor(row, idNumber, first.elderId, values.supporter, problems);
    if (!problems.empty()) {
        refuse(row, joined(problems));
        return;
    }
    m_supporterLines.emplace(idNumber + '\n' + supporter->record.value(schema::supporter::name), row.line);
    std::vector<FieldUpdate> changes
        = first.isNew ? std::vector<FieldUpdate>{} : supporterChanges(*supporter, values.supporter);
    saveSupporter(row, *supporter, first.elderId);
    if (changes.empty())
        return;
    // The elder's first row said nothing new, this one does: the elder is updated after all.
    if (!first.update) {
        --m_report.unchanged;
        ++m_report.updated;
        first.update = m_report.updates.size();
        m_report.updates.push_back({first.line,
                                    first.elder.count(findEntity(schema::elder::entity)->field(schema::elder::name))
                                        ? first.elder.at(findEntity(schema::elder::entity)->field(schema::elder::name))
                                        : std::string{},
                                    {}});
    }
    auto& all = m_report.updates[*first.update].changes;
    all.insert(all.end(), changes.begin(), changes.end());
}

void ElderImport::importRow(const csv::Row& row)
{
    RowValues values;
    if (!readCells(row, values))
        return;
    const std::string& code = values.code;
    m_currentVillage = code;
    auto& householdValues = values.household;
    auto& elderValues = values.elder;

    const EntityDef& elderEntity = *findEntity(schema::elder::entity);
    const EntityDef& householdEntity = *findEntity(schema::household::entity);
    const FieldDef* idField = elderEntity.field(schema::elder::id_number);
    const std::string idNumber = elderValues.count(idField) ? elderValues[idField] : std::string{};
    if (idNumber.find('*') != std::string::npos) {
        refuse(row, "身份证号已脱敏（含*），无法导入；请导出时选择显示完整身份证号");
        return;
    }
    if (!idNumber.empty()) {
        if (auto first = m_eldersInFile.find(idNumber); first != m_eldersInFile.end()) {
            importFurtherRow(row, values, idNumber, first->second);
            return;
        }
    }
    // Registered before any check, so a further row of a refused elder says why it is not taken.
    ElderInFile scratch;
    ElderInFile& inFile = idNumber.empty() ? scratch : m_eldersInFile[idNumber];
    inFile = ElderInFile{row.line, code, householdValues, elderValues, {}, false, {}};

    std::vector<std::string> problems = std::move(values.problems);
    problems.insert(problems.end(), values.supporterProblems.begin(), values.supporterProblems.end());
    const Division* division = findDivision(code);
    if (!division || division->level() != DivisionLevel::Village) {
        problems.insert(problems.begin(), "村（社区）代码“" + code + "”不是重庆市的12位村（社区）代码");
        refuse(row, joined(problems));
        return;
    }
    if (!code.starts_with(m_options.villagePrefix)) {
        refuse(row, "村（社区）代码“" + code + "”不在本台账的范围内");
        return;
    }

    Village& place = village(code);
    const FieldDef* headField = householdEntity.field(schema::household::head_name);
    if (!m_hasHeadColumn || householdValues[headField].empty())
        householdValues[headField] = elderValues[elderEntity.field(schema::elder::name)];
    const std::string headName = householdValues[headField];
    const std::string address = householdValues[householdEntity.field(schema::household::address)];
    const std::string householdKey = headName + '\n' + address;
    Record household;
    Record householdBefore;
    if (auto found = place.households.find(householdKey); found != place.households.end()) {
        household = found->second;
        householdBefore = household;
    } else {
        household.entity = schema::household::entity;
        household.villageCode = code;
    }
    for (const auto& [field, value] : householdValues)
        household.set(field->name, value);

    Record elder;
    const auto existing = place.elders.find(idNumber);
    if (existing != place.elders.end()) {
        if (auto stored = m_ledger.get(schema::elder::entity, existing->second))
            elder = std::move(*stored);
    }
    const bool isNew = elder.id.empty();
    const Record elderBefore = elder;
    if (isNew) {
        elder.entity = schema::elder::entity;
        elder.villageCode = code;
    }
    const FieldDef* statusField = elderEntity.field(schema::elder::status);
    for (const auto& [field, value] : elderValues) {
        // An empty 状态 means 在册 for a new elder and "as it was" for one already listed.
        if (field == statusField && value.empty())
            continue;
        elder.set(field->name, value);
    }
    if (!elder.has(schema::elder::status))
        elder.set(schema::elder::status, "active");

    for (const auto& error : validateRecord(householdEntity, household))
        problems.push_back(error.message);
    for (const auto& error : validateRecord(elderEntity, elder)) {
        if (!values.unreadable.count(error.field))
            problems.push_back(error.message);
    }
    std::optional<SupporterRow> supporter
        = supporterFor(row, idNumber, isNew ? std::string{} : elder.id, values.supporter, problems);
    if (!problems.empty()) {
        refuse(row, joined(problems));
        return;
    }
    checkDerived(row, idNumber);
    if (isNew) {
        if (auto known = knownElders().find(idNumber); known != knownElders().end() && known->second.village != code)
            warn(row.line, sameIdElsewhereMessage(known->second.village, known->second.name));
    }

    RowUpdate update{row.line, elder.value(schema::elder::name), {}};
    if (!isNew) {
        for (const auto& [field, value] : elderValues) {
            if (elderBefore.value(field->name) != elder.value(field->name))
                update.changes.push_back({std::string(field->zh), csvCellFromValue(*field, elderBefore.value(field->name)),
                                          csvCellFromValue(*field, elder.value(field->name))});
        }
        if (!householdBefore.id.empty()) {
            for (const auto& [field, value] : householdValues) {
                if (householdBefore.value(field->name) != value)
                    update.changes.push_back({std::string(field->zh), csvCellFromValue(*field, householdBefore.value(field->name)),
                                              csvCellFromValue(*field, value)});
            }
        }
        if (supporter) {
            for (FieldUpdate& change : supporterChanges(*supporter, values.supporter))
                update.changes.push_back(std::move(change));
        }
    }

    const SaveResult savedHousehold = m_ledger.save(household, m_options.operatorName);
    if (!savedHousehold.ok()) {
        refuse(row, "家庭户未能保存：" + savedHousehold.message);
        return;
    }
    place.households.insert_or_assign(householdKey, household);
    elder.set(schema::elder::household_id, household.id);
    const SaveResult savedElder = m_ledger.save(elder, m_options.operatorName);
    if (!savedElder.ok()) {
        std::vector<std::string> why{savedElder.message};
        for (const auto& error : savedElder.errors)
            why.push_back(error.message);
        refuse(row, joined(why));
        return;
    }
    place.elders.insert_or_assign(idNumber, elder.id);
    inFile.elderId = elder.id;
    inFile.isNew = isNew;
    if (supporter) {
        m_supporterLines.emplace(idNumber + '\n' + supporter->record.value(schema::supporter::name), row.line);
        saveSupporter(row, *supporter, elder.id);
    }
    if (isNew) {
        ++m_report.imported;
        m_report.added.push_back({row.line, elder.value(schema::elder::name)});
    } else if (savedElder.change || !update.changes.empty()) {
        ++m_report.updated;
        inFile.update = m_report.updates.size();
        m_report.updates.push_back(std::move(update));
    } else {
        ++m_report.unchanged;
    }
}

ImportReport refusedFile(std::size_t line, std::string message)
{
    ImportReport report;
    report.errors.push_back({line, std::move(message)});
    report.wholeFileRefused = true;
    return report;
}

} // namespace

ImportReport importElderRows(Ledger& ledger, const std::vector<csv::Row>& rows, const ImportOptions& options,
                             const std::vector<std::pair<std::string, std::vector<csv::Row>>>& visitSheets)
{
    ImportReport report;
    report.dryRun = options.dryRun;
    const std::size_t headerAt = import::findHeaderRow(rows);
    if (headerAt == rows.size()) {
        report.errors.push_back({0, rows.empty() ? "文件为空"
                                                 : "没有找到表头：前20行中没有一行同时有“姓名”和“身份证号”（或“身份证号码”等）两列"});
        report.wholeFileRefused = true;
        return report;
    }
    for (std::size_t i = 0; i < headerAt; ++i) {
        if (!isBlank(rows[i])) {
            ++report.skipped;
            report.skippedRows.push_back({rows[i].line, "表头上方的标题或说明行"});
        }
    }
    const csv::Row& header = rows[headerAt];
    report.header = header.fields;
    ElderImport run(ledger, options, report);
    if (std::string problem = run.readHeader(header); !problem.empty()) {
        report.errors.push_back({header.line, problem});
        report.wholeFileRefused = true;
        return report;
    }
    // One transaction for the whole file: the preview rolls it back, and a cancel or crash
    // before the commit leaves the ledger as it was.
    LedgerBatch batch(ledger);
    bool inFooter = false;
    for (std::size_t i = headerAt + 1; i < rows.size(); ++i) {
        const csv::Row& row = rows[i];
        if (isBlank(row))
            continue;
        std::string footer = import::footerReason(row);
        // Below a totals row only signatures and notes follow, whatever their first cell says.
        if (footer.empty() && inFooter)
            footer = "合计行下方的表尾内容";
        if (!footer.empty()) {
            inFooter = true;
            ++report.skipped;
            report.skippedRows.push_back({row.line, footer});
            continue;
        }
        run.importRow(row);
    }
    for (const auto& [name, sheetRows] : visitSheets)
        importVisitRows(ledger, sheetRows, name, options, report);
    if (!options.dryRun) {
        batch.commit();
        report.committed = true;
    }
    return report;
}

namespace {

// "Unicode 文本" is tab-separated, CSV comma-separated: whichever the first 20 lines hold
// more of. Not the first line alone: a title typed above the header has neither.
char separatorOf(std::string_view text)
{
    std::size_t tabs = 0, commas = 0, lines = 0;
    for (const char c : text) {
        if (c == '\n' && ++lines == 20)
            break;
        if (c == '\t')
            ++tabs;
        else if (c == ',')
            ++commas;
    }
    return tabs > commas ? '\t' : ',';
}

} // namespace

ImportReport importEldersCsv(Ledger& ledger, std::string_view bytes, const ImportOptions& options)
{
    std::string error;
    const auto decoded = encoding::decodeText(bytes, error);
    if (!decoded)
        return refusedFile(0, error);
    const csv::Document doc = csv::parse(decoded->text, separatorOf(decoded->text));
    ImportReport report = importElderRows(ledger, doc.rows, options);
    report.encoding = decoded->encoding;
    if (!doc.error.empty()) {
        ++report.refused;
        report.errors.push_back({doc.errorLine, doc.error});
    }
    return report;
}

ImportReport importEldersBytes(Ledger& ledger, std::string_view bytes, const ImportOptions& options)
{
    if (xlsx::looksLikeOldXls(bytes))
        return refusedFile(0, "这是旧版Excel文件（.xls），无法直接导入。请在Excel中“文件”→“另存为”→“Excel 工作簿(*.xlsx)”后再导入");
    if (!xlsx::looksLikeZip(bytes))
        return importEldersCsv(ledger, bytes, options);
    const xlsx::Sheet sheet = xlsx::readSheet(bytes, options.sheet);
    if (!sheet.error.empty())
        return refusedFile(0, sheet.error);
    std::vector<std::pair<std::string, std::vector<csv::Row>>> visitSheets;
    for (const std::string& name : sheet.sheetNames) {
        if (name == sheet.name)
            continue;
        xlsx::Sheet other = xlsx::readSheet(bytes, name);
        if (other.error.empty() && looksLikeVisitSheet(other.rows))
            visitSheets.emplace_back(name, std::move(other.rows));
    }
    ImportReport report = importElderRows(ledger, sheet.rows, options, visitSheets);
    report.sheet = sheet.name;
    report.sheetNames = sheet.sheetNames;
    return report;
}

ImportReport importEldersFile(Ledger& ledger, const std::string& path, const ImportOptions& options)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return refusedFile(0, "无法打开文件：" + path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return importEldersBytes(ledger, bytes.str(), options);
}

ImportReport importEldersCsvFile(Ledger& ledger, const std::string& path, const ImportOptions& options)
{
    return importEldersFile(ledger, path, options);
}

std::string importSummary(const ImportReport& r)
{
    if (r.wholeFileRefused)
        return "没有导入任何内容：" + (r.errors.empty() ? std::string("文件无法读取") : r.errors.front().message);
    const std::string supporters = r.supportersAdded + r.supportersUpdated == 0 ? std::string{}
                                                                                : "（赡养人新增"
            + std::to_string(r.supportersAdded) + "位，更新" + std::to_string(r.supportersUpdated) + "位）";
    const std::string visits = r.visitsAdded + r.visitsUnchanged == 0
        ? std::string{}
        : "；探访记录新增" + std::to_string(r.visitsAdded) + "条（已有" + std::to_string(r.visitsUnchanged) + "条）";
    const std::string counts = "新增" + std::to_string(r.imported) + "人，更新" + std::to_string(r.updated) + "人，未变"
        + std::to_string(r.unchanged) + "人" + supporters + visits + "；跳过" + std::to_string(r.skipped) + "行，拒绝"
        + std::to_string(r.refused) + "行";
    if (r.dryRun)
        return "预览：将" + counts + "。尚未导入任何内容";
    if (r.imported + r.updated + r.visitsAdded == 0)
        return "没有导入任何内容（" + counts + "）";
    return "已导入：" + counts + (r.refused ? "（被拒绝的行未导入，可另存后修改再导入）" : "");
}

std::string writeRefusedRowsCsv(const ImportReport& report, const std::string& path)
{
    if (!createPrivateFile(path)) // the ledger's people: owner-only from the first byte
        return "无法创建文件：" + path;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return "无法创建文件：" + path;
    out << csv::kUtf8Bom;
    std::vector<std::string> header = report.header;
    header.insert(header.begin(), {"原行号", "拒绝原因"});
    csv::writeRow(out, header);
    for (const RefusedRow& row : report.refusedRows) {
        std::vector<std::string> cells = row.cells;
        // The ID number with the tab that keeps Excel from turning it into 5.00154E+17.
        for (std::size_t i = 0; i < cells.size() && i < report.header.size(); ++i) {
            if (import::canonicalHeader(report.header[i]) == "身份证号" && !cells[i].empty() && cells[i][0] != '\t')
                cells[i].insert(0, "\t");
        }
        cells.insert(cells.begin(), {std::to_string(row.line), row.reason});
        csv::writeRow(out, cells);
    }
    out.close();
    return out ? std::string{} : "写入文件失败（磁盘已满？）：" + path;
}

} // namespace shouwang
