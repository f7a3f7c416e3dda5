#pragma once

// Facts read straight from a ledger file, for checks that must not trust the code under
// test: which changes a device made and how they stand, what the server's log holds.

#include "domain/schema.h"
#include "store/change_codec.h"
#include "store/change_log.h"
#include "store/database.h"
#include "store/ledger.h"
#include "store/meta.h"

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace shouwang::test {

// Change ids this replica made itself (origin 0), optionally only those in `state`
// (0 pending, 1 acknowledged, 2 refused; -1 any).
inline std::set<std::string> ownChangeIds(Database& db, int state = -1)
{
    auto st = db.prepare(state < 0 ? "SELECT change_id FROM change_log WHERE origin = 0"
                                   : "SELECT change_id FROM change_log WHERE origin = 0 AND state = ?");
    if (state >= 0)
        st.bind(1, state);
    std::set<std::string> out;
    while (st.step())
        out.insert(st.text(0));
    return out;
}

// Every change id in a log (the server's: everything it stored), with how often it occurs.
inline std::multiset<std::string> allChangeIds(Database& db)
{
    auto st = db.prepare("SELECT change_id FROM change_log");
    std::multiset<std::string> out;
    while (st.step())
        out.insert(st.text(0));
    return out;
}

inline std::string pragmaText(Database& db, const std::string& pragma)
{
    auto st = db.prepare("PRAGMA " + pragma);
    return st.step() ? st.text(0) : std::string{};
}

// The outbox matches the records: every field clock a record carries is the HLC of a logged
// change to that record and field (made here or received). A field written without its
// change, or a change lost while its write stayed, shows up here as "entity/id field hlc".
inline std::vector<std::string> fieldClocksWithoutChange(Database& db, Ledger& ledger)
{
    std::set<std::tuple<std::string, std::string, std::string>> logged;
    auto st = db.prepare("SELECT change_id FROM change_log");
    ChangeLog log(db);
    while (st.step()) {
        if (auto change = log.get(st.text(0))) {
            for (const auto& f : change->change.fields)
                logged.emplace(change->change.recordId, f.name, change->change.hlc.toString());
        }
    }
    const bool snapshotBegun = !ledger.meta().value(meta::kHistoryFrom).empty();
    std::vector<std::string> out;
    for (const EntityDef& entity : entities()) {
        ListFilter all;
        all.includeDeleted = true;
        for (const Record& r : ledger.list(entity.name, all)) {
            for (const auto& [field, hlc] : r.clocks) {
                // A replica begun from a snapshot holds other devices' writes without their
                // changes (docs/protocol.md, "Snapshot"); its own are always logged.
                if (snapshotBegun && hlc.device != ledger.deviceId())
                    continue;
                if (!logged.count({r.id, field, hlc.toString()}))
                    out.push_back(std::string(entity.name) + "/" + r.id + " " + field + " " + hlc.toString());
            }
        }
    }
    return out;
}

} // namespace shouwang::test
