#pragma once

// A replica for merge tests: a ledger on a real file and its merge engine; changes are
// carried between replicas by hand, in any order.

#include "../store/ledger_fixture.h"

#include "sync/merge_engine.h"

#include <catch2/catch.hpp>

namespace shouwang::test {

struct Replica : LedgerFixture {
    MergeEngine merge{ledger};

    MergeOutcome receive(const Change& change)
    {
        Transaction tx(*db);
        MergeOutcome outcome = merge.apply(change);
        merge.flushDerived();
        tx.commit();
        return outcome;
    }

    Change edit(const std::string& id, const std::string& field, const std::string& value)
    {
        auto r = ledger.get("elder", id);
        r->set(field, value);
        const SaveResult result = ledger.save(*r, "操作员");
        REQUIRE(result.change);
        return *result.change;
    }
};

} // namespace shouwang::test
