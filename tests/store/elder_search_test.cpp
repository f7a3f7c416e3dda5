// The text search of the elder list answers exactly what instr() on name, ID number and
// phone would, by whichever path it takes (few matches fetched by rowid, many walked in
// list order), and follows every write of an elder.
#include "ledger_fixture.h"

#include "domain/idcard.h"
#include "store/elder_query.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// A valid ID number born in 1950 with sequence `n`, its check digit 'X' when asked.
std::string idNumber(int n, bool endsInX = false)
{
    for (int seq = n * 10;; ++seq) {
        const std::string first17 = "50015419500101" + std::to_string(1000 + seq % 1000).substr(1);
        const char check = idCheckDigit(first17);
        if ((check == 'X') == endsInX)
            return first17 + check;
    }
}

struct Row {
    std::string village, name, id;
    bool operator==(const Row&) const = default;
};

// What the search must return: every elder not deleted with `text` in one of the three
// fields, in the list's default order (village, name, id).
std::vector<Row> expected(Database& db, const std::string& text)
{
    std::vector<std::tuple<std::string, std::string, std::string>> all;
    auto st = db.prepare("SELECT village_code, coalesce(name, ''), id, coalesce(id_number, ''), coalesce(phone, '') "
                         "FROM elders WHERE deleted = 0");
    while (st.step()) {
        if (st.text(1).find(text) != std::string::npos || st.text(3).find(text) != std::string::npos
            || st.text(4).find(text) != std::string::npos)
            all.emplace_back(st.text(0), st.text(1), st.text(2));
    }
    std::sort(all.begin(), all.end());
    std::vector<Row> rows;
    for (auto& [v, n, i] : all)
        rows.push_back({v, n, i});
    return rows;
}

std::vector<Row> found(Database& db, const ElderFilter& f)
{
    std::vector<Row> rows;
    for (auto& r : findElders(db, f, today()))
        rows.push_back({r.villageCode, r.name, r.id});
    return rows;
}

std::vector<std::string> namesFound(Database& db, const std::string& text)
{
    ElderFilter f;
    f.text = text;
    std::vector<std::string> names;
    for (auto& r : findElders(db, f, today()))
        names.push_back(r.name);
    std::sort(names.begin(), names.end());
    return names;
}

struct People : LedgerFixture {
    Record zhang = saved(withPhone(elder("张秀英", idNumber(1)), "13812345678"));
    Record wang = saved(elder("王秀兰", idNumber(2, true)));
    Record li = saved(elder("李明", idNumber(3)));
    Record ouyang = saved(withPhone(elder("欧阳明华", idNumber(4)), "023-6543210"));

    static Record withPhone(Record r, const std::string& phone)
    {
        r.set("phone", phone);
        return r;
    }
};

} // namespace

TEST_CASE("the search finds names by one to four characters")
{
    People p;
    CHECK(namesFound(*p.db, "张") == std::vector<std::string>{"张秀英"});
    CHECK(namesFound(*p.db, "秀") == std::vector<std::string>{"张秀英", "王秀兰"});
    CHECK(namesFound(*p.db, "李明") == std::vector<std::string>{"李明"});
    CHECK(namesFound(*p.db, "明") == std::vector<std::string>{"李明", "欧阳明华"});
    CHECK(namesFound(*p.db, "张秀英") == std::vector<std::string>{"张秀英"});
    CHECK(namesFound(*p.db, "欧阳明华") == std::vector<std::string>{"欧阳明华"});
    CHECK(namesFound(*p.db, "张秀英王").empty()); // no match across two elders or two fields
    CHECK(namesFound(*p.db, "秀英\x1f").empty());
}

TEST_CASE("the search finds ID numbers and phones by any substring and X only as stored")
{
    People p;
    CHECK(namesFound(*p.db, p.li.value("id_number").substr(10, 6)) == std::vector<std::string>{"李明"});
    CHECK(namesFound(*p.db, p.wang.value("id_number").substr(14)) == std::vector<std::string>{"王秀兰"});
    CHECK(namesFound(*p.db, "X") == std::vector<std::string>{"王秀兰"});
    // The ID number is stored with a capital X; the search matches literally, as before.
    CHECK(namesFound(*p.db, "x").empty());
    CHECK(namesFound(*p.db, "12345") == std::vector<std::string>{"张秀英"});
    CHECK(namesFound(*p.db, "023-65") == std::vector<std::string>{"欧阳明华"});
    CHECK(namesFound(*p.db, "5001541950").size() == 4);
    ElderFilter f;
    f.text = "秀";
    CHECK(countElders(*p.db, f, today()) == 2);
    f.status = "active";
    CHECK(countElders(*p.db, f, today()) == 2);
    f.villagePrefix = kOtherVillage;
    CHECK(countElders(*p.db, f, today()) == 0);
    CHECK(found(*p.db, f).empty());
}

TEST_CASE("the search follows local saves: rename and new phone then deletion and restore")
{
    People p;
    Record renamed = p.zhang;
    renamed.set("name", "张桂芳");
    renamed.set("phone", "13900001111");
    REQUIRE(p.ledger.save(renamed, "t").ok());
    CHECK(namesFound(*p.db, "秀英").empty());
    CHECK(namesFound(*p.db, "桂芳") == std::vector<std::string>{"张桂芳"});
    CHECK(namesFound(*p.db, "12345").empty());
    CHECK(namesFound(*p.db, "0000111") == std::vector<std::string>{"张桂芳"});

    REQUIRE(p.ledger.remove("elder", p.wang.id, "t").ok());
    CHECK(namesFound(*p.db, "秀").empty());
    CHECK(namesFound(*p.db, "X").empty());
    ElderFilter f;
    f.text = "王";
    CHECK(countElders(*p.db, f, today()) == 0);

    Record restored = *p.ledger.get("elder", p.wang.id);
    restored.deleted = false;
    REQUIRE(p.ledger.save(restored, "t").ok());
    CHECK(namesFound(*p.db, "秀") == std::vector<std::string>{"王秀兰"});
}

TEST_CASE("few and many matches give the pages and count of a full scan")
{
    LedgerFixture l;
    {
        LedgerBatch batch(l.ledger);
        // 3,000 elders over three villages: "王" matches more than the search fetches by
        // rowid (it then walks the list), "王小" and the ID digits match fewer.
        for (int i = 0; i < 3000; ++i) {
            Record r = l.elder(std::string(i % 5 ? "王" : "赵") + (i % 7 ? "小" : "大") + std::to_string(i % 13),
                               idNumber(i % 90, i % 11 == 0));
            r.villageCode = i % 3 == 0 ? kVillage : i % 3 == 1 ? kOtherVillage : "500154101003";
            if (i % 4 == 0)
                r.set("phone", "1380000" + std::to_string(1000 + i));
            if (i % 6 == 4)
                r.set("status", "moved_out");
            REQUIRE(l.ledger.save(r, "t").ok());
        }
        batch.commit();
    }
    for (const std::string text : {"王", "王小", "赵大1", "小", "X", "195001010", "1380000", "0", "12", "无此人"}) {
        INFO(text);
        const std::vector<Row> all = expected(*l.db, text);
        ElderFilter f;
        f.text = text;
        CHECK(countElders(*l.db, f, today()) == all.size());
        CHECK(found(*l.db, f) == all);
        f.limit = 500;
        for (f.offset = 0; f.offset < all.size() + 500; f.offset += 500) {
            const auto page = found(*l.db, f);
            const std::size_t end = std::min(all.size(), f.offset + 500);
            CHECK(page == std::vector<Row>(all.begin() + std::min(f.offset, all.size()), all.begin() + end));
        }
        f.limit = 0;
        f.offset = 0;
        f.villagePrefix = kOtherVillage;
        std::vector<Row> inVillage;
        std::copy_if(all.begin(), all.end(), std::back_inserter(inVillage),
                     [](const Row& r) { return r.village == kOtherVillage; });
        CHECK(countElders(*l.db, f, today()) == inVillage.size());
        CHECK(found(*l.db, f) == inVillage);

        // The ledger page's own filter: the text, the elders on the register, its whole scope.
        f.villagePrefix = "500154";
        f.status = "active";
        std::vector<Row> active;
        std::copy_if(all.begin(), all.end(), std::back_inserter(active),
                     [&](const Row& r) { return l.ledger.get("elder", r.id)->value("status") == "active"; });
        CHECK((all.empty() || active.size() < all.size())); // some have moved out
        CHECK(countElders(*l.db, f, today()) == active.size());
        CHECK(found(*l.db, f) == active);
        f.villagePrefix = kOtherVillage;
        CHECK(countElders(*l.db, f, today())
              == static_cast<std::size_t>(std::count_if(active.begin(), active.end(),
                                                        [](const Row& r) { return r.village == kOtherVillage; })));
    }
}

TEST_CASE("a ledger made before the search column gains it on open and its elders are found")
{
    TempDir dir;
    const std::string path = dir.file("old.db");
    {
        auto db = openLedgerDatabase(path);
        Ledger ledger(*db);
        Record r;
        r.entity = "elder";
        r.villageCode = kVillage;
        r.set("name", "张秀英");
        r.set("id_number", idNumber(1, true));
        r.set("living", "alone");
        r.set("status", "active");
        REQUIRE(ledger.save(r, "t").ok());
        // The file as a version without the search left it.
        db->exec("DROP INDEX elders_search");
        db->exec("ALTER TABLE elders DROP COLUMN x_search");
    }
    {
        auto db = openLedgerDatabase(path);
        auto st = db->prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'elders_search'");
        REQUIRE(st.step());
        CHECK(st.integer(0) == 1);
        CHECK(namesFound(*db, "秀英") == std::vector<std::string>{"张秀英"});
        CHECK(namesFound(*db, "X") == std::vector<std::string>{"张秀英"});
        // An elder added by a version that does not write x_search is found after the next open.
        db->exec("INSERT INTO elders (id, village_code, name, id_number, status) VALUES "
                 "('e2', '500154101001', '李明', '110105194912310021', 'active')");
    }
    auto db = openLedgerDatabase(path);
    CHECK(namesFound(*db, "李") == std::vector<std::string>{"李明"});
    CHECK(namesFound(*db, "49123") == std::vector<std::string>{"李明"});
}

TEST_CASE("a search index made before it held the status and the village is made again on open")
{
    TempDir dir;
    const std::string path = dir.file("old.db");
    {
        auto db = openLedgerDatabase(path);
        db->exec("DROP INDEX elders_search");
        db->exec("CREATE INDEX elders_search ON elders(x_search, deleted)"); // as the release of 2026-12-03 made it
    }
    auto db = openLedgerDatabase(path);
    auto st = db->prepare("SELECT name FROM pragma_index_info('elders_search') ORDER BY seqno");
    std::vector<std::string> columns;
    while (st.step())
        columns.push_back(st.text(0));
    CHECK(columns == std::vector<std::string>{"x_search", "deleted", "status", "village_code"});
}
