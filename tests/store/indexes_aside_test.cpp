// A large snapshot loads the record tables without their secondary indexes
// (store/indexes_aside.h): they must come back whole however the load ends.
#include "ledger_fixture.h"

#include "../support/indexes.h"
#include "../support/people.h"

#include "store/database.h"
#include "store/elder_query.h"
#include "store/indexes_aside.h"
#include "store/meta.h"
#include "store/sqlite_database.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// Every index of the file by name, with its SQL ("" for a table's own key).
std::vector<std::pair<std::string, std::string>> indexes(Database& db)
{
    std::vector<std::pair<std::string, std::string>> out;
    auto st = db.prepare("SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name");
    while (st.step())
        out.emplace_back(st.text(0), st.text(1));
    return out;
}

bool plansWith(Database& db, const std::string& sql, const std::string& index)
{
    auto st = db.prepare("EXPLAIN QUERY PLAN " + sql);
    while (st.step()) {
        if (st.text(3).find(index) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("the record tables' indexes set aside leave only their keys, and come back exactly as they were", "[sqlite]")
{
    LedgerFixture f;
    f.saved(f.elder("张秀英", "11010519491231002X"));
    const auto before = indexes(*f.db);
    REQUIRE(std::count_if(before.begin(), before.end(), [](const auto& i) { return i.first == "elders_list"; }) == 1);

    setIndexesAside(*f.db);
    CHECK(indexesOf(*f.db, "elders") == std::vector<std::string>{"sqlite_autoindex_elders_1"});
    CHECK(indexesOf(*f.db, "visits") == std::vector<std::string>{"sqlite_autoindex_visits_1"});
    // The change log and the sync's own tables are not record tables: theirs stay.
    CHECK(plansWith(*f.db, "SELECT seq FROM change_log WHERE record_id = x'00'", "change_log_record"));
    CHECK(f.ledger.meta().get(meta::kIndexesAside));
    setIndexesAside(*f.db); // already aside: what was kept is not overwritten by nothing
    CHECK_FALSE(f.ledger.meta().value(meta::kIndexesAside).empty());

    // Records still save and load by their key meanwhile.
    const Record saved = f.saved(f.elder("李桂兰", distinctIdNumber(7)));
    CHECK(f.ledger.get("elder", saved.id));

    CHECK(restoreIndexes(*f.db));
    CHECK(indexes(*f.db) == before);
    CHECK_FALSE(f.ledger.meta().get(meta::kIndexesAside));
    CHECK_FALSE(restoreIndexes(*f.db));
    auto check = f.db->prepare("PRAGMA integrity_check");
    REQUIRE(check.step());
    CHECK(check.text(0) == "ok");
    ElderFilter all;
    CHECK(countElders(*f.db, all, today()) == 2);
}

TEST_CASE("indexes set aside by a load the process did not live to finish are back when the file is next opened")
{
    TempDir dir;
    const std::string path = dir.file("ledger.db");
    std::vector<std::pair<std::string, std::string>> before;
    {
        auto db = openLedgerDatabase(path);
        before = indexes(*db);
        setIndexesAside(*db);
        REQUIRE(indexes(*db) != before);
    } // closed with them aside, as a power cut would leave it
    auto db = openLedgerDatabase(path);
    CHECK(indexes(*db) == before);
    CHECK_FALSE(Meta(*db).get(meta::kIndexesAside));
}

TEST_CASE("an index another connection made again first is not an error when the indexes are restored", "[sqlite]")
{
    LedgerFixture f;
    const auto before = indexes(*f.db);
    setIndexesAside(*f.db);
    {
        SqliteDatabase other(f.dir.file("ledger.db"));
        other.exec("CREATE INDEX elders_list ON elders(village_code, name, id, deleted, status, x_flags, "
                   "x_birth_date, x_away_since, x_risk_level, x_visit_due, id_number, phone)");
    }
    CHECK(restoreIndexes(*f.db));
    CHECK(indexes(*f.db) == before);
}

TEST_CASE(
    "opening a ledger while another connection loads a snapshot does not wait for it, and leaves its indexes aside")
{
    TempDir dir;
    const std::string path = dir.file("ledger.db");
    auto loading = openLedgerDatabase(path);
    const std::vector<std::string> made = indexesOf(*loading);
    {
        Transaction first(*loading); // the snapshot's first page, kept
        Meta(*loading).set(meta::kSnapshotAt, "42");
        setIndexesAside(*loading);
        first.commit();
    }
    Transaction group(*loading); // the next group, still being written
    Meta(*loading).set(meta::kSnapshotAfter, "somewhere");

    // Would wait for `group` and give up with "database is locked" if it wrote anything.
    auto other = openLedgerDatabase(path);
    CHECK(Meta(*other).get(meta::kIndexesAside));
    CHECK(indexesOf(*other, "elders") == std::vector<std::string>{"sqlite_autoindex_elders_1"});
    ElderFilter all;
    CHECK(countElders(*other, all, today()) == 0); // answers without them

    group.commit();
    {
        Transaction last(*loading); // the snapshot ends
        Meta(*loading).erase(meta::kSnapshotAt);
        restoreIndexes(*loading);
        last.commit();
    }
    CHECK(indexesOf(*other) == made);
}
