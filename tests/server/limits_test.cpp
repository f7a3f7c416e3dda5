// The limits of docs/protocol.md "Limits" at the handler level: the push pre-scan, the
// pull page's byte bound, the enrollment rate limit, the audit sampler, the connection caps.
#include "server_fixture.h"

#include "server/audit_sampler.h"
#include "server/connection_limits.h"
#include "server/pull_page.h"
#include "server/push_limits.h"

#include "store/ledger.h"

#include "domain/schema.h"
#include "domain/validation.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using namespace shouwang::test;

namespace {

std::string pushOf(const std::vector<Change>& changes)
{
    return ServerFixture::pushBody(changes);
}

} // namespace

TEST_CASE("every entity of the schema fits the wire limit on fields per change, with its deletion mark")
{
    for (const EntityDef& entity : entities()) {
        INFO(entity.name);
        CHECK(entity.fields.size() + 1 <= protocol::kMaxFieldsPerChange);
        for (const FieldDef& field : entity.fields)
            CHECK(field.name.size() <= protocol::kMaxIdBytes);
    }
    CHECK(protocol::kMaxFieldValueBytes == kMaxTextBytes);
    CHECK(protocol::kMaxOperatorNameBytes == kMaxOperatorNameBytes);
}

TEST_CASE("the push pre-scan passes honest pushes and refuses counts and sizes over the limits, plain or gzip")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    std::vector<Change> honest;
    for (std::size_t i = 0; i < protocol::kMaxPushChanges; ++i)
        honest.push_back(f.household(device, kVillageA));
    honest[0].operatorName = std::string(protocol::kMaxOperatorNameBytes, 'a');
    honest[1].fields[0].value = std::string(protocol::kMaxFieldValueBytes, 'x');
    for (const bool zipped : {false, true}) {
        INFO("gzip " << zipped);
        const auto body = [zipped](const std::string& plain) { return zipped ? gzip::compress(plain) : plain; };
        const std::string encoding = zipped ? "gzip" : "";
        CHECK_FALSE(server::checkPushLimits(body(pushOf(honest)), encoding));

        std::vector<Change> tooMany = honest;
        tooMany.push_back(f.household(device, kVillageA));
        auto refused = server::checkPushLimits(body(pushOf(tooMany)), encoding);
        REQUIRE(refused);
        CHECK(refused->status == 413);
        CHECK(refused->code == wire::TOO_LARGE);

        Change wide = f.household(device, kVillageA);
        wide.fields.assign(protocol::kMaxFieldsPerChange + 1, {"head_name", "x", {}});
        CHECK(server::checkPushLimits(body(pushOf({wide})), encoding));
        Change named = f.household(device, kVillageA);
        named.operatorName = std::string(protocol::kMaxOperatorNameBytes + 1, 'a');
        CHECK(server::checkPushLimits(body(pushOf({named})), encoding));
        Change big = f.household(device, kVillageA);
        big.fields[1].value = std::string(protocol::kMaxFieldValueBytes + 1, 'x');
        CHECK(server::checkPushLimits(body(pushOf({big})), encoding));
        Change longBase = f.household(device, kVillageA);
        longBase.fields[0].base = Hlc{1, std::string(protocol::kMaxIdBytes + 1, 'd')};
        CHECK(server::checkPushLimits(body(pushOf({longBase})), encoding));
    }
    // Garbage is left to the decoder, which answers 400.
    CHECK_FALSE(server::checkPushLimits("\xff\xff\xff garbage", ""));
    CHECK_FALSE(server::checkPushLimits("\x1f\x8b\x08\x00 broken", "gzip"));
    // More than kMaxInflatedBytes of gzip is refused while inflating (here one unknown field
    // of 33 MiB, which the scan skips through).
    std::string huge = "\x1a";
    for (std::size_t n = protocol::kMaxInflatedBytes + 1024; n > 0; n >>= 7)
        huge += static_cast<char>((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    huge.resize(huge.size() + protocol::kMaxInflatedBytes + 1024, '\0');
    auto inflatedTooFar = server::checkPushLimits(gzip::compress(huge), "gzip");
    REQUIRE(inflatedTooFar);
    CHECK(inflatedTooFar->status == 413);
}

TEST_CASE("a push over a limit is refused with 413 and a reason through the handler, and nothing is stored")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    Change c = f.household(device, kVillageA);
    c.operatorName = std::string(1000, 'a');
    const auto res = f.push(device, {c});
    CHECK(res.status == 413);
    CHECK(errorOf(res).code() == wire::TOO_LARGE);
    CHECK(errorOf(res).message().find("操作人姓名") != std::string::npos);
    CHECK(f.liveCount("household") == 0);
}

TEST_CASE("a pull page ends before its byte bound, moves the cursor past what it sent, and always sends one")
{
    server::ChangePage page;
    for (std::uint64_t seq = 1; seq <= 10; ++seq) {
        Change c;
        c.changeId = newUuid();
        c.entity = "household";
        c.recordId = newUuid();
        c.villageCode = kVillageA;
        c.hlc = Hlc{seq << 16, newUuid()};
        c.fields = {{"address", std::string(1000, 'x'), {}}};
        c.seq = seq * 3;
        page.changes.push_back(c);
    }
    page.nextCursor = 99;
    page.hasMore = false;

    const wire::PullResponse whole = server::pullAnswer(page, 1 << 20);
    CHECK(whole.changes_size() == 10);
    CHECK(whole.next_cursor() == 99);
    CHECK_FALSE(whole.has_more());

    const wire::PullResponse cut = server::pullAnswer(page, 4000);
    CHECK(cut.changes_size() == 3);
    CHECK(cut.ByteSizeLong() <= 4000);
    CHECK(cut.next_cursor() == 9); // the seq of the last change sent
    CHECK(cut.has_more());

    const wire::PullResponse one = server::pullAnswer(page, 10);
    CHECK(one.changes_size() == 1);
    CHECK(one.next_cursor() == 3);
    CHECK(one.has_more());
}

TEST_CASE("the enrollment rate limit holds per address and in all, and forgets old attempts without a scan")
{
    using Clock = server::RateLimiter::Clock;
    const Clock::time_point t0{};
    server::RateLimiter limiter(2, std::chrono::minutes(1), 5);
    CHECK(limiter.allow("a", t0));
    CHECK(limiter.allow("a", t0));
    CHECK_FALSE(limiter.allow("a", t0)); // the address's own limit
    CHECK(limiter.allow("b", t0));
    CHECK(limiter.allow("c", t0));
    CHECK(limiter.allow("d", t0));
    CHECK_FALSE(limiter.allow("e", t0)); // the global limit, though e never tried
    CHECK(limiter.allow("e", t0 + std::chrono::minutes(1)));
    CHECK(limiter.addresses() == 1);

    // 200,000 addresses: each call costs the same, however many came before (the old
    // table was scanned on every call past 10,000 addresses: seconds here).
    server::RateLimiter big(10, std::chrono::minutes(1));
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 200000; ++i)
        big.allow("10.0." + std::to_string(i), t0 + std::chrono::milliseconds(i));
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    CHECK(big.addresses() == 60000); // only the last minute's
}

TEST_CASE("the audit sampler writes one refusal per key a minute and holds a bounded table")
{
    using Clock = server::AuditSampler::Clock;
    const Clock::time_point t0{};
    server::AuditSampler sampler(std::chrono::minutes(1), 3);
    CHECK(sampler.sample("10.0.0.1 pull", t0));
    CHECK_FALSE(sampler.sample("10.0.0.1 pull", t0 + std::chrono::seconds(59)));
    CHECK(sampler.sample("10.0.0.1 enroll", t0));
    CHECK(sampler.sample("10.0.0.2 pull", t0));
    CHECK_FALSE(sampler.sample("10.0.0.3 pull", t0)); // table full: counted only
    CHECK(sampler.sample("10.0.0.1 pull", t0 + std::chrono::minutes(1)));
    CHECK(sampler.sample("10.0.0.3 pull", t0 + std::chrono::minutes(1)));
}

TEST_CASE("connection caps count per address and in all, and a slot gives its place back when dropped")
{
    server::ConnectionLimits limits(3, 2);
    auto a1 = limits.admit("a");
    auto a2 = limits.admit("a");
    CHECK(a1);
    CHECK(a2);
    CHECK_FALSE(limits.admit("a"));
    auto b1 = limits.admit("b");
    CHECK(b1);
    CHECK_FALSE(limits.admit("c"));
    a1.reset();
    CHECK(limits.admit("c"));
    CHECK(limits.open() == 2);
}

TEST_CASE("refusals of unknown clients are sampled into the audit through the handlers too, a device's are not")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    const auto auditRows = [&f](const std::string& where, const std::string& deviceId = {}) {
        auto db = openTestDatabase(f.dbPath);
        auto st = db->prepare("SELECT count(*) FROM audit WHERE refused = 1 AND " + where);
        if (!deviceId.empty())
            st.bind(1, deviceId); // as the store binds it
        return st.step() ? st.integer(0) : -1;
    };
    for (int i = 0; i < 50; ++i)
        CHECK(f.post(protocol::kPullPath, "", "forged", "10.1.1.1").status == 401);
    CHECK(f.post(protocol::kPullPath, "", "forged", "10.1.1.2").status == 401);
    for (int i = 0; i < 3; ++i)
        CHECK(f.post(protocol::kPushPath, "garbage", device.token, "10.1.1.1").status == 400);
    CHECK(auditRows("action = 'pull' AND address = '10.1.1.1'") == 1);
    CHECK(auditRows("action = 'pull' AND address = '10.1.1.2'") == 1);
    CHECK(auditRows("action = 'push' AND device_id = ?", device.id) == 3); // known devices: every one
    CHECK(f.metrics.prometheusText().find("shouwang_refusals_unaudited_total 49\n") != std::string::npos);
}
