// The ledger's lifecycle repairs (docs/protocol.md, "Lifecycle"): a copy of a ledger file
// that becomes a device of its own and a clock that ran ahead and has been corrected both
// stamp again what waits in the outbox (nothing in it has reached the county under the new
// stamp, so each re-stamped change is a new change with a new id); a change the county
// refused is undone here, so the laptop shows what the county holds.
#include "ledger.h"

#include "conflict_queue.h"
#include "record_table.h"

#include "domain/ids.h"
#include "domain/schema.h"

#include <algorithm>
#include <map>

namespace shouwang {

std::size_t Ledger::restampPending()
{
    const std::vector<Change> outbox = m_changes.pending(static_cast<std::size_t>(INT64_MAX));
    std::map<Hlc, Hlc> moved; // old stamp -> new, for later changes based on an earlier one
    std::vector<std::string> mine = earlierDeviceIds();
    mine.push_back(m_clock.device());
    const std::uint64_t from = m_clock.lastTime();
    std::size_t restamped = 0;
    for (Change change : outbox) {
        // A change sent again after a restore is history the county may hold: it keeps its
        // id and stamp. Only what never reached the county is stamped again.
        if (m_changes.isResend(change.changeId))
            continue;
        const Hlc old = change.hlc;
        for (auto& f : change.fields) {
            if (auto it = moved.find(f.base); it != moved.end())
                f.base = it->second;
        }
        for (const auto& f : change.fields) {
            // A stamp of this ledger's own from above where the re-stamping starts, never
            // sent (a clock that ran ahead): it must not lift the new stamps with it.
            const bool ownAhead = f.base.time > from && std::find(mine.begin(), mine.end(), f.base.device) != mine.end();
            if (!ownAhead)
                m_clock.observe(f.base);
        }
        change.hlc = m_clock.now();
        moved.emplace(old, change.hlc);

        // The record holds the change as any replica will merge it: at its new clock it is
        // the latest write of each of its fields, even of one a received edit had overwritten
        // since (the county files that pair as concurrent).
        if (const EntityDef* entity = findEntity(change.entity)) {
            if (auto record = loadRecord(m_db, *entity, change.recordId)) {
                for (const auto& f : change.fields) {
                    auto clock = record->clocks.find(f.name);
                    if (clock != record->clocks.end() && clock->second != old && change.hlc < clock->second)
                        continue; // a later write (not this change's old stamp) stands
                    if (f.name == kDeletedField)
                        record->deleted = f.value == "1";
                    else
                        record->set(f.name, f.value);
                    record->clocks.insert_or_assign(f.name, change.hlc);
                }
                writeRecord(m_db, *entity, *record);
                for (const auto& elder : m_derived.affectedElders(*record))
                    m_derived.refresh(elder);
            }
        }
        m_changes.remove(change.changeId);
        ++restamped;
        change.changeId = newUuid();
        change.seq = 0;
        m_changes.append(change, ChangeOrigin::Local);
    }
    m_meta.set(meta::kClock, std::to_string(m_clock.lastTime()));
    return restamped;
}

std::vector<std::string> Ledger::earlierDeviceIds()
{
    std::vector<std::string> ids;
    const std::string all = m_meta.value(meta::kEarlierDeviceIds);
    std::string_view rest = all;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        ids.emplace_back(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    return ids;
}

void Ledger::adoptIdentity(const std::string& id)
{
    const std::string earlier = m_meta.value(meta::kEarlierDeviceIds);
    const std::string current = m_meta.value(meta::kDeviceId);
    if (!current.empty() && current != id)
        m_meta.set(meta::kEarlierDeviceIds, earlier.empty() ? current : earlier + "," + current);
    m_meta.set(meta::kDeviceId, id);
    m_clock.setDevice(id);
    restampPending();
}

void Ledger::rewindClock(std::uint64_t time)
{
    m_clock.rewind(time);
    restampPending();
    // Whatever restampPending issued is at or above `time`; nothing else lifts it again.
    m_meta.set(meta::kClock, std::to_string(m_clock.lastTime()));
}

namespace {

// The newest write of `field` in `history` that the county did not refuse.
const LoggedChange* standingWrite(const std::vector<LoggedChange>& history, std::string_view field)
{
    const LoggedChange* best = nullptr;
    for (const auto& logged : history) {
        if (logged.state == ChangeState::Refused)
            continue;
        const bool writes = std::any_of(logged.change.fields.begin(), logged.change.fields.end(),
                                        [&](const FieldChange& f) { return f.name == field; });
        if (writes && (!best || best->change.hlc < logged.change.hlc))
            best = &logged;
    }
    return best;
}

} // namespace

void Ledger::undoRefused(std::string_view changeId)
{
    const auto refused = m_changes.get(changeId);
    const EntityDef* entity = refused ? findEntity(refused->change.entity) : nullptr;
    if (!entity || refused->origin != ChangeOrigin::Local)
        return;
    const Change& change = refused->change;
    std::vector<LoggedChange> history = m_changes.history(change.recordId);

    // A refused creation holds back what was written on top of it: those edits cannot
    // stand at the county either, and stay listed with the reason, to be entered again.
    const bool creation = std::none_of(history.begin(), history.end(), [&](const LoggedChange& l) {
        return l.state != ChangeState::Refused && l.change.hlc < change.hlc;
    });
    if (creation) {
        for (const auto& later : history) {
            if (later.origin == ChangeOrigin::Local && later.state == ChangeState::Pending)
                m_changes.markRefused(later.change.changeId, refused->errorCode,
                                      "这条记录的新建未被区县接收（" + refused->errorMessage
                                          + "），这条修改随之暂停上传；请改正后重新录入");
        }
        history = m_changes.history(change.recordId);
    }

    auto record = loadRecord(m_db, *entity, change.recordId);
    if (!record)
        return;
    const bool anyStanding = std::any_of(history.begin(), history.end(),
                                         [](const LoggedChange& l) { return l.state != ChangeState::Refused; });
    std::vector<std::string> elders = m_derived.affectedElders(*record);
    if (!anyStanding) {
        // The county never held the record: it goes from this laptop too. What was typed
        // stays in the refused changes, shown with their reasons.
        record->deleted = true;
        writeRecord(m_db, *entity, *record);
        for (const auto& elder : elders)
            m_derived.refresh(elder);
        eraseRecord(m_db, *entity, change.recordId);
        return;
    }
    for (const auto& f : change.fields) {
        auto clock = record->clocks.find(f.name);
        if (clock == record->clocks.end() || clock->second != change.hlc)
            continue; // a later write stands over the refused one
        const LoggedChange* standing = standingWrite(history, f.name);
        const FieldChange* value = nullptr;
        if (standing) {
            for (const auto& g : standing->change.fields)
                value = g.name == f.name ? &g : value;
        }
        if (f.name == kDeletedField)
            record->deleted = value && value->value == "1";
        else
            record->set(f.name, value ? value->value : std::string{});
        if (value)
            clock->second = standing->change.hlc;
        else
            record->clocks.erase(clock);
    }
    writeRecord(m_db, *entity, *record);
    for (auto& elder : m_derived.affectedElders(*record))
        elders.push_back(std::move(elder));
    for (const auto& elder : elders)
        m_derived.refresh(elder);
}

} // namespace shouwang
