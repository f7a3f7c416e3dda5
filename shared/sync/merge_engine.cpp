#include "merge_engine.h"

#include "store/conflict_queue.h"
#include "store/database.h"
#include "store/ledger.h"
#include "store/record_table.h"

#include "domain/date.h"
#include "domain/enums.h"
#include "domain/volunteer_hours.h"
#include "domain/workflow.h"
#include "domain/schema.h"
#include "domain/text.h"
#include "domain/validation.h"

#include <algorithm>

namespace shouwang {
namespace {

MergeOutcome refuse(MergeRefusal why, std::string message)
{
    MergeOutcome outcome;
    outcome.refusal = why;
    outcome.message = std::move(message);
    return outcome;
}

} // namespace

MergeEngine::MergeEngine(Ledger& ledger, MergeRole role)
    : m_ledger(ledger)
    , m_role(role)
{
}

bool MergeEngine::knows(std::string_view entity, std::string_view field) const
{
    if (m_known)
        return m_known(entity, field);
    const EntityDef* def = findEntity(entity);
    return def && (field.empty() || field == kDeletedField || def->field(field));
}

MergeOutcome MergeEngine::check(const Change& change) const
{
    const EntityDef* entity = findEntity(change.entity);
    if (!entity && m_role == MergeRole::County)
        return refuse(MergeRefusal::UnknownEntity, "未知的记录类型：" + utf8Prefix(change.entity, 64));
    if (change.changeId.empty() || !isValidDeviceId(change.changeId) || !isValidDeviceId(change.recordId)
        || !isValidDeviceId(change.hlc.device) || change.hlc.time == 0) {
        return refuse(MergeRefusal::InvalidValue, "变更的编号或时间戳无效");
    }
    if (change.fields.empty())
        return refuse(MergeRefusal::InvalidValue, "变更不含任何字段");
    if (!entity)
        return {}; // a device keeps a newer county's entity whole, to read once upgraded
    if (!isCodeOf(filingLevel(*entity), change.villageCode))
        return refuse(MergeRefusal::InvalidValue, "变更所属的行政区划代码无效");
    if (std::string error = validateOperatorName(change.operatorName); !error.empty())
        return refuse(MergeRefusal::InvalidValue, error);
    // Each field at most once: the schema's fields and the deletion mark bound a change (at
    // the county; a device may hold a newer county's fields it does not know yet).
    if (m_role == MergeRole::County && change.fields.size() > entity->fields.size() + 1)
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
        if (!field || !knows(change.entity, f.name)) {
            if (m_role == MergeRole::Device)
                continue;
            return refuse(MergeRefusal::UnknownField, std::string(entity->zh) + "没有字段：" + utf8Prefix(f.name, 64));
        }
        if (std::string error = validateValue(*field, f.value); !error.empty())
            return refuse(MergeRefusal::InvalidValue, std::string(entity->zh) + error);
    }
    return {};
}

bool MergeEngine::readsWhole(const Change& change) const
{
    return std::all_of(change.fields.begin(), change.fields.end(),
                       [&](const FieldChange& f) { return knows(change.entity, f.name); });
}

Change MergeEngine::readablePart(const Change& change, bool& whole) const
{
    Change part = change;
    part.fields.clear();
    whole = true;
    for (const auto& f : change.fields) {
        if (knows(change.entity, f.name))
            part.fields.push_back(f);
        else
            whole = false;
    }
    return part;
}

MergeOutcome MergeEngine::apply(const Change& change, std::string_view encoded)
{
    MergeOutcome outcome = applyChecked(change, encoded);
    // The county remembers a creation it refused, so no later edit makes half the record.
    if (!outcome.applied() && m_role == MergeRole::County && outcome.refusal != MergeRefusal::RecordUnknown
        && isValidDeviceId(change.recordId)) {
        const EntityDef* entity = findEntity(change.entity);
        if (entity && !loadRecord(m_ledger.database(), *entity, change.recordId))
            rememberRefusedCreation(m_ledger.database(), change.recordId);
    }
    return outcome;
}

MergeOutcome MergeEngine::applyChecked(const Change& change, std::string_view encoded)
{
    MergeOutcome outcome = check(change);
    if (!outcome.applied())
        return outcome;
    // Whether the change is logged already and the record it merges into, in one look-up
    // (an entity this build does not know has no table to read).
    const EntityDef* entity = findEntity(change.entity);
    ReceivedLookup found;
    if (entity)
        found = lookupReceived(m_ledger.database(), *entity, change.changeId, change.recordId);
    else
        found.logged = m_ledger.changeLog().contains(change.changeId);
    if (found.logged) {
        outcome.duplicate = true;
        return outcome;
    }
    // Nearly every change is read whole: merged as it is, not copied.
    const bool whole = readsWhole(change);
    if (whole) {
        outcome = mergeFields(change, std::move(found));
    } else {
        bool unused = false;
        const Change readable = readablePart(change, unused);
        if (!readable.fields.empty())
            outcome = mergeFields(readable, std::move(found));
    }
    if (!outcome.applied())
        return outcome;
    // Kept whole even when only part of it could be read: the rest is applied once this
    // replica is upgraded, and nothing pulled is ever skipped for good.
    m_ledger.changeLog().add(change, ChangeOrigin::Remote, ChangeState::Acknowledged, encoded);
    if (!whole)
        m_ledger.changeLog().defer(change.changeId);
    m_ledger.clock().observe(change.hlc);
    return outcome;
}

std::size_t MergeEngine::reapplyDeferred()
{
    std::size_t done = 0;
    for (const Change& change : m_ledger.changeLog().deferred()) {
        bool whole = true;
        const Change readable = readablePart(change, whole);
        if (!readable.fields.empty()) // fields merged before stay as they are: same clock
            mergeFields(readable, lookupReceived(m_ledger.database(), *findEntity(change.entity), change.changeId,
                                                 change.recordId));
        if (whole) {
            m_ledger.changeLog().undefer(change.changeId);
            ++done;
        }
    }
    return done;
}

MergeOutcome MergeEngine::checkReferences(const Change& change, const Record* existing, bool creationRefused)
{
    const EntityDef& entity = *findEntity(change.entity);
    // An edit of a record whose creation the county refused would leave a partial record:
    // it waits on the device (which holds it back) instead.
    if (!existing && creationRefused)
        return refuse(MergeRefusal::RecordUnknown,
                      std::string(entity.zh) + "的新建未被区县接收，这条修改暂不接收，将保留在本机");
    for (const auto& f : change.fields) {
        const FieldDef* field = entity.field(f.name);
        if (!field || (field->type != FieldType::Ref && field->type != FieldType::RefList) || f.value.empty())
            continue;
        const EntityDef* target = findEntity(field->ref);
        if (!target)
            continue;
        std::string_view ids = f.value;
        while (!ids.empty()) {
            const auto comma = ids.find(',');
            const std::string_view id = ids.substr(0, comma);
            ids = comma == std::string_view::npos ? std::string_view{} : ids.substr(comma + 1);
            // A record of this village, or one published above it (a county's catalogue).
            if (auto village = villageOfReferenced(*target, id); village && !change.villageCode.starts_with(*village)) {
                return refuse(MergeRefusal::ForeignReference,
                              std::string(entity.zh) + "引用了其他村（社区）的" + std::string(target->zh) + "，未被接收");
            }
        }
    }
    return {};
}

std::optional<std::string> MergeEngine::villageOfReferenced(const EntityDef& target, std::string_view id)
{
    std::string key = std::string(target.table) + '/' + std::string(id);
    if (auto it = m_villages.find(key); it != m_villages.end())
        return it->second;
    auto village = villageOf(m_ledger.database(), target, id);
    if (village)
        m_villages.emplace(std::move(key), *village);
    return village;
}

MergeOutcome MergeEngine::mergeFields(const Change& change, ReceivedLookup found)
{
    Database& db = m_ledger.database();
    const EntityDef& entity = *findEntity(change.entity);
    std::optional<Record> existing = std::move(found.record);
    if (existing && existing->villageCode != change.villageCode)
        return refuse(MergeRefusal::WrongVillage, "该记录属于其他村（社区），不能通过本村修改");
    if (m_role == MergeRole::County) {
        if (MergeOutcome refused = checkReferences(change, existing ? &*existing : nullptr, found.creationRefused);
            !refused.applied())
            return refused;
    }
    MergeOutcome outcome;
    // The record as it stood, for the county's checks below of a workflow's steps and of
    // append-only entries (`existing` is moved from).
    const Workflow* flow = workflowOf(change.entity);
    const bool checksHistory = m_role == MergeRole::County && (flow || isVolunteerHoursEntity(change.entity));
    const std::optional<Record> before = checksHistory ? existing : std::nullopt;
    Record record = existing ? std::move(*existing) : Record{};
    if (!existing) {
        record.entity = change.entity;
        record.id = change.recordId;
        record.villageCode = change.villageCode;
    }

    ConflictQueue conflicts(db);
    const bool settled = change.seq != 0 && change.seq <= m_settledThrough;
    for (const auto& f : change.fields) {
        auto clock = record.clocks.find(f.name);
        const Hlc current = clock == record.clocks.end() ? Hlc{} : clock->second;
        const std::string currentValue = f.name == kDeletedField ? (record.deleted ? "1" : "0") : record.value(f.name);

        // Two writes with one clock (two copies of a ledger file that stamped before either
        // learnt of the other) are concurrent too, and the larger value stands everywhere.
        const bool tie = current == change.hlc && f.value != currentValue;
        const bool concurrent = (f.base != current && current != change.hlc) || tie;
        const bool seenByCounty = settled && current.device != m_ledger.deviceId();
        if (!current.isNull() && f.value != currentValue && concurrent && !seenByCounty) {
            Conflict c;
            c.entity = change.entity;
            c.recordId = change.recordId;
            c.villageCode = change.villageCode;
            c.field = f.name;
            c.valueA = currentValue;
            c.hlcA = current;
            c.operatorA = m_ledger.changeLog().operatorOf(change.recordId, current);
            c.valueB = f.value;
            c.hlcB = change.hlc;
            c.operatorB = change.operatorName;
            conflicts.add(std::move(c));
            ++outcome.conflicts;
        }
        if (current < change.hlc || (tie && currentValue < f.value)) {
            if (f.name == kDeletedField)
                record.deleted = f.value == "1";
            else
                record.set(f.name, f.value);
            record.clocks.insert_or_assign(f.name, change.hlc);
            ++outcome.fieldsWritten;
        }
        // Settling looks only at the record's open conflicts: none open before this change
        // and none found by it, nothing to settle (an UPDATE per field of every edit saved).
        if (found.openConflicts || outcome.conflicts > 0)
            conflicts.settle(change.recordId, f.name, f.base);
    }

    // The county holds an incident or a referral to its workflow (上报 → 受理 → 救助中 → 办结;
    // 提出 → 乡镇审核 → 已转介 → 已受理 → 已办结/未解决) whoever sends it: an older or modified
    // client cannot skip a step or leave out what a step records.
    if (flow && m_role == MergeRole::County) {
        if (std::string why = workflowRefusal(*flow, before ? &*before : nullptr, record); !why.empty())
            return refuse(MergeRefusal::InvalidValue, why);
    }

    // Volunteer hours entries are append-only whoever sends them; an overdraft is kept (the
    // account marks it 超额待核), since the county may not drop what a village confirmed.
    if (m_role == MergeRole::County && isVolunteerHoursEntity(change.entity)) {
        if (std::string why = volunteerHoursEntryProblem(before ? &*before : nullptr, record); !why.empty())
            return refuse(MergeRefusal::InvalidValue, why);
    }

    // Creation and update times follow from the clocks, so every replica agrees on them.
    const std::string when = formatDateTime(change.hlc.millis());
    if (record.createdAt.empty() || when < record.createdAt)
        record.createdAt = when;
    if (when > record.updatedAt)
        record.updatedAt = when;
    store(entity, record);
    return outcome;
}

void MergeEngine::store(const EntityDef& entity, const Record& record)
{
    writeRecord(m_ledger.database(), entity, record);
    if (m_deferDerived)
        return;
    if (DerivedColumns::changesStandard(record.entity))
        m_standardChanged = true;
    else { // DerivedColumns::affectedElders knows which entities feed the derived columns
        for (auto& elder : m_ledger.derived().affectedElders(record))
            m_touchedElders.push_back(std::move(elder));
    }
}

MergeOutcome MergeEngine::applyState(const Record& state)
{
    const EntityDef* entity = findEntity(state.entity);
    if (!entity || !knows(state.entity, {}))
        return refuse(MergeRefusal::UnknownEntity, "未知的记录类型：" + utf8Prefix(state.entity, 64));
    if (!isValidDeviceId(state.id) || !isCodeOf(filingLevel(*entity), state.villageCode))
        return refuse(MergeRefusal::InvalidValue, "快照中的记录编号或行政区划代码无效");
    for (const auto& [name, value] : state.values) {
        const FieldDef* field = entity->field(name);
        if (!field || !knows(state.entity, name))
            return refuse(MergeRefusal::UnknownField, std::string(entity->zh) + "没有字段：" + utf8Prefix(name, 64));
        if (std::string error = validateValue(*field, value); !error.empty())
            return refuse(MergeRefusal::InvalidValue, std::string(entity->zh) + error);
    }

    std::optional<Record> existing = loadRecord(m_ledger.database(), *entity, state.id);
    if (existing && existing->villageCode != state.villageCode)
        return refuse(MergeRefusal::WrongVillage, "该记录属于其他村（社区），不能通过本村修改");
    Record record = existing ? std::move(*existing) : Record{};
    if (!existing) {
        record.entity = state.entity;
        record.id = state.id;
        record.villageCode = state.villageCode;
    }
    MergeOutcome outcome;
    Hlc newest;
    // A field the state holds wins where its clock is later than this replica's (all of
    // them in a record new here), exactly as the change that wrote it would have.
    const auto wins = [&](std::string_view field) {
        const auto theirs = state.clocks.find(field);
        const Hlc clock = theirs == state.clocks.end() ? Hlc{} : theirs->second;
        newest = std::max(newest, clock);
        const auto ours = record.clocks.find(field);
        if (existing && ours != record.clocks.end() && !(ours->second < clock))
            return false;
        if (!clock.isNull())
            record.clocks.insert_or_assign(std::string(field), clock);
        ++outcome.fieldsWritten;
        return true;
    };
    for (const auto& [name, value] : state.values) {
        if (wins(name))
            record.set(name, value);
    }
    if (state.clocks.contains(kDeletedField) && wins(kDeletedField))
        record.deleted = state.deleted;
    if (record.createdAt.empty() || (!state.createdAt.empty() && state.createdAt < record.createdAt))
        record.createdAt = state.createdAt;
    record.updatedAt = std::max(record.updatedAt, state.updatedAt);
    store(*entity, record);
    if (!newest.isNull())
        m_ledger.clock().observe(newest);
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
