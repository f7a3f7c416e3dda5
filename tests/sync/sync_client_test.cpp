// The sync client's behaviour when the network fails. The transport here is a fault
// injector (it never answers like a server); everything a server says is tested against
// the real server in tests/cli.
#include "../store/ledger_fixture.h"

#include "store/change_codec.h"
#include "store/change_log.h"
#include "store/meta.h"
#include "sync/protocol.h"
#include "sync/sync_client.h"

#include "shouwang/sync.pb.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// A network that is down: every request fails without an HTTP answer.
struct DeadNetwork final : Transport {
    int attempts = 0;
    std::atomic<bool>* cancelAfterFirst = nullptr;
    HttpResponse post(std::string_view, std::string_view, const HttpHeaders&) override
    {
        ++attempts;
        if (cancelAfterFirst)
            cancelAfterFirst->store(true);
        HttpResponse response;
        response.networkError = "connect: Connection refused";
        return response;
    }
};

struct EnrolledDevice : LedgerFixture {
    EnrolledDevice()
    {
        ledger.meta().set(meta::kToken, "a-token");
        ledger.meta().set(meta::kScope, std::string("village:") + kVillage);
        saved(elder("张秀英", "11010519491231002X"));
    }
};

SyncOptions fast(int attempts)
{
    SyncOptions options;
    options.maxAttempts = attempts;
    options.baseDelay = std::chrono::milliseconds(0);
    return options;
}

} // namespace

TEST_CASE("a dead network is retried the configured number of times, then reported — the outbox stays")
{
    EnrolledDevice device;
    DeadNetwork network;
    SyncClient client(device.ledger, network);
    const SyncReport report = client.sync(fast(4));
    CHECK(network.attempts == 4);
    CHECK(report.error.code == SyncErrorCode::Network);
    CHECK(report.error.tryAgain);
    CHECK(report.error.message.find("服务器暂时无法连接") != std::string::npos);
    CHECK(device.ledger.changeLog().pendingCount() == 1);
    CHECK(device.ledger.meta().value(meta::kLastSyncError) == report.error.message);
    CHECK(device.ledger.meta().value(meta::kLastSync).empty());
}

TEST_CASE("backoff doubles from the base delay")
{
    EnrolledDevice device;
    DeadNetwork network;
    SyncClient client(device.ledger, network);
    SyncOptions options = fast(3);
    options.baseDelay = std::chrono::milliseconds(40); // waits 40 + 80 ms
    const auto start = std::chrono::steady_clock::now();
    client.sync(options);
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(took >= std::chrono::milliseconds(120));
    CHECK(took < std::chrono::milliseconds(2000));
}

TEST_CASE("a cancel during backoff stops the sync promptly as cancelled")
{
    EnrolledDevice device;
    DeadNetwork network;
    std::atomic<bool> cancel{false};
    network.cancelAfterFirst = &cancel;
    SyncClient client(device.ledger, network);
    SyncOptions options = fast(10);
    options.baseDelay = std::chrono::milliseconds(60000);
    const auto start = std::chrono::steady_clock::now();
    const SyncReport report = client.sync(options, {}, &cancel);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    CHECK(network.attempts == 1);
    CHECK(report.error.code == SyncErrorCode::Cancelled);
    CHECK(device.ledger.changeLog().pendingCount() == 1);
}

TEST_CASE("a device that never enrolled does not touch the network")
{
    LedgerFixture device;
    DeadNetwork network;
    SyncClient client(device.ledger, network);
    const SyncReport report = client.sync(fast(3));
    CHECK(report.error.code == SyncErrorCode::NotEnrolled);
    CHECK_FALSE(report.error.tryAgain);
    CHECK(network.attempts == 0);
    CHECK(client.exportBundle(device.dir.file("out.shw")).error.code == SyncErrorCode::NotEnrolled);
}

TEST_CASE("progress is reported while waiting to retry")
{
    EnrolledDevice device;
    DeadNetwork network;
    SyncClient client(device.ledger, network);
    int waits = 0;
    std::size_t toPush = 0;
    client.sync(fast(3), [&](const SyncProgress& p) {
        toPush = p.toPush;
        waits += p.phase == SyncProgress::Phase::Waiting;
    });
    CHECK(toPush == 1);
    CHECK(waits == 2);
}

namespace {

// A man in the middle of a plain-HTTP link: answers every push as accepted and every pull
// with a change to a record of another village.
struct ForgingMiddle final : Transport {
    Change forged;
    HttpResponse post(std::string_view path, std::string_view body, const HttpHeaders&) override
    {
        HttpResponse response;
        response.status = 200;
        if (path == protocol::kPushPath) {
            wire::PushRequest request;
            request.ParseFromString(std::string(body));
            wire::PushResponse answer;
            for (const auto& c : request.changes()) {
                auto* r = answer.add_results();
                r->set_change_id(c.change_id());
                r->set_accepted(true);
            }
            response.body = answer.SerializeAsString();
        } else if (path == protocol::kPullPath) {
            wire::PullResponse answer;
            toWire(forged, *answer.add_changes());
            answer.set_next_cursor(1);
            response.body = answer.SerializeAsString();
        } else {
            response.status = 404; // no hello: an older server, as far as the device can tell
        }
        return response;
    }
};

} // namespace

TEST_CASE("a pulled change outside the device's own scope is not taken, whoever sent it")
{
    EnrolledDevice device;
    LedgerFixture elsewhere;
    Record other = elsewhere.elder("外村老人", "110105195001010039");
    other.villageCode = kOtherVillage;
    other = elsewhere.saved(other);
    ForgingMiddle middle;
    middle.forged = elsewhere.ledger.changeLog().pending(1).front();

    SyncClient client(device.ledger, middle);
    const SyncReport report = client.sync(fast(1));
    INFO(report.error.message);
    CHECK(report.ok());
    CHECK(report.outOfScope == 1);
    CHECK_FALSE(device.ledger.get("elder", other.id));
}
