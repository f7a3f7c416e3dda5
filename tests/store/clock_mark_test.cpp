// The clock's high-water mark (meta hlc_last) is written once per transaction, as it
// commits (Meta::setAtCommit), yet every read on the connection sees it at once: a batch of
// saves, two ledgers on one connection, a rollback and a clock set back inside the batch.
#include "ledger_fixture.h"

#include "store/meta.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using namespace shouwang::test;

namespace {

std::uint64_t storedMark(Database& db)
{
    return std::stoull(Meta(db).value(meta::kClock, "0"));
}

Record volunteer(int i)
{
    Record r;
    r.entity = "volunteer";
    r.villageCode = kVillage;
    r.set("name", "志愿者" + std::to_string(i));
    r.set("kind", "volunteer");
    return r;
}

} // namespace

TEST_CASE("a transaction of many saves writes the clock's mark once, as it commits", "[sqlite]")
{
    LedgerFixture f;
    // Counts every write of the mark's row; a TEMP trigger is this connection's alone.
    f.db->exec("CREATE TEMP TABLE mark_writes (n INTEGER)");
    f.db->exec("CREATE TEMP TRIGGER count_mark_inserts AFTER INSERT ON main.meta WHEN new.key = 'hlc_last' "
               "BEGIN INSERT INTO mark_writes VALUES (1); END");
    f.db->exec("CREATE TEMP TRIGGER count_mark_updates AFTER UPDATE ON main.meta WHEN new.key = 'hlc_last' "
               "BEGIN INSERT INTO mark_writes VALUES (1); END");
    const auto writes = [&] {
        Statement st = f.db->prepare("SELECT count(*) FROM mark_writes");
        st.step();
        return st.integer(0);
    };

    Hlc last;
    {
        Transaction tx(*f.db);
        for (int i = 0; i < 50; ++i) {
            Record r = volunteer(i);
            last = f.ledger.save(r, "x").change->hlc;
        }
        CHECK(writes() == 0);
        CHECK(storedMark(*f.db) == last.time); // read on this connection before the commit
        tx.commit();
    }
    CHECK(writes() == 1);

    // A save on its own is its own transaction: its mark is written as it commits.
    Record r = volunteer(99);
    const Hlc single = f.ledger.save(r, "x").change->hlc;
    CHECK(writes() == 2);
    CHECK(last < single);

    // What another connection (the next start of the program) reads.
    auto again = openLedgerDatabase(f.dir.file("ledger.db"));
    CHECK(storedMark(*again) == single.time);
    Ledger reopened(*again);
    CHECK(single < reopened.clock().now());
}

TEST_CASE("two ledgers on one connection stamp in order inside one transaction")
{
    LedgerFixture f;
    Ledger other(*f.db); // the sync worker's ledger beside the form's, say
    Transaction tx(*f.db);
    Record a = volunteer(1);
    const Hlc first = f.ledger.save(a, "x").change->hlc;
    Record b = volunteer(2);
    const Hlc second = other.save(b, "x").change->hlc;
    Record c = volunteer(3);
    const Hlc third = f.ledger.save(c, "x").change->hlc;
    CHECK(first < second);
    CHECK(second < third);
    tx.commit();
    CHECK(storedMark(*f.db) == third.time);
}

TEST_CASE("a transaction rolled back leaves the stored mark as it was")
{
    LedgerFixture f;
    Record r = volunteer(0);
    const Hlc before = f.ledger.save(r, "x").change->hlc;
    {
        Transaction tx(*f.db);
        for (int i = 1; i < 5; ++i) {
            Record more = volunteer(i);
            f.ledger.save(more, "x");
        }
        CHECK(before.time < storedMark(*f.db));
    } // left without commit
    CHECK(storedMark(*f.db) == before.time);
    Record after = volunteer(9);
    CHECK(before < f.ledger.save(after, "x").change->hlc);
    CHECK(f.ledger.count("volunteer") == 2);
}

TEST_CASE("a clock set back inside a transaction stands at its commit, not the mark saves set before")
{
    LedgerFixture f;
    Hlc ahead;
    std::uint64_t rewound = 0;
    {
        Transaction tx(*f.db);
        // Saves stamped by a clock that ran an hour ahead, and stored its mark there.
        const std::uint64_t hourAhead = static_cast<std::uint64_t>(HybridClock::systemMillis() + 3600 * 1000)
            << Hlc::kCounterBits;
        Meta(*f.db).set(meta::kClock, std::to_string(hourAhead));
        for (int i = 0; i < 3; ++i) {
            Record r = volunteer(i);
            ahead = f.ledger.save(r, "x").change->hlc;
        }
        REQUIRE(storedMark(*f.db) == ahead.time);
        // The repair sets it back to now and stamps the outbox again from there.
        const std::uint64_t now = static_cast<std::uint64_t>(HybridClock::systemMillis()) << Hlc::kCounterBits;
        f.ledger.rewindClock(now);
        rewound = storedMark(*f.db);
        CHECK(rewound < ahead.time);
        tx.commit();
    }
    CHECK(storedMark(*f.db) == rewound); // the row itself now: nothing is left for a commit
    for (const Change& change : f.ledger.changeLog().pending(100))
        CHECK(change.hlc.time <= rewound);
}
