// Secrets at the county (DESIGN.md §5): tokens and enrollment codes are random and kept
// only as hashes; the audit trail has a row for every push and every refused request.
#include "../server/server_fixture.h"

#include "store/ledger.h"
#include "sync/crypto.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// The database file and its WAL as bytes: whatever SQLite keeps, wherever it keeps it.
std::string everyByteOf(const std::string& dbPath)
{
    std::string out;
    for (const std::string& path : {dbPath, dbPath + "-wal"}) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        out += s.str();
    }
    return out;
}

} // namespace

TEST_CASE("the county database holds neither a device token nor an enrollment code in plain text")
{
    ServerFixture f;
    const std::string code = f.makeCode("village:500154102200");
    const auto res = f.enrollWith(code, newUuid());
    REQUIRE(res.status == 200);
    wire::EnrollResponse answer;
    REQUIRE(answer.ParseFromString(res.body));
    const std::string bytes = everyByteOf(f.dbPath);
    CHECK(bytes.find(answer.token()) == std::string::npos);
    CHECK(bytes.find(code) == std::string::npos);
    CHECK(bytes.find(server::normalizeEnrollmentCode(code)) == std::string::npos);
    // What is kept is the hash, so the token can still be checked.
    CHECK(bytes.find(crypto::tokenHash(answer.token())) != std::string::npos);
    // Tokens are 32 random bytes: two enrollments never share one.
    const auto again = f.enrollWith(f.makeCode("village:500154102200"), newUuid());
    wire::EnrollResponse second;
    REQUIRE(second.ParseFromString(again.body));
    CHECK(second.token() != answer.token());
    CHECK(second.token().size() >= 43);
}

TEST_CASE("the audit trail records every push and every refused request, without personal data")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    const auto auditRows = [&f] {
        auto db = openLedgerDatabase(f.dbPath);
        auto st = db->prepare("SELECT action || ' ' || refused || ' ' || detail || ' ' || operator FROM audit ORDER BY id");
        std::vector<std::string> rows;
        while (st.step())
            rows.push_back(st.text(0));
        return rows;
    };
    const std::size_t before = auditRows().size();

    CHECK(f.push(device, {f.household(device, kVillageA, "隐私户主乙")}).status == 200);  // accepted
    CHECK(f.push(device, {f.household(device, kVillageElsewhere)}).status == 403);        // out of scope
    CHECK(f.post(protocol::kPushPath, "garbage", device.token).status == 400);             // malformed
    CHECK(f.post(protocol::kPullPath, "", "not-a-token").status == 401);                   // bad token
    CHECK(f.enrollWith("AAAA-BBBB-CCCC", newUuid()).status == 401);                        // bad code
    const auto rows = auditRows();
    REQUIRE(rows.size() == before + 5);
    CHECK(rows[before + 0].rfind("push 0 ", 0) == 0);
    CHECK(rows[before + 1].rfind("push 1 ", 0) == 0);
    CHECK(rows[before + 2].rfind("push 1 status=400", 0) == 0);
    CHECK(rows[before + 3].rfind("pull 1 status=401", 0) == 0);
    CHECK(rows[before + 4].rfind("enroll 1 status=401", 0) == 0);
    for (const auto& row : rows)
        CHECK(row.find("隐私户主乙") == std::string::npos);
}

