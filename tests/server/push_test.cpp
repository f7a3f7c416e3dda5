#include "server_fixture.h"

#include "store/database.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using namespace shouwang::test;

namespace {

wire::PushResponse pushAnswer(const server::Response& res)
{
    wire::PushResponse answer;
    REQUIRE(answer.ParseFromString(res.body));
    return answer;
}

} // namespace

TEST_CASE("a push in scope is accepted and merged into the county ledger and acknowledged per change", "[push]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    std::vector<Change> batch = {f.household(device, kVillageA), f.household(device, kVillageA, "李四")};
    auto res = f.push(device, batch);
    REQUIRE(res.status == 200);
    auto answer = pushAnswer(res);
    REQUIRE(answer.results_size() == 2);
    for (int i = 0; i < 2; ++i) {
        CHECK(answer.results(i).change_id() == batch[static_cast<std::size_t>(i)].changeId);
        CHECK(answer.results(i).accepted());
    }
    CHECK(f.liveCount("household") == 2);
    CHECK(f.store->device(device.id)->lastPushAt.size() == 19);
}

TEST_CASE("the same batch pushed twice is stored once and accepted both times", "[push]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    std::vector<Change> batch = {f.household(device, kVillageA), f.household(device, kVillageA, "李四")};
    REQUIRE(f.push(device, batch).status == 200);
    auto again = f.push(device, batch);
    REQUIRE(again.status == 200);
    const auto answer = pushAnswer(again);
    for (const auto& r : answer.results())
        CHECK(r.accepted());
    CHECK(f.liveCount("household") == 2);
    auto county = f.enroll("county:500154");
    CHECK(f.pull(county).changes_size() == 2);
}

TEST_CASE("a change outside the device's scope is refused 403 and written nowhere", "[push][scope]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    Change foreign = f.household(device, kVillageB);
    auto res = f.push(device, {foreign});
    CHECK(res.status == 403);
    auto error = errorOf(res);
    CHECK(error.code() == wire::OUT_OF_SCOPE);
    REQUIRE(error.results_size() == 1);
    CHECK_FALSE(error.results(0).accepted());
    CHECK(error.results(0).error().code() == wire::OUT_OF_SCOPE);
    CHECK(f.liveCount("household") == 0);
    auto county = f.enroll("county:500154");
    CHECK(f.pull(county).changes_size() == 0);
}

TEST_CASE("a village may not publish county reference data while a mixed batch keeps the good changes", "[push][scope]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    const Change catalogue
        = f.created(device, "service_item", kCounty, {{"name", "上门理发", {}}, {"category", "care", {}}});
    Change good = f.household(device, kVillageA);
    auto res = f.push(device, {catalogue, good});
    REQUIRE(res.status == 200);
    auto answer = pushAnswer(res);
    CHECK(answer.results(0).error().code() == wire::OUT_OF_SCOPE);
    CHECK(answer.results(1).accepted());
    CHECK(f.liveCount("service_item") == 0);
    CHECK(f.liveCount("household") == 1);
}

TEST_CASE("a township device may write its villages' incidents but not their ledgers", "[push][scope]")
{
    ServerFixture f;
    auto township = f.enroll("township:500154102");
    auto res = f.push(township, {f.household(township, kVillageA)});
    CHECK(res.status == 403);
}

TEST_CASE("a change made by another device is refused CHANGE_REFUSED", "[push]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    auto other = f.enroll("village:500154102200");
    auto res = f.push(device, {f.household(other, kVillageA)});
    CHECK(res.status == 422);
    CHECK(errorOf(res).code() == wire::CHANGE_REFUSED);
    CHECK(f.liveCount("household") == 0);
}

TEST_CASE("an invalid value is refused 422 CHANGE_REFUSED with a reason", "[push]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    Change bad = f.household(device, kVillageA);
    bad.fields.push_back({"dibao", "maybe", {}});
    auto res = f.push(device, {bad});
    CHECK(res.status == 422);
    CHECK(errorOf(res).code() == wire::CHANGE_REFUSED);
    CHECK_FALSE(errorOf(res).results(0).error().message().empty());
    CHECK(f.liveCount("household") == 0);
}

TEST_CASE("an HLC more than 24 h ahead of the server is refused 422 CLOCK_AHEAD", "[push][clock]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    Change future = f.household(device, kVillageA);
    future.hlc = device.nextHlc(f.now + protocol::kMaxClockAheadMillis + 60'000);
    Change nearFuture = f.household(device, kVillageA);
    nearFuture.hlc = device.nextHlc(f.now + protocol::kMaxClockAheadMillis - 60'000);
    auto res = f.push(device, {future});
    CHECK(res.status == 422);
    CHECK(errorOf(res).code() == wire::CLOCK_AHEAD);
    CHECK(errorOf(res).message().find("时间") != std::string::npos);
    CHECK(f.liveCount("household") == 0);
    // Within a day ahead is a slightly wrong clock, not a broken one.
    CHECK(f.push(device, {nearFuture}).status == 200);
}

TEST_CASE("a revoked device's token is refused 401", "[push][auth]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    REQUIRE(f.store->revokeDevice(device.id));
    auto res = f.push(device, {f.household(device, kVillageA)});
    CHECK(res.status == 401);
    CHECK(errorOf(res).code() == wire::UNAUTHENTICATED);
    CHECK(f.liveCount("household") == 0);
    TestDevice stranger{newUuid(), "not-a-token"};
    CHECK(f.push(stranger, {}).status == 401);
    CHECK(f.post(protocol::kPushPath, ServerFixture::pushBody({})).status == 401);
}

TEST_CASE("a body that is not the expected protobuf is answered 400 MALFORMED", "[push][protocol]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    auto res = f.post(protocol::kPushPath, std::string("\xff\xff\xff\xff garbage", 13), device.token);
    CHECK(res.status == 400);
    CHECK(errorOf(res).code() == wire::MALFORMED);
    server::Request broken;
    broken.method = "POST";
    broken.target = std::string(protocol::kPushPath);
    broken.authorization = "Bearer " + device.token;
    broken.contentEncoding = "gzip";
    broken.body = "\x1f\x8b not really gzip at all, just some bytes";
    CHECK(server::handle(broken, f.services).status == 400);
}

TEST_CASE("a body over the limits is answered 413 TOO_LARGE", "[push][protocol]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    auto res = f.post(protocol::kPushPath, std::string(protocol::kMaxBodyBytes + 1, 'x'), device.token);
    CHECK(res.status == 413);
    CHECK(errorOf(res).code() == wire::TOO_LARGE);

    std::vector<Change> tooMany(protocol::kMaxPushChanges + 1, f.household(device, kVillageA));
    CHECK(f.push(device, tooMany).status == 413);
    CHECK(f.liveCount("household") == 0);

    // A small gzip body that inflates past 32 MiB is refused the same way.
    server::Request bomb;
    bomb.method = "POST";
    bomb.target = std::string(protocol::kPushPath);
    bomb.authorization = "Bearer " + device.token;
    bomb.contentEncoding = "gzip";
    bomb.body = gzip::compress(std::string(protocol::kMaxInflatedBytes + 1024, '\0'));
    CHECK(bomb.body.size() < protocol::kMaxBodyBytes);
    CHECK(server::handle(bomb, f.services).status == 413);
}

TEST_CASE("a gzip request body is accepted and a gzip answer is sent when asked for", "[push][protocol]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    std::vector<Change> batch;
    for (int i = 0; i < 30; ++i)
        batch.push_back(f.household(device, kVillageA));
    server::Request req;
    req.method = "POST";
    req.target = std::string(protocol::kPushPath);
    req.authorization = "Bearer " + device.token;
    req.contentEncoding = "gzip";
    req.acceptEncoding = "gzip, deflate";
    req.body = gzip::compress(ServerFixture::pushBody(batch));
    auto res = server::handle(req, f.services);
    REQUIRE(res.status == 200);
    REQUIRE(res.contentEncoding == "gzip");
    auto inflated = gzip::decompress(res.body, protocol::kMaxInflatedBytes);
    REQUIRE(inflated);
    wire::PushResponse answer;
    REQUIRE(answer.ParseFromString(*inflated));
    CHECK(answer.results_size() == 30);
    CHECK(f.liveCount("household") == 30);
}

namespace {

// The real store, except that the disk is full when a push tries to commit.
class FullDiskStore final : public server::CountyStore {
public:
    explicit FullDiskStore(server::CountyStore& real)
        : m_real(real)
    {
    }
    std::string countyCode() override { return m_real.countyCode(); }
    void setCountyCode(std::string_view code) override { m_real.setCountyCode(code); }
    std::string countySigningKey() override { return m_real.countySigningKey(); }
    std::string signingKeyFor(const Scope& scope) override { return m_real.signingKeyFor(scope); }
    bool healthy() override { return m_real.healthy(); }
    void addEnrollmentCode(const server::EnrollmentCode& code) override { m_real.addEnrollmentCode(code); }
    server::EnrollVerdict enroll(std::string_view codeHash, server::Device& d, std::string_view now) override
    {
        return m_real.enroll(codeHash, d, now);
    }
    void addFork(const server::Device& o, const server::Device& c, std::string_view now) override { m_real.addFork(o, c, now); }
    std::optional<server::Device> deviceByTokenHash(std::string_view h) override { return m_real.deviceByTokenHash(h); }
    std::vector<server::EarlierId> earlierIds(std::string_view id) override { return m_real.earlierIds(id); }
    bool wasForked(std::string_view id) override { return m_real.wasForked(id); }
    std::optional<server::Device> device(std::string_view id) override { return m_real.device(id); }
    std::vector<server::Device> devices() override { return m_real.devices(); }
    bool revokeDevice(std::string_view id) override { return m_real.revokeDevice(id); }
    void openRelayWindow(std::string_view id, std::string_view until) override { m_real.openRelayWindow(id, until); }
    void touchDevice(std::string_view id, std::string_view now, bool pushed) override { m_real.touchDevice(id, now, pushed); }
    server::MergeBatchResult mergeChanges(const std::vector<ReceivedChange>&, const server::AuditEntry&) override
    {
        throw StoreError("database or disk is full", 13 /* SQLITE_FULL */);
    }
    server::ChangePage changesAfter(std::uint64_t c, std::string_view e, const Scope& s, std::string_view x,
                                    std::size_t l) override
    {
        return m_real.changesAfter(c, e, s, x, l);
    }
    std::optional<server::SnapshotPage> snapshotPage(std::uint64_t at, std::string_view e, std::string_view after,
                                                     const Scope& s, std::size_t l, const RecordSink& take) override
    {
        return m_real.snapshotPage(at, e, after, s, l, take);
    }
    std::vector<Change> recordHistory(std::string_view id, const Scope& s, std::size_t l, bool& t) override
    {
        return m_real.recordHistory(id, s, l, t);
    }
    void audit(const server::AuditEntry&) override { throw StoreError("database or disk is full", 13); }
    std::vector<Conflict> openConflicts() override { return m_real.openConflicts(); }
    std::string resolveConflict(std::string_view id, const std::string& v, std::string_view op) override
    {
        return m_real.resolveConflict(id, v, op);
    }
    server::LedgerStats stats() override { return m_real.stats(); }
    void backup(const std::string& path) override { m_real.backup(path); }
    std::string serverDeviceId() override { return m_real.serverDeviceId(); }
    void limitReaders(std::size_t most) override { m_real.limitReaders(most); }

private:
    server::CountyStore& m_real;
};

} // namespace

TEST_CASE("a full disk is answered 503 STORAGE_FULL with try_again and nothing acknowledged", "[push][storage]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    FullDiskStore full(*f.store);
    server::Services services{full, f.metrics, f.limiter, [&f] { return f.now; }};
    server::Request req;
    req.method = "POST";
    req.target = std::string(protocol::kPushPath);
    req.authorization = "Bearer " + device.token;
    req.body = ServerFixture::pushBody({f.household(device, kVillageA)});
    auto res = server::handle(req, services);
    CHECK(res.status == 503);
    CHECK(errorOf(res).code() == wire::STORAGE_FULL);
    CHECK(errorOf(res).try_again());
    CHECK(errorOf(res).results_size() == 0);
    CHECK(f.liveCount("household") == 0);
}
