#include "ledger_fixture.h"
#include "../support/people.h"

#include "domain/schema.h"
#include "store/delivery_state.h"
#include "store/elder_query.h"
#include "store/migrations.h"
#include "store/report_queries.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// What SQLite will do for `sql`: the detail column of EXPLAIN QUERY PLAN, one step a line.
std::string planOf(Database& db, const std::string& sql, const std::vector<std::string>& params)
{
    auto plan = db.prepare("EXPLAIN QUERY PLAN " + sql);
    for (std::size_t i = 0; i < params.size(); ++i)
        plan.bind(static_cast<int>(i + 1), params[i]);
    std::string steps;
    while (plan.step())
        steps += plan.text(3) + "\n";
    return steps;
}

// The first page a record list opens on (RecordTableModel: the county's records, newest first).
ListFilter newestFirstPage()
{
    ListFilter page;
    page.villagePrefix = "500154";
    page.orderBy = "created_at";
    page.descending = true;
    page.limit = 500;
    return page;
}

} // namespace

TEST_CASE("every record list's first page walks its table's created_at index, never a scan and sort of the table",
          "[sqlite]")
{
    LedgerFixture f;
    f.saved(f.elder("张秀英", "11010519491231002X"));
    for (const auto& entity : entities()) {
        std::vector<std::string> params;
        const std::string steps = planOf(*f.db, listQuery(entity, newestFirstPage(), params), params);
        INFO(entity.name << ":\n" << steps);
        // Without the index SQLite reads every row and sorts them ("USE TEMP B-TREE FOR ORDER BY"):
        // at 100,000 elders that made the client's cold start from disk 16.7 s.
        CHECK(steps.find("INDEX " + std::string(entity.table) + "_created") != std::string::npos);
        CHECK(steps.find("TEMP B-TREE") == std::string::npos);
    }
}

TEST_CASE("a record list pages through records stored in the same second without losing or repeating one")
{
    LedgerFixture f;
    for (int i = 0; i < 7; ++i)
        f.saved(f.elder("老人" + std::to_string(i), distinctIdNumber(i)));
    // One second for all (SQLite keeps the time as text, PostgreSQL as a number: as stored).
    f.db->exec("UPDATE elders SET created_at = (SELECT min(created_at) FROM elders)");
    ListFilter page = newestFirstPage();
    page.limit = 3;
    std::vector<std::string> seen;
    for (page.offset = 0; page.offset < 9; page.offset += page.limit) {
        for (const Record& r : f.ledger.list("elder", page))
            seen.push_back(r.id);
    }
    CHECK(seen.size() == 7);
    std::sort(seen.begin(), seen.end());
    CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end());
}

TEST_CASE("a ledger of schema version 4 gets the record lists' created_at index when opened")
{
    TempDir dir;
    const std::string path = dir.file("old.db");
    {
        SqliteDatabase db(path);
        migrate(db, 4);
        db.exec("DROP INDEX IF EXISTS visits_created"); // as release 4 left it
    }
    auto db = openLedgerDatabase(path);
    CHECK(schemaVersionOf(*db) == kSchemaVersion);
    auto st = db->prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'visits_created'");
    REQUIRE(st.step());
    CHECK(st.integer(0) == 1);
}

TEST_CASE("a record list of one elder's records still finds them by the elder's index", "[sqlite]")
{
    LedgerFixture f;
    ListFilter page = newestFirstPage();
    page.equals = {{"elder_id", "some-elder"}};
    std::vector<std::string> params;
    const std::string steps = planOf(*f.db, listQuery(*findEntity("visit"), page, params), params);
    INFO(steps);
    CHECK(steps.find("INDEX visits_elder_id") != std::string::npos);
}

TEST_CASE("the records of one entity waiting to be sent are looked up in the outbox's entity index", "[sqlite]")
{
    LedgerFixture f;
    const std::string steps = planOf(*f.db, std::string(kAwaitingUploadQuery), {"incident"});
    INFO(steps);
    // Not the outbox's own index: on a ledger never synced that walks every change it holds.
    CHECK(steps.find("change_log_outbox_entity") != std::string::npos);
    CHECK(steps.find("TEMP B-TREE") == std::string::npos);
}

TEST_CASE("the outbox is still read in sequence from its own index beside the entity index", "[sqlite]")
{
    LedgerFixture f;
    const std::string steps = planOf(
        *f.db, "SELECT payload, seq FROM change_log WHERE origin = 0 AND state = 0 ORDER BY seq LIMIT ?", {"500"});
    INFO(steps);
    CHECK(steps.find("change_log_outbox ") != std::string::npos);
    CHECK(steps.find("TEMP B-TREE") == std::string::npos);
}

TEST_CASE("the ledger page sorted by next visit due walks the due-date index, never a sort of the scope's elders",
          "[sqlite]")
{
    LedgerFixture f;
    f.saved(f.elder("张秀英", "11010519491231002X"));
    ElderFilter sorted; // as the ledger page asks: the county's elders on the register, by next visit due
    sorted.villagePrefix = "500154";
    sorted.status = "active";
    sorted.sortColumn = "visitDue";
    sorted.limit = 500;
    std::vector<std::string> params;
    const std::string steps = planOf(*f.db, elderPageQuery(*f.db, sorted, today(), params), params);
    INFO(steps);
    CHECK(steps.find("INDEX elders_visit_due") != std::string::npos);
    CHECK(steps.find("TEMP B-TREE FOR ORDER BY") == std::string::npos); // ties by id: "RIGHT PART" only

    ElderFilter listOrder = sorted; // the ledger's own order stays on its covering index
    listOrder.sortColumn.clear();
    params.clear();
    const std::string listSteps = planOf(*f.db, elderPageQuery(*f.db, listOrder, today(), params), params);
    INFO(listSteps);
    CHECK(listSteps.find("elders_list") != std::string::npos);
    CHECK(listSteps.find("TEMP B-TREE") == std::string::npos);
}

TEST_CASE("the key targets behind the supporters to urge are read from the elder list index alone", "[sqlite]")
{
    LedgerFixture f;
    ElderFilter keyTargets; // as urgingDue asks
    keyTargets.villagePrefix = "500154";
    keyTargets.status = "active";
    keyTargets.flags = ElderFilter::KeyTarget;
    std::vector<std::string> params;
    const std::string steps = planOf(*f.db, elderNamesQuery(*f.db, keyTargets, today(), params), params);
    INFO(steps);
    CHECK(steps.find("COVERING INDEX elders_list") != std::string::npos); // never the 60-column rows
    CHECK(steps.find("TEMP B-TREE") == std::string::npos);
}

TEST_CASE("which elders have a supporter is read from the index of live supporters alone", "[sqlite]")
{
    LedgerFixture f;
    const std::string steps = planOf(*f.db, std::string(kEldersWithSupportersQuery), {});
    INFO(steps);
    CHECK(steps.find("COVERING INDEX supporters_live") != std::string::npos); // never the supporters' rows
}
