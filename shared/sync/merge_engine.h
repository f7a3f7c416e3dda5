#pragma once

#include "domain/change.h"
#include "domain/record.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

class Ledger;
struct EntityDef;
struct ReceivedLookup;

// Why a received change was not applied; the same codes travel in wire::Error.
enum class MergeRefusal {
    None,
    UnknownEntity,
    UnknownField,
    InvalidValue,
    WrongVillage, // the record exists in another village: ids cannot move between villages
    RecordUnknown,    // (county) an edit of a record whose creation the county refused: kept on the device
    ForeignReference, // (county) a reference to a record of another village
};

// The county's merge is the gate every change passes once; a device's merge takes what the
// county let through. So the county refuses what a device keeps: fields and entities it does
// not know (a device is never newer than its county), edits of records it does not hold,
// references across villages. A device keeps fields it does not know with the change and
// applies them once it is upgraded (reapplyDeferred).
enum class MergeRole { Device, County };

struct MergeOutcome {
    MergeRefusal refusal = MergeRefusal::None;
    std::string message;        // Chinese, for the user or the device that sent it
    bool duplicate = false;     // already applied earlier (same change id)
    int fieldsWritten = 0;      // fields where this change became the winner
    int conflicts = 0;          // concurrent edits it revealed

    bool applied() const { return refusal == MergeRefusal::None; }
};

// The one merge (DESIGN.md §4), used by the server and by every device. Per field the
// higher (HLC, device) wins, so replicas that have seen the same changes hold the same
// ledger whatever the order. An edit made without seeing the current winner, with a
// different value, is concurrent: both values go to the conflict queue.
//
// The caller holds the transaction: a batch is applied in one, with its cursor.
class MergeEngine {
public:
    using KnownField = std::function<bool(std::string_view entity, std::string_view field)>;

    explicit MergeEngine(Ledger& ledger, MergeRole role = MergeRole::Device);

    // Checks a change before it is applied: entity, fields, values.
    MergeOutcome check(const Change& change) const;
    // Applies a received change and logs it (origin remote). Idempotent by change id.
    // `encoded`: the bytes it came in, when they are its encoding (ReceivedChange::bytes),
    // logged as they are; empty: the log encodes it.
    MergeOutcome apply(const Change& change, std::string_view encoded = {});
    // A device beginning from a snapshot (docs/protocol.md, "Snapshot"): merges a record's
    // state as the county holds it, each field by its clock as the changes that made it
    // would merge, and logs nothing: the record's history stays at the county. A state
    // with a field or entity this build does not know is refused (UnknownField or
    // UnknownEntity): it can only be kept as the changes that carry it.
    MergeOutcome applyState(const Record& state);
    // A device: applies what it has learnt to read of changes kept with unknown parts.
    // Returns how many are now applied whole.
    std::size_t reapplyDeferred();
    // Which fields this replica's schema has (default: this build's). Tests stand in an
    // older build with it.
    void setKnownFields(KnownField known) { m_known = std::move(known); }
    // A replica begun from a snapshot read through this place of the county's log: a
    // pulled change up to it that loses to another device's write lost to one the county
    // ordered after it (and found any conflict with), not to a concurrent edit here, so it
    // is not put to the user as a conflict. Concurrent edits made here still are.
    void setSettledThrough(std::uint64_t seq) { m_settledThrough = seq; }
    // While a snapshot is taken, records are written without noting their elders for
    // flushDerived: the caller refreshes every elder's derived columns once at its end.
    void deferDerived() { m_deferDerived = true; }
    // Recomputes derived columns of everything touched since the last flush; call once
    // per batch, before commit.
    void flushDerived();
    // The server undid one push of a group alone (its savepoint): what this merge learnt
    // of the records that push wrote is forgotten.
    void forgetLookups() { m_villages.clear(); }

private:
    bool knows(std::string_view entity, std::string_view field) const;
    bool readsWhole(const Change& change) const;
    MergeOutcome applyChecked(const Change& change, std::string_view encoded);
    // The part of `change` this replica can read; `whole` is false when something is left.
    Change readablePart(const Change& change, bool& whole) const;
    // The field-by-field merge of `change` into its record, as `found` (lookupReceived,
    // store/record_table.h) read it.
    MergeOutcome mergeFields(const Change& change, ReceivedLookup found);
    MergeOutcome checkReferences(const Change& change, const Record* existing, bool creationRefused);
    // The village of the `target` record `id` refers to, if it exists; read once a merge,
    // since a record never moves village: the visits of one elder ask for it once, not
    // once each (a round trip each on PostgreSQL).
    std::optional<std::string> villageOfReferenced(const EntityDef& target, std::string_view id);
    // Writes a merged record and notes what its derived columns depend on.
    void store(const EntityDef& entity, const Record& record);

    Ledger& m_ledger;
    MergeRole m_role;
    KnownField m_known;
    std::vector<std::string> m_touchedElders;
    bool m_standardChanged = false;
    std::uint64_t m_settledThrough = 0;
    bool m_deferDerived = false;
    std::map<std::string, std::string, std::less<>> m_villages; // table and id -> village
};

} // namespace shouwang
