// The elder list's text search follows changes received from other devices.
#include "../store/ledger_fixture.h"

#include "store/elder_query.h"
#include "sync/merge_engine.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using namespace shouwang::test;

namespace {

struct Replica : LedgerFixture {
    MergeEngine merge{ledger};

    void receive(const Change& change)
    {
        Transaction tx(*db);
        merge.apply(change);
        merge.flushDerived();
        tx.commit();
    }

    std::size_t found(const std::string& text)
    {
        ElderFilter f;
        f.text = text;
        const std::size_t rows = findElders(*db, f, today()).size();
        CHECK(countElders(*db, f, today()) == rows);
        return rows;
    }
};

} // namespace

TEST_CASE("received creations and renames and deletions reach the search")
{
    Replica a, b;
    Record r = a.elder("张秀英", "11010519491231002X");
    b.receive(*a.ledger.save(r, "甲").change);
    CHECK(b.found("秀英") == 1);
    CHECK(b.found("1231002X") == 1);

    r = *a.ledger.get("elder", r.id);
    r.set("name", "张桂芳");
    r.set("phone", "13800001234");
    b.receive(*a.ledger.save(r, "甲").change);
    CHECK(b.found("秀英") == 0);
    CHECK(b.found("张") == 1);
    CHECK(b.found("桂芳") == 1);
    CHECK(b.found("0001234") == 1);

    b.receive(*a.ledger.remove("elder", r.id, "甲").change);
    CHECK(b.found("张") == 0);
    CHECK(b.found("0001234") == 0);
}
