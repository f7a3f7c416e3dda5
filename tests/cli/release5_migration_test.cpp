// Files made by release 5 (schema version 5: a change log with text ids, text clocks, an
// operator column and a text time beside the change's bytes), opened by this release. The
// migration to the lean change log (schema version 6, issue 19) keeps every change, its
// place in the log and its state, and a county and its laptops sync on as before.
// The files are in tests/data/release-5 (its README says how they were made).

#include "county_fixture.h"

#include "../reliability/ledger_facts.h"

#include "store/elder_query.h"
#include "store/migrations.h"
#include "store/record_table.h"
#include "sync/gzip.h"

#include <fstream>
#include <iterator>
#include <map>
#include <set>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr int kVillageAChanges = 414; // 241 acknowledged, 85 received, 88 waiting to be sent
constexpr int kVillageAPending = 88;
constexpr int kCountyChanges = 326;

// A release-5 file, unpacked into `dir` under `name`.
std::string fixture(const TempDir& dir, const std::string& name)
{
    std::ifstream in(std::string(SHOUWANG_TEST_DATA_DIR) + "/release-5/" + name + ".gz", std::ios::binary);
    REQUIRE(in);
    const std::string packed{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto bytes = gzip::decompress(packed, 64u << 20);
    REQUIRE(bytes);
    const std::string path = dir.file(name);
    std::ofstream(path, std::ios::binary) << *bytes;
    return path;
}

// One row of a release-5 change log, read as that release kept it.
struct OldRow {
    std::int64_t seq = 0;
    std::string changeId, recordId, hlc, device, operatorName, loggedAt, payload;
    int origin = 0, state = 0;
};

std::vector<OldRow> oldRows(Database& db)
{
    auto st
        = db.prepare("SELECT seq, change_id, record_id, hlc, device_id, operator, logged_at, payload, origin, state "
                     "FROM change_log ORDER BY seq");
    std::vector<OldRow> rows;
    while (st.step()) {
        rows.push_back({st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6),
                        st.blob(7), static_cast<int>(st.integer(8)), static_cast<int>(st.integer(9))});
    }
    return rows;
}

std::int64_t logSequence(Database& db)
{
    auto st = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'");
    return st.step() ? st.integer(0) : -1;
}

std::set<std::string> columnsOf(Database& db, const std::string& table)
{
    auto st = db.prepare("SELECT name FROM pragma_table_info(?)");
    st.bind(1, table);
    std::set<std::string> names;
    while (st.step())
        names.insert(st.text(0));
    return names;
}

// Every value of every row of every table that is not the change log (a table's columns
// in its order, rows by rowid), as text: what the file says, whichever form it keeps it in.
using Rows = std::map<std::string, std::vector<std::vector<std::string>>>;

Rows recordRows(Database& db)
{
    Rows rows;
    for (const auto& entity : entities()) {
        const std::string table(entity.table);
        std::vector<std::string> names;
        for (const auto& name : columnsOf(db, table)) {
            if (!name.starts_with("x_")) // derived: computed again by the upgrade
                names.push_back(name);
        }
        std::string columns;
        for (const auto& name : names)
            columns += (columns.empty() ? "" : ", ") + name;
        auto st = db.prepare("SELECT " + columns + " FROM " + table + " ORDER BY rowid");
        while (st.step()) {
            std::vector<std::string> row;
            for (int i = 0; i < st.columnCount(); ++i) {
                const std::string name = st.columnName(i);
                row.push_back(st.isNull(i)                                       ? "NULL"
                                  : name == "created_at" || name == "updated_at" ? timeOfRow(st, i)
                                                                                 : st.text(i));
            }
            rows[table].push_back(std::move(row));
        }
    }
    return rows;
}

// Columns of ordinary tables still holding a UUID as its 36 characters.
std::vector<std::string> idsKeptAsText(Database& db)
{
    std::vector<std::string> out;
    auto tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND "
                             "sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'elder_fts%'");
    while (tables.step()) {
        const std::string table = tables.text(0);
        for (const auto& column : columnsOf(db, table)) {
            auto st = db.prepare("SELECT count(*) FROM " + table + " WHERE typeof(" + column
                                 + ") = 'text' AND "
                                   "length("
                                 + column + ") = 36 AND key_of_id(" + column + ") <> " + column);
            if (st.step() && st.integer(0) > 0)
                out.push_back(table + "." + column);
        }
    }
    return out;
}

} // namespace

TEST_CASE("every id in a release-5 file is kept as its 16 bytes and every time as an integer after the upgrade, and "
          "every row reads as it did")
{
    TempDir dir;
    for (const std::string name : {"county.db", "village-a.db"}) {
        const std::string path = fixture(dir, name);
        Rows before;
        {
            SqliteDatabase raw(path);
            before = recordRows(raw);
            CHECK_FALSE(idsKeptAsText(raw).empty());
        }
        auto db = openLedgerDatabase(path);
        Rows after = recordRows(*db);
        for (auto& [table, rows] : after) {
            for (auto& row : rows)
                row.resize(before[table].empty() ? row.size() : before[table].front().size()); // columns added since
        }
        CHECK(after == before);
        // A list of ids (a pairing's 帮扶人) is text SQL searches in; every other id a key.
        for (const std::string& column : idsKeptAsText(*db)) {
            INFO(column);
            const auto dot = column.find('.');
            const EntityDef* entity = nullptr;
            for (const auto& e : entities())
                entity = e.table == column.substr(0, dot) ? &e : entity;
            const FieldDef* field = entity ? entity->field(column.substr(dot + 1)) : nullptr;
            CHECK((field && field->type == FieldType::RefList));
        }
        auto types
            = db->prepare("SELECT DISTINCT typeof(id), length(id), typeof(created_at), typeof(updated_at) FROM elders");
        REQUIRE(types.step());
        CHECK(types.text(0) == "blob");
        CHECK(types.integer(1) == 16);
        CHECK(types.text(2) == "integer");
        CHECK(types.text(3) == "integer");
        CHECK_FALSE(types.step());
        // The table was made again: its indexes and its search index are whole.
        auto list = db->prepare("SELECT 1 FROM sqlite_schema WHERE name IN ('elders_list', 'elders_search', "
                                "'elders_created', 'elders_village', 'elders_id_number')");
        int indexes = 0;
        while (list.step())
            ++indexes;
        CHECK(indexes == 5);

        // A reference's index holds only the rows that have one; the elders' second index
        // of their household is gone.
        auto index = db->prepare("SELECT sql FROM sqlite_schema WHERE name = 'visits_campaign_id'");
        REQUIRE(index.step());
        CHECK(index.text(0).ends_with("WHERE campaign_id IS NOT NULL"));
        CHECK_FALSE(db->prepare("SELECT 1 FROM sqlite_schema WHERE name = 'elders_household'").step());

        // Found by id, by a reference and by a search, as before.
        Ledger ledger(*db);
        const auto visits = ledger.list("visit", {});
        REQUIRE_FALSE(visits.empty());
        const auto elder = ledger.get("elder", visits.front().value("elder_id"));
        REQUIRE(elder);
        ListFilter ofElder;
        ofElder.equals.emplace_back("elder_id", elder->id);
        const auto hisVisits = ledger.list("visit", ofElder);
        CHECK(std::any_of(hisVisits.begin(), hisVisits.end(),
                          [&](const Record& v) { return v.id == visits.front().id; }));
        ElderFilter byName;
        byName.text = elder->value("name");
        const auto found = findElders(*db, byName, today());
        CHECK(std::any_of(found.begin(), found.end(), [&](const ElderRow& e) { return e.id == elder->id; }));
        ElderFilter ofHousehold;
        ofHousehold.householdId = elder->value("household_id");
        if (!ofHousehold.householdId.empty())
            CHECK(countElders(*db, ofHousehold, today()) >= 1);
    }
}

TEST_CASE("a village laptop's ledger from release 5 keeps every change of its log, in place and state, when opened")
{
    TempDir dir;
    const std::string path = fixture(dir, "village-a.db");
    std::vector<OldRow> old;
    std::int64_t oldSequence = 0;
    std::string relayed, deferred;
    {
        SqliteDatabase raw(path); // as it is: no migration
        REQUIRE(schemaVersionOf(raw) == 5);
        old = oldRows(raw);
        oldSequence = logSequence(raw);
        // A relay to a restored county and a change kept for a later upgrade, named by text id
        // as release 5 named them.
        for (const OldRow& row : old) {
            if (row.origin == 1 && relayed.empty())
                relayed = row.changeId;
            else if (row.origin == 1 && deferred.empty())
                deferred = row.changeId;
        }
        raw.prepare("INSERT INTO relay (change_id) VALUES (?)").bindText(1, relayed).run();
        raw.prepare("INSERT INTO deferred_changes (change_id) VALUES (?)").bindText(1, deferred).run();
    }
    REQUIRE(old.size() == kVillageAChanges);

    auto db = openLedgerDatabase(path);
    Ledger ledger(*db);
    ChangeLog& log = ledger.changeLog();
    CHECK(schemaVersionOf(*db) == kSchemaVersion);
    CHECK(logSequence(*db) == oldSequence);
    CHECK(log.lastSeq() == static_cast<std::uint64_t>(old.back().seq));

    std::size_t same = 0;
    for (const OldRow& row : old) {
        const auto now = log.get(row.changeId);
        REQUIRE(now);
        const bool kept = now->change.seq == static_cast<std::uint64_t>(row.seq) && now->change.changeId == row.changeId
            && now->change.recordId == row.recordId && now->change.hlc.toString() == row.hlc
            && now->change.hlc.device == row.device && now->change.operatorName == row.operatorName
            && now->loggedAt == row.loggedAt && static_cast<int>(now->origin) == row.origin
            && static_cast<int>(now->state) == row.state;
        if (!kept)
            FAIL_CHECK("changed in the migration: seq " << row.seq << " " << row.changeId << " " << row.loggedAt
                                                        << " -> " << now->loggedAt);
        same += kept ? 1 : 0;
    }
    CHECK(same == old.size());
    auto payloads = db->prepare("SELECT payload FROM change_log ORDER BY seq");
    for (const OldRow& row : old) {
        REQUIRE(payloads.step());
        CHECK(payloads.blob(0) == row.payload); // the change's bytes, as they were
    }
    CHECK(log.pendingCount() == kVillageAPending);

    // A record's history and who made each change come from the migrated log.
    const OldRow& first = old.front();
    const auto history = log.history(first.recordId);
    std::vector<std::string> expected;
    for (const OldRow& row : old) {
        if (row.recordId == first.recordId)
            expected.push_back(row.hlc);
    }
    std::sort(expected.begin(), expected.end());
    std::vector<std::string> got;
    for (const auto& h : history)
        got.push_back(h.change.hlc.toString());
    CHECK(got == expected);
    CHECK(log.operatorOf(first.recordId, *Hlc::parse(first.hlc)) == first.operatorName);

    // The relay and the deferred change still name their changes.
    const auto outgoing = log.outgoing(1000);
    CHECK(std::any_of(outgoing.begin(), outgoing.end(), [&](const Change& c) { return c.changeId == relayed; }));
    CHECK(log.endRelay(relayed));
    const auto waiting = log.deferred();
    REQUIRE(waiting.size() == 1);
    CHECK(waiting.front().changeId == deferred);

    // The lean form itself: the operator and the text clock are gone, ids are 16 bytes.
    const auto columns = columnsOf(*db, "change_log");
    CHECK(columns.count("operator") == 0);
    auto types
        = db->prepare("SELECT DISTINCT typeof(change_id), length(change_id), typeof(record_id), typeof(device_id), "
                      "typeof(hlc), typeof(logged_at) FROM change_log");
    REQUIRE(types.step());
    CHECK(types.text(0) == "blob");
    CHECK(types.integer(1) == 16);
    CHECK(types.text(2) == "blob");
    CHECK(types.text(3) == "blob");
    CHECK(types.text(4) == "integer");
    CHECK(types.text(5) == "integer");
    CHECK_FALSE(types.step());
}

TEST_CASE("a county and its two laptops from release 5 sync on after the upgrade, nothing sent or pulled twice")
{
    TempDir dir;
    const std::string countyDb = fixture(dir, "county.db");
    fixture(dir, "village-a.db");
    fixture(dir, "village-b.db");
    ServerProcess server{SHOUWANG_SERVER_EXE, countyDb, dir.path().string()};
    server.start(); // the server migrates the county's file as it opens it

    Device a(dir, "village-a");
    Device b(dir, "village-b");
    const std::size_t bLogged = ownChangeIds(*b.db).size();
    for (Device* d : {&a, &b})
        d->ledger->meta().set(meta::kServerUrl, server.url());
    REQUIRE(a.ledger->changeLog().pendingCount() == kVillageAPending);

    const SyncReport fromA = a.sync();
    INFO(fromA.error.message);
    REQUIRE(fromA.ok());
    CHECK(fromA.pushed == kVillageAPending);
    CHECK(fromA.pulled == 0); // A had everything the county holds
    CHECK(a.ledger->changeLog().pendingCount() == 0);

    const SyncReport fromB = b.sync();
    INFO(fromB.error.message);
    REQUIRE(fromB.ok());
    CHECK(fromB.pushed == 0);
    CHECK(fromB.pulled == kVillageAPending); // only what A sent since: nothing pulled again
    CHECK(ownChangeIds(*b.db).size() == bLogged);

    server.stop();
    auto county = openLedgerDatabase(countyDb);
    const auto ids = allChangeIds(*county);
    CHECK(ids.size() == kCountyChanges + kVillageAPending);
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size()); // none stored twice
    Ledger countyLedger(*county);
    const auto inCounty = snapshot(countyLedger, kVillageA);
    CHECK(snapshot(*a.ledger, kVillageA) == inCounty);
    CHECK(snapshot(*b.ledger, kVillageA) == inCounty);
}
