#include "store/database.h"
#include "store/record_key.h"
#include "store/sqlite_database.h"

#include "domain/ids.h"

#include "../support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace shouwang;

TEST_CASE("a device's UUID is kept as its 16 bytes and comes back exactly")
{
    for (int i = 0; i < 100; ++i) {
        const std::string id = newUuid();
        REQUIRE(isCanonicalUuid(id));
        const std::string key = keyOfId(id);
        CHECK(key.size() == 16);
        CHECK(idOfKey(key, true) == id);
    }
    CHECK(keyOfId("00000000-0000-4000-8000-000000000000") == std::string("\0\0\0\0\0\0\x40\0\x80\0\0\0\0\0\0\0", 16));
}

TEST_CASE("an id that is not a lower-case UUID is kept as its text, so it too comes back exactly")
{
    for (const std::string_view id : {"", "c1", "dev-a", "0123456789abcdef", "C7E016FE-1E7D-4B58-B35B-729AF2B2FC62",
                                      "c7e016fe-1e7d-4b58-b35b-729af2b2fc6", "c7e016fe-1e7d-4b58-b35b-729af2b2fc62x",
                                      "c7e016fe_1e7d-4b58-b35b-729af2b2fc62", "g7e016fe-1e7d-4b58-b35b-729af2b2fc62"}) {
        CHECK_FALSE(isCanonicalUuid(id));
        CHECK(keyOfId(id) == id);
        CHECK(idOfKey(keyOfId(id), false) == id);
    }
}

TEST_CASE("a statement binds an id as its key and reads a key back as the id, as SQL's key_of_id and id_of_key do")
{
    test::TempDir dir;
    SqliteDatabase db(dir.file("keys.db"));
    db.exec("CREATE TABLE t (k TEXT PRIMARY KEY)");
    const std::string uuid = newUuid();
    for (const std::string& id : {uuid, std::string("dev-a")})
        db.prepare("INSERT INTO t (k) VALUES (?)").bind(1, id).run();

    auto st = db.prepare("SELECT key_of_id(?1) = k, id_of_key(k), typeof(k), key_of_id(key_of_id(?1)) = k, k, "
                         "length(k) FROM t WHERE k = ?2");
    st.bindText(1, uuid).bind(2, uuid);
    REQUIRE(st.step());
    CHECK(st.integer(0) == 1);
    CHECK(st.text(1) == uuid);
    CHECK(st.text(2) == "blob"); // in a TEXT column too: SQLite keeps a BLOB as it is
    CHECK(st.integer(3) == 1);   // a key given again stays the key
    CHECK(st.text(4) == uuid);
    CHECK(st.integer(5) == 16);

    auto text = db.prepare("SELECT k, typeof(k), key_of_id(?) = k FROM t WHERE k = key_of_id('dev-a')");
    text.bind(1, "dev-a");
    REQUIRE(text.step());
    CHECK(text.text(0) == "dev-a");
    CHECK(text.text(1) == "text");
    CHECK(text.integer(2) == 1);

    // bindText keeps even a UUID as text: a list of ids that SQL searches with instr.
    auto exact = db.prepare("SELECT typeof(?), instr(',' || ? || ',', ',' || ? || ',')");
    exact.bindText(1, uuid).bindText(2, "dev-a," + uuid).bindText(3, uuid);
    REQUIRE(exact.step());
    CHECK(exact.text(0) == "text");
    CHECK(exact.integer(1) > 0);
}
