#pragma once

#include "domain/change.h"

#include <string>
#include <vector>

namespace shouwang {

class Ledger;

// Why a received change was not applied; the same codes travel in wire::Error.
enum class MergeRefusal {
    None,
    UnknownEntity,
    UnknownField,
    InvalidValue,
    WrongVillage, // the record exists in another village: ids cannot move between villages
};

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
    explicit MergeEngine(Ledger& ledger)
        : m_ledger(ledger)
    {
    }

    // Checks a change before it is applied: entity, fields, values.
    MergeOutcome check(const Change& change) const;
    // Applies a received change and logs it (origin remote). Idempotent by change id.
    MergeOutcome apply(const Change& change);
    // Recomputes derived columns of everything touched since the last flush; call once
    // per batch, before commit.
    void flushDerived();

private:
    Ledger& m_ledger;
    std::vector<std::string> m_touchedElders;
    bool m_standardChanged = false;
};

} // namespace shouwang
