#include "../support/temp_postgres.h"

#include "postgres/pg_database.h"
#include "postgres/pg_migrations.h"
#include "postgres/pg_schema.h"
#include "store/change_log.h"
#include "store/conflict_queue.h"
#include "store/meta.h"

#include "domain/ids.h"
#include "postgres/pg_sql.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace shouwang;
using namespace shouwang::test;
using namespace std::chrono_literals;

namespace {

constexpr const char* kId = "0192f1a2-b3c4-7def-8123-456789abcdef";

// The smallest log that shows how pulls read it: a place, the county it is filed in, and
// a value. `seq` is taken from a sequence when the row is inserted, as the store's is.
void makeLog(pg::Database& db)
{
    db.exec("CREATE TABLE log (seq bigserial PRIMARY KEY, county integer NOT NULL, value text NOT NULL)");
}

void append(pg::Database& db, int county, const std::string& value)
{
    db.prepare("INSERT INTO log (county, value) VALUES (?, ?)").bind(1, county).bind(2, value).run();
}

// One pull: the county's rows after `cursor`, in log order; the cursor moves to the last.
std::vector<std::string> pull(pg::Database& db, int county, std::int64_t& cursor)
{
    auto st = db.prepare("SELECT seq, value FROM log WHERE county = ? AND seq > ? ORDER BY seq");
    st.bind(1, county).bind(2, cursor);
    std::vector<std::string> values;
    while (st.step()) {
        cursor = st.integer(0);
        values.push_back(st.text(1));
    }
    return values;
}

} // namespace

TEST_CASE("a statement in the store's spelling is written in PostgreSQL's")
{
    CHECK(pg::postgresSql("SELECT a FROM t WHERE b = ? AND c = ?") == "SELECT a FROM t WHERE b = $1 AND c = $2");
    // SQLite numbers a bare ? one above the highest so far; ?N keeps its number.
    CHECK(pg::postgresSql("SELECT ?2, ?1, ?") == "SELECT $2, $1, $3");
    // Quotes and comments are text, not parameters.
    CHECK(pg::postgresSql("SELECT '?', \"a?\" -- why?\n, ?") == "SELECT '?', \"a?\" -- why?\n, $1");
    CHECK(pg::postgresSql("  insert  or ignore into relay (change_id) VALUES (?);")
          == "INSERT INTO relay (change_id) VALUES ($1) ON CONFLICT DO NOTHING");
    CHECK_THROWS_AS(pg::postgresSql("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"), std::invalid_argument);
}

TEST_CASE("ids are kept as their 16 bytes in PostgreSQL too, and read back as ids")
{
    TempPostgres server;
    pg::Database db(server.url());
    db.exec("CREATE TABLE visits (id bytea PRIMARY KEY, visitor text, created_at bigint, note text)");

    db.prepare("INSERT INTO visits (id, visitor, created_at, note) VALUES (?, ?, ?, ?)")
        .bind(1, kId)
        .bind(2, "县社工站孙斌")
        .bind(3, std::int64_t{1796311668})
        .bindNull(4)
        .run();
    CHECK(db.changes() == 1);

    auto length = db.prepare("SELECT length(id) FROM visits");
    REQUIRE(length.step());
    CHECK(length.integer(0) == 16); // the key, not the 36 characters

    auto st = db.prepare("SELECT id, visitor, created_at, note FROM visits WHERE id = ?");
    st.bind(1, kId);
    REQUIRE(st.step());
    CHECK(st.text(0) == kId);
    CHECK(st.isBlob(0));
    CHECK(st.blob(0).size() == 16);
    CHECK(st.text(1) == "县社工站孙斌");
    CHECK(st.integer(2) == 1796311668);
    CHECK(st.isInteger(2));
    CHECK(st.isNull(3));
    CHECK(st.columnName(1) == "visitor");
    CHECK_FALSE(st.step());

    // A text column keeps an id as its text: only bytea parameters take keys.
    auto text = db.prepare("SELECT ? || ''");
    text.bindText(1, kId);
    REQUIRE(text.step());
    CHECK(text.text(0) == kId);
}

TEST_CASE("INSERT OR IGNORE keeps the row that was there, on PostgreSQL as on SQLite")
{
    TempPostgres server;
    pg::Database db(server.url());
    db.exec("CREATE TABLE relay (change_id bytea PRIMARY KEY, note text)");
    auto& insert = db.cached("INSERT OR IGNORE INTO relay (change_id, note) VALUES (?, ?)");
    insert.bind(1, kId).bind(2, "first").run();
    CHECK(db.changes() == 1);
    db.cached("INSERT OR IGNORE INTO relay (change_id, note) VALUES (?, ?)").bind(1, kId).bind(2, "second").run();
    CHECK(db.changes() == 0);
    auto st = db.prepare("SELECT note FROM relay");
    REQUIRE(st.step());
    CHECK(st.text(0) == "first");

    // A statement taken again from the cache starts unbound, as SQLite's does.
    auto& bound = db.cached("SELECT CAST(? AS text) IS NULL");
    bound.bindText(1, "x");
    REQUIRE(bound.step());
    CHECK(bound.integer(0) == 0);
    auto& again = db.cached("SELECT CAST(? AS text) IS NULL");
    REQUIRE(again.step());
    CHECK(again.integer(0) == 1);
}

TEST_CASE("a transaction left without commit writes nothing, and a savepoint undoes only its own writes")
{
    TempPostgres server;
    pg::Database db(server.url());
    makeLog(db);
    {
        Transaction tx(db);
        append(db, 500154, "kept");
        {
            Transaction inner(db);
            append(db, 500154, "undone");
        } // left without commit: rolled back to its savepoint
        tx.commit();
    }
    {
        Transaction tx(db);
        append(db, 500154, "never");
    }
    std::int64_t cursor = 0;
    CHECK(pull(db, 500154, cursor) == std::vector<std::string>{"kept"});
    CHECK_FALSE(db.inTransaction());

    // A failed statement aborts the transaction: its commit must not pass for one.
    Transaction broken(db);
    CHECK_THROWS_AS(db.exec("SELECT no_such_column FROM log"), StoreError);
    CHECK_THROWS_AS(broken.commit(), StoreError);
}

// Statement::send: the insert goes into the pipeline and is answered with the next statement.
void sendValue(pg::Database& db, int county, const std::string& value)
{
    db.cached("INSERT INTO log (county, value) VALUES (?, ?)").bind(1, county).bind(2, value).send();
}

TEST_CASE("writes sent ahead are answered with the next statement, each once and in order, however many wait")
{
    TempPostgres server;
    pg::Database db(server.url());
    makeLog(db);
    {
        Transaction tx(db);
        for (int i = 0; i < 600; ++i) // more than the pipeline holds unanswered
            sendValue(db, 500154, std::to_string(i));
        Statement& count = db.cached("SELECT count(*) FROM log");
        REQUIRE(count.step()); // read behind the last ones sent: sees them
        CHECK(count.integer(0) == 600);
        count.reset();
        sendValue(db, 500154, "last");
        CHECK(db.inTransaction());
        tx.commit();
    }
    std::int64_t cursor = 0;
    const std::vector<std::string> values = pull(db, 500154, cursor);
    REQUIRE(values.size() == 601);
    CHECK(values.front() == "0");
    CHECK(values[599] == "599");
    CHECK(values.back() == "last");

    // Outside a transaction a send runs at once, as run() does.
    sendValue(db, 500101, "alone");
    CHECK_FALSE(db.inTransaction());
    cursor = 0;
    CHECK(pull(db, 500101, cursor) == std::vector<std::string>{"alone"});
}

TEST_CASE("a write sent ahead that fails fails its transaction at the next statement or commit, a savepoint's only "
          "that savepoint")
{
    TempPostgres server;
    pg::Database db(server.url());
    db.exec("CREATE TABLE log (seq bigserial PRIMARY KEY, county integer NOT NULL, value text NOT NULL UNIQUE)");
    std::vector<std::string> expected;

    SECTION("at the next read, which names the statement that failed")
    {
        Transaction tx(db);
        sendValue(db, 500154, "a");
        sendValue(db, 500154, "a"); // the value is taken: refused by the database
        sendValue(db, 500154, "b"); // behind the failure: never runs
        try {
            db.cached("SELECT count(*) FROM log").step();
            FAIL("a read passed over a write that failed before it");
        } catch (const StoreError& e) {
            CHECK_FALSE(e.unreachable());
            CHECK(std::string(e.what()).find("INSERT INTO log") != std::string::npos);
        }
        CHECK_THROWS_AS(tx.commit(), StoreError);
    }
    SECTION("at the commit")
    {
        Transaction tx(db);
        sendValue(db, 500154, "a");
        sendValue(db, 500154, "a");
        CHECK_THROWS_AS(tx.commit(), StoreError);
    }
    SECTION("in a savepoint, which alone is undone")
    {
        Transaction tx(db);
        sendValue(db, 500154, "kept");
        {
            Transaction inner(db);
            sendValue(db, 500154, "kept");
            CHECK_THROWS_AS(inner.commit(), StoreError);
        }
        {
            Transaction inner(db);
            sendValue(db, 500154, "left"); // its savepoint is left without commit
        }
        sendValue(db, 500154, "after");
        tx.commit();
        expected = {"kept", "after"};
    }
    std::int64_t cursor = 0;
    CHECK(pull(db, 500154, cursor) == expected);
    CHECK_FALSE(db.inTransaction());
    CHECK(db.reachable()); // the connection serves on
}

TEST_CASE("a database that cannot be reached is unreachable, and the store goes on once it is back")
{
    TempPostgres server;
    pg::Database db(server.url());
    makeLog(db);
    auto& count = db.cached("SELECT count(*) FROM log");
    REQUIRE(count.step());
    CHECK(db.reachable());

    server.stop();
    try {
        db.cached("SELECT count(*) FROM log").step();
        FAIL("a statement ran with the database stopped");
    } catch (const StoreError& e) {
        CHECK(e.unreachable()); // answered 503: the device tries again, nothing is lost
        CHECK_FALSE(e.full());
    }
    CHECK_FALSE(db.reachable());
    CHECK_THROWS_AS(pg::Database(server.url()), StoreError);

    server.start();
    // The same cached statement, prepared again on the new connection.
    auto& again = db.cached("SELECT count(*) FROM log");
    REQUIRE(again.step());
    CHECK(again.integer(0) == 0);
    CHECK(db.reachable());
}

TEST_CASE("a connection lost inside a transaction fails that transaction, never runs the rest outside it")
{
    TempPostgres server;
    pg::Database db(server.url());
    makeLog(db);
    {
        Transaction tx(db);
        append(db, 500154, "lost");
        server.stop();
        server.start();
        try {
            append(db, 500154, "outside");
            FAIL("a write ran after its transaction's connection was lost");
        } catch (const StoreError& e) {
            CHECK(e.unreachable());
        }
        CHECK_THROWS_AS(tx.commit(), StoreError);
    }
    std::int64_t cursor = 0;
    CHECK(pull(db, 500154, cursor).empty());
}

TEST_CASE("log places taken before commit are not commit order: a pull that trusts them skips a change")
{
    // What the city's log must not do, shown on plain transactions: this is the loss the
    // writer lock prevents (the next test).
    TempPostgres server;
    pg::Database a(server.url()), b(server.url()), reader(server.url());
    makeLog(a);

    a.exec("BEGIN");
    append(a, 500154, "a"); // takes place 1, not yet visible
    b.exec("BEGIN");
    append(b, 500154, "b"); // takes place 2
    b.exec("COMMIT");

    std::int64_t cursor = 0;
    CHECK(pull(reader, 500154, cursor) == std::vector<std::string>{"b"});
    CHECK(cursor == 2);
    a.exec("COMMIT");                            // place 1 becomes visible behind the reader's cursor
    CHECK(pull(reader, 500154, cursor).empty()); // "a" is never pulled
}

TEST_CASE("under the writer lock a pull never passes a place a later commit fills")
{
    TempPostgres server;
    pg::Database a(server.url()), b(server.url()), reader(server.url());
    makeLog(a);

    auto first = std::make_unique<Transaction>(a);
    append(a, 500154, "a");

    // A second process's write waits for the lock before it takes a place, whichever
    // county it writes: a pull walks every county's places, so their order must hold too.
    std::promise<void> begun;
    auto second = std::async(std::launch::async, [&] {
        begun.set_value();
        Transaction tx(b);
        append(b, 500155, "b");
        tx.commit();
    });
    begun.get_future().wait();
    CHECK(second.wait_for(300ms) == std::future_status::timeout); // it waits for the lock

    std::int64_t cursor = 0;
    CHECK(pull(reader, 500154, cursor).empty());
    first->commit();
    first.reset();
    second.get();
    CHECK(pull(reader, 500154, cursor) == std::vector<std::string>{"a"});
    std::int64_t other = 0;
    CHECK(pull(reader, 500155, other) == std::vector<std::string>{"b"});
    CHECK(other > cursor); // the later commit took the later place
}

TEST_CASE("a writer that does not get the lock in time is busy and writes nothing, and reads never wait")
{
    TempPostgres server;
    pg::Database a(server.url()), b(server.url());
    makeLog(a);
    b.exec("SET lock_timeout = '200ms'");

    Transaction holding(a);
    append(a, 500154, "a");
    try {
        Transaction second(b);
        append(b, 500155, "b");
        second.commit();
        FAIL("two writers held the lock together");
    } catch (const StoreError& e) {
        CHECK(e.busy()); // answered 503: the device tries again
    }
    {
        Transaction reading(b, Transaction::Mode::Read); // a snapshot takes no writer lock
        std::int64_t cursor = 0;
        CHECK(pull(b, 500154, cursor).empty());
        reading.commit();
    }
    holding.commit();
    Transaction now(b);
    append(b, 500155, "c");
    now.commit();

    pg::Database reader(server.url());
    std::int64_t cursor = 0;
    CHECK(pull(reader, 500154, cursor) == std::vector<std::string>{"a"});
    cursor = 0;
    CHECK(pull(reader, 500155, cursor) == std::vector<std::string>{"c"});
}

TEST_CASE("the city database is brought to the newest schema once, step by step")
{
    TempPostgres server;
    pg::Database db(server.url());
    CHECK(pg::schemaVersion(db) == 0);

    const pg::Migration two[] = {
        {1, "CREATE TABLE devices (id bytea PRIMARY KEY, name text NOT NULL)"},
        {2, "ALTER TABLE devices ADD COLUMN county integer NOT NULL DEFAULT 0"},
    };
    CHECK(pg::migrate(db, two) == 2);
    db.prepare("INSERT INTO devices (id, name, county) VALUES (?, ?, ?)")
        .bind(1, kId)
        .bind(2, "村委会")
        .bind(3, 500154)
        .run();
    CHECK(pg::migrate(db, two) == 2); // nothing left to do: the steps are not run again

    const pg::Migration three[] = {two[0], two[1], {3, "CREATE INDEX devices_county ON devices (county)"}};
    CHECK(pg::migrate(db, three) == 3);
    auto st = db.prepare("SELECT name, county FROM devices WHERE id = ?");
    st.bind(1, kId);
    REQUIRE(st.step());
    CHECK(st.text(0) == "村委会");
    CHECK(st.integer(1) == 500154);

    // An older build finds a schema it does not know, and writes nothing into it.
    pg::Database older(server.url());
    try {
        pg::migrate(older, two);
        FAIL("an older build opened a newer city database");
    } catch (const StoreError& e) {
        CHECK(std::string(e.what()).find("更新版本") != std::string::npos);
    }
    CHECK(pg::schemaVersion(older) == 3);
}

TEST_CASE("a schema step that fails leaves the city database at the step before, with nothing of it")
{
    TempPostgres server;
    pg::Database db(server.url());
    const pg::Migration steps[] = {
        {1, "CREATE TABLE devices (id bytea PRIMARY KEY)"},
        {2, "CREATE TABLE audit (id bigserial PRIMARY KEY); SELECT no_such_column FROM devices"},
    };
    CHECK_THROWS_AS(pg::migrate(db, steps), StoreError);
    CHECK(pg::schemaVersion(db) == 1);
    auto st = db.prepare("SELECT to_regclass('audit') IS NULL");
    REQUIRE(st.step());
    CHECK(st.integer(0) == 1);
}

TEST_CASE("sync processes started together on one city database migrate it once")
{
    TempPostgres server;
    // Not repeatable on purpose (no IF NOT EXISTS), and slow enough for the starts to meet.
    const pg::Migration steps[] = {
        {1, "SELECT pg_sleep(0.3); CREATE TABLE devices (id bytea PRIMARY KEY)"},
        {2, "CREATE TABLE audit (id bigserial PRIMARY KEY)"},
    };
    std::vector<std::future<int>> starts;
    for (int i = 0; i < 3; ++i) {
        starts.push_back(std::async(std::launch::async, [&] {
            pg::Database db(server.url());
            return pg::migrate(db, steps);
        }));
    }
    for (auto& start : starts)
        CHECK(start.get() == 2);
    pg::Database db(server.url());
    auto st = db.prepare("SELECT count(*), count(DISTINCT version) FROM schema_version");
    REQUIRE(st.step());
    CHECK(st.integer(0) == 2);
    CHECK(st.integer(1) == 2);
}

TEST_CASE("the store's settings and change log run on PostgreSQL as they are: logged once, found by id, paged by scope")
{
    TempPostgres server;
    const auto db = pg::openCityDatabase(server.url());
    // The store's settings first: set, replaced, read, erased.
    Meta meta(*db);
    meta.set("county_code", "500154");
    meta.set("county_code", "500155");
    CHECK(meta.value("county_code") == "500155");
    meta.erase("county_code");
    CHECK_FALSE(meta.get("county_code"));

    ChangeLog log(*db);
    const std::string device = newUuid();
    auto visit = [&](const std::string& village, std::uint64_t millis) {
        Change change;
        change.changeId = newUuid();
        change.entity = "visit";
        change.recordId = newUuid();
        change.villageCode = village;
        change.hlc = Hlc{millis << Hlc::kCounterBits, device};
        change.operatorName = "王芳";
        change.fields = {{"date", "2026-07-28", {}}, {"visitor", "县社工站孙斌", {}}};
        return change;
    };
    const Change a = visit("500154002200", 1), b = visit("500154002201", 2), c = visit("500155001001", 3);
    const auto first = log.append(a, ChangeOrigin::Remote, ChangeState::Acknowledged);
    REQUIRE(first);
    CHECK_FALSE(log.append(a, ChangeOrigin::Remote, ChangeState::Acknowledged)); // once only
    REQUIRE(log.append(b, ChangeOrigin::Remote, ChangeState::Acknowledged));
    REQUIRE(log.append(c, ChangeOrigin::Remote, ChangeState::Acknowledged));
    CHECK(log.seqOf(a.changeId) == first);
    CHECK(log.lastSeq() == log.seqOf(c.changeId));

    const auto logged = log.get(a.changeId);
    REQUIRE(logged);
    CHECK(logged->change.recordId == a.recordId);
    CHECK(logged->change.villageCode == a.villageCode);
    CHECK(logged->change.hlc == a.hlc);
    CHECK(logged->change.operatorName == "王芳");
    REQUIRE(logged->change.fields.size() == 2);
    CHECK(logged->change.fields[1].value == "县社工站孙斌");
    CHECK(log.history(a.recordId).size() == 1);

    std::uint64_t scanned = 0;
    bool more = false;
    auto ids = [](const std::vector<Change>& page) {
        std::vector<std::string> out;
        for (const auto& change : page)
            out.push_back(change.changeId);
        return out;
    };
    // A village's page, through the (village_code, seq) index.
    CHECK(ids(log.after(0, "500154002200", {}, "", 100, scanned, more)) == std::vector{a.changeId});
    CHECK_FALSE(more);
    // A county's, in log order, a page at a time.
    CHECK(ids(log.after(0, "500154", {}, "", 1, scanned, more)) == std::vector{a.changeId});
    CHECK(more);
    CHECK(ids(log.after(scanned, "500154", {}, "", 100, scanned, more)) == std::vector{b.changeId});
    // A device is not sent its own changes back.
    CHECK(log.after(0, "500155", {}, device, 100, scanned, more).empty());
    CHECK(ids(log.after(0, "500155", {}, "", 100, scanned, more)) == std::vector{c.changeId});
}

TEST_CASE("the store's conflict queue runs on PostgreSQL as it is: a pair filed once, counted by village, settled")
{
    TempPostgres server;
    const auto db = pg::openCityDatabase(server.url());
    ConflictQueue queue(*db);
    const std::string elder = newUuid(), deviceA = newUuid(), deviceB = newUuid();
    Conflict conflict;
    conflict.entity = "elder";
    conflict.recordId = elder;
    conflict.villageCode = "500154002200";
    conflict.field = "phone";
    conflict.valueA = "13800000001";
    conflict.hlcA = Hlc{5 << Hlc::kCounterBits, deviceA};
    conflict.operatorA = "王芳";
    conflict.valueB = "13800000002";
    conflict.hlcB = Hlc{4 << Hlc::kCounterBits, deviceB};
    conflict.operatorB = "李强";
    queue.add(conflict);
    queue.add(conflict); // found again by another replica: the same pair, once

    Conflict elsewhere = conflict;
    elsewhere.recordId = newUuid();
    elsewhere.villageCode = "500155001001";
    queue.add(elsewhere);

    const auto open = queue.open("500154");
    REQUIRE(open.size() == 1);
    CHECK(open[0].recordId == elder);
    CHECK(open[0].hlcA.device == deviceB); // the earlier clock first, whichever came first
    CHECK(open[0].valueB == "13800000001");
    CHECK(open[0].operatorA == "李强");
    CHECK(queue.openCount() == 2);
    using Counts = std::vector<std::pair<std::string, std::size_t>>;
    CHECK(queue.openCountByVillage("50015") == Counts{{"500154002200", 1}, {"500155001001", 1}});

    // A write that saw the later value settles the pair; one that saw only the earlier does not.
    queue.settle(elder, "phone", Hlc{4 << Hlc::kCounterBits, deviceB});
    CHECK(queue.openCount("500154") == 1);
    queue.settle(elder, "phone", Hlc{5 << Hlc::kCounterBits, deviceA});
    CHECK(queue.openCount("500154") == 0);
    CHECK(queue.all("500154").size() == 1);
}

TEST_CASE(
    "two writers and a puller through a database that is killed and restarted: every change pulled once, in order")
{
    TempPostgres server;
    pg::openCityDatabase(server.url());
    constexpr int kEach = 1000;
    const std::string device = newUuid();
    std::atomic<int> written{0}, refused{0};

    // A writer logs its changes one transaction each and, like a device, sends a change
    // again until it is answered: a commit whose answer was lost may have landed, and
    // logging it again must not double it.
    auto writer = [&](const std::string& village) {
        pg::Database db(server.url());
        ChangeLog log(db);
        std::vector<std::string> ids;
        for (int i = 0; i < kEach; ++i) {
            Change change;
            change.changeId = newUuid();
            change.entity = "visit";
            change.recordId = newUuid();
            change.villageCode = village;
            change.hlc = Hlc{static_cast<std::uint64_t>(i + 1) << Hlc::kCounterBits, device};
            change.fields = {{"date", "2026-07-28", {}}};
            for (;;) {
                try {
                    Transaction tx(db);
                    log.append(change, ChangeOrigin::Remote, ChangeState::Acknowledged);
                    tx.commit();
                    break;
                } catch (const StoreError&) {
                    ++refused;
                    std::this_thread::sleep_for(20ms);
                }
            }
            ++written;
            ids.push_back(change.changeId);
        }
        return ids;
    };
    std::atomic<bool> writing{true};
    auto puller = [&] {
        pg::Database db(server.url());
        ChangeLog log(db);
        std::vector<std::string> pulled;
        std::uint64_t cursor = 0;
        for (bool last = false;;) {
            try {
                const bool done = !writing; // read before the page: a page after it sees everything
                std::uint64_t scanned = cursor;
                bool more = false;
                for (auto& change : log.after(cursor, "5001", {}, "", 40, scanned, more))
                    pulled.push_back(change.changeId);
                cursor = scanned;
                if (done && !more) {
                    if (last)
                        break;
                    last = true; // one more page once the writers are done
                }
            } catch (const StoreError&) {
                std::this_thread::sleep_for(20ms);
            }
        }
        return pulled;
    };

    auto first = std::async(std::launch::async, writer, "500154002200");
    auto second = std::async(std::launch::async, writer, "500155001001");
    auto pulling = std::async(std::launch::async, puller);
    while (written < 100) // well before the writers are done, whatever the load
        std::this_thread::sleep_for(5ms);
    server.stop(); // every connection cut, mid-transaction for some
    std::this_thread::sleep_for(200ms);
    server.start();
    const auto a = first.get(), b = second.get();
    writing = false;
    const auto pulled = pulling.get();

    CHECK(refused > 0); // the writers did meet the dead database
    const std::set<std::string> once(pulled.begin(), pulled.end());
    CHECK(once.size() == pulled.size());         // nothing pulled twice
    CHECK(pulled.size() == a.size() + b.size()); // nothing lost
    // Each writer's changes arrive in the order it made them.
    for (const auto* ids : {&a, &b}) {
        std::vector<std::string> seen;
        const std::set<std::string> mine(ids->begin(), ids->end());
        for (const auto& id : pulled) {
            if (mine.count(id))
                seen.push_back(id);
        }
        CHECK(seen == *ids);
    }
}
