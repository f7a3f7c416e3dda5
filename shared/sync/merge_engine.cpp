#include "merge_engine.h"

#include "store/conflict_queue.h"
#include "store/database.h"
#include "store/ledger.h"
#include "store/record_table.h"

#include "domain/date.h"
#include "domain/schema.h"
#include "domain/text.h"
#include "domain/validation.h"

#include <algorithm>

namespace shouwang {
namespace {

bool isDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

MergeOutcome refuse(MergeRefusal why, std::string message)
{
    MergeOutcome outcome;
    outcome.refusal = why;
    outcome.message = std::move(message);
    return outcome;
}

// Who wrote the value that currently stands, for the conflict queue's "who said what".
std::string operatorOf(Database& db, std::string_view recordId, const Hlc& hlc)
{
    Statement& st = db.cached("SELECT operator FROM change_log WHERE record_id = ? AND hlc = ? LIMIT 1");
    st.bind(1, recordId).bind(2, hlc.toString());
    std::string name = st.step() ? st.text(0) : std::string{};
    st.reset();
    return name;
}

} // namespace

MergeOutcome MergeEngine::check(const Change& change) const
{
    const EntityDef* entity = findEntity(change.entity);
    if (!entity)
        return refuse(MergeRefusal::UnknownEntity, "未知的记录类型：" + utf8Prefix(change.entity, 64));
    if (change.changeId.empty() || !isValidDeviceId(change.changeId) || !isValidDeviceId(change.recordId)
        || !isValidDeviceId(change.hlc.device) || change.hlc.time == 0) {
        return refuse(MergeRefusal::InvalidValue, "变更的编号或时间戳无效");
    }
    const std::size_t codeLength = entity->scope == EntityScope::County ? 6 : 12;
    if (change.villageCode.size() != codeLength || !isDigits(change.villageCode))
        return refuse(MergeRefusal::InvalidValue, "变更所属的行政区划代码无效");
    if (change.fields.empty())
        return refuse(MergeRefusal::InvalidValue, "变更不含任何字段");
    if (std::string error = validateOperatorName(change.operatorName); !error.empty())
        return refuse(MergeRefusal::InvalidValue, error);
    // Each field at most once: the schema's fields and the deletion mark bound a change.
    if (change.fields.size() > entity->fields.size() + 1)
        return refuse(MergeRefusal::InvalidValue, "变更的字段数超过" + std::string(entity->zh) + "的字段数");
    for (std::size_t i = 0; i < change.fields.size(); ++i) {
        for (std::size_t k = 0; k < i; ++k) {
            if (change.fields[k].name == change.fields[i].name)
                return refuse(MergeRefusal::InvalidValue, "变更中的字段重复：" + utf8Prefix(change.fields[i].name, 64));
        }
    }
    for (const auto& f : change.fields) {
        if (f.name == kDeletedField) {
            if (f.value != "0" && f.value != "1")
                return refuse(MergeRefusal::InvalidValue, "删除标记的取值无效");
            continue;
        }
        const FieldDef* field = entity->field(f.name);
        if (!field)
            return refuse(MergeRefusal::UnknownField, std::string(entity->zh) + "没有字段：" + utf8Prefix(f.name, 64));
        if (std::string error = validateValue(*field, f.value); !error.empty())
            return refuse(MergeRefusal::InvalidValue, std::string(entity->zh) + error);
    }
    return {};
}

MergeOutcome MergeEngine::apply(const Change& change)
{
    MergeOutcome outcome = check(change);
    if (!outcome.applied())
        return outcome;
    Database& db = m_ledger.database();
    if (m_ledger.changeLog().contains(change.changeId)) {
        outcome.duplicate = true;
        return outcome;
    }

    const EntityDef& entity = *findEntity(change.entity);
    std::optional<Record> existing = loadRecord(db, entity, change.recordId);
    if (existing && existing->villageCode != change.villageCode)
        return refuse(MergeRefusal::WrongVillage, "该记录属于其他村（社区），不能通过本村修改");
    Record record = existing ? std::move(*existing) : Record{};
    if (!existing) {
        record.entity = change.entity;
        record.id = change.recordId;
        record.villageCode = change.villageCode;
    }

    ConflictQueue conflicts(db);
    for (const auto& f : change.fields) {
        auto clock = record.clocks.find(f.name);
        const Hlc current = clock == record.clocks.end() ? Hlc{} : clock->second;
        const std::string currentValue = f.name == kDeletedField ? (record.deleted ? "1" : "0") : record.value(f.name);

        if (!current.isNull() && f.base != current && f.value != currentValue && current != change.hlc) {
            Conflict c;
            c.entity = change.entity;
            c.recordId = change.recordId;
            c.villageCode = change.villageCode;
            c.field = f.name;
            c.valueA = currentValue;
            c.hlcA = current;
            c.operatorA = operatorOf(db, change.recordId, current);
            c.valueB = f.value;
            c.hlcB = change.hlc;
            c.operatorB = change.operatorName;
            conflicts.add(std::move(c));
            ++outcome.conflicts;
        }
        if (current < change.hlc) {
            if (f.name == kDeletedField)
                record.deleted = f.value == "1";
            else
                record.set(f.name, f.value);
            record.clocks.insert_or_assign(f.name, change.hlc);
            ++outcome.fieldsWritten;
        }
        conflicts.settle(change.recordId, f.name, f.base);
    }

    // Creation and update times follow from the clocks, so every replica agrees on them.
    const std::string when = formatDateTime(change.hlc.millis());
    if (record.createdAt.empty() || when < record.createdAt)
        record.createdAt = when;
    if (when > record.updatedAt)
        record.updatedAt = when;
    writeRecord(db, entity, record);

    m_ledger.changeLog().append(change, ChangeOrigin::Remote, ChangeState::Acknowledged);
    m_ledger.clock().observe(change.hlc);

    if (change.entity == "risk_rule")
        m_standardChanged = true;
    else if (change.entity == "elder" || change.entity == "household" || change.entity == "supporter"
             || change.entity == "visit" || change.entity == "risk_assessment") {
        for (auto& elder : m_ledger.derived().affectedElders(record))
            m_touchedElders.push_back(std::move(elder));
    }
    return outcome;
}

void MergeEngine::flushDerived()
{
    DerivedColumns& derived = m_ledger.derived();
    if (m_standardChanged) {
        derived.refreshAll();
    } else {
        std::sort(m_touchedElders.begin(), m_touchedElders.end());
        m_touchedElders.erase(std::unique(m_touchedElders.begin(), m_touchedElders.end()), m_touchedElders.end());
        for (const auto& id : m_touchedElders)
            derived.refresh(id);
    }
    m_touchedElders.clear();
    m_standardChanged = false;
    m_ledger.persistClock();
}

} // namespace shouwang
