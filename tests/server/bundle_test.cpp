#include "server_fixture.h"

#include "server/cli.h"

#include "sync/bundle.h"
#include "sync/crypto.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

void writeFile(const std::string& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

int importBundle(ServerFixture& f, const std::string& in, const std::string& answer, std::string* errors = nullptr)
{
    std::ostringstream out, err;
    const char* args[] = {"shouwang-server", "--db", f.dbPath.c_str(), "import-bundle", in.c_str(), "--answer", answer.c_str()};
    const int status = server::runCli(7, args, out, err);
    if (errors)
        *errors = err.str();
    return status;
}

} // namespace

TEST_CASE("a bundle is imported with the push rules and its answer carries results and updates and importing twice changes nothing", "[bundle]")
{
    ServerFixture f;
    auto village = f.enroll("village:500154102200");
    auto county = f.enroll("county:500154");
    const Change published
        = f.created(county, "campaign", kCounty, {{"name", "重阳节探访", {}}, {"kind", "double_ninth", {}}});
    REQUIRE(f.push(county, {published}).status == 200);

    wire::Bundle bundle;
    bundle.set_protocol_version(protocol::kVersion);
    bundle.set_device_id(village.id);
    bundle.set_scope("village:500154102200");
    bundle.set_cursor(0);
    std::vector<Change> sent = {f.household(village, kVillageA), f.household(village, kVillageB)};
    for (const auto& c : sent)
        toWire(c, *bundle.add_changes());
    const std::string key = crypto::tokenHash(village.token);
    const std::string in = f.dir.file("village.shwb"), answerPath = f.dir.file("answer.shwb");
    writeFile(in, writeBundleFile(bundle, key));

    for (int round = 0; round < 2; ++round) {
        REQUIRE(importBundle(f, in, answerPath) == 0);
        std::string error;
        auto answer = readBundleFile(readFile(answerPath), key, error);
        REQUIRE(answer);
        CHECK(answer->device_id() == village.id);
        REQUIRE(answer->results_size() == 2);
        CHECK(answer->results(0).accepted());
        CHECK(answer->results(1).error().code() == wire::OUT_OF_SCOPE); // another village's record
        CHECK(answer->updates().has_more() == false);
        CHECK(answer->updates().next_cursor() > 0);
        bool sawCampaign = false;
        for (const auto& c : answer->updates().changes())
            sawCampaign = sawCampaign || c.change_id() == published.changeId;
        CHECK(sawCampaign);
        CHECK(f.liveCount("household") == 1);
    }
}

TEST_CASE("a bundle whose mac was not made with the device token is refused and changes nothing", "[bundle]")
{
    ServerFixture f;
    auto village = f.enroll("village:500154102200");
    wire::Bundle bundle;
    bundle.set_protocol_version(protocol::kVersion);
    bundle.set_device_id(village.id);
    toWire(f.household(village, kVillageA), *bundle.add_changes());
    const std::string in = f.dir.file("forged.shwb"), answerPath = f.dir.file("answer.shwb");
    writeFile(in, writeBundleFile(bundle, crypto::tokenHash("someone else's token")));
    std::string errors;
    CHECK(importBundle(f, in, answerPath, &errors) != 0);
    CHECK_FALSE(errors.empty());
    CHECK(f.liveCount("household") == 0);

    // A revoked device's bundle is refused even with the right key.
    writeFile(in, writeBundleFile(bundle, crypto::tokenHash(village.token)));
    REQUIRE(f.store->revokeDevice(village.id));
    CHECK(importBundle(f, in, answerPath) != 0);
    CHECK(f.liveCount("household") == 0);
}

TEST_CASE("a keyed device's bundle forged from the county database's contents is refused, its signed one accepted", "[bundle]")
{
    ServerFixture f;
    const crypto::SigningKeyPair key = crypto::newSigningKeyPair();
    TestDevice village{newUuid(), {}};
    wire::EnrollRequest request;
    request.set_protocol_version(protocol::kVersion);
    request.set_code(f.makeCode("village:500154102200"));
    request.set_device_id(village.id);
    request.set_signing_key(key.publicKey);
    const auto enrolled = f.post(protocol::kEnrollPath, request.SerializeAsString());
    wire::EnrollResponse answer;
    REQUIRE(enrolled.status == 200);
    REQUIRE(answer.ParseFromString(enrolled.body));
    village.token = answer.token();
    REQUIRE(answer.county_key().size() == 32);
    const auto stored = f.store->device(village.id);
    REQUIRE(stored);
    CHECK(stored->signingKey == key.publicKey);

    wire::Bundle bundle;
    bundle.set_protocol_version(protocol::kVersion);
    bundle.set_device_id(village.id);
    bundle.set_scope("village:500154102200");
    toWire(f.household(village, kVillageA), *bundle.add_changes());
    const std::string in = f.dir.file("village.shwb"), answerPath = f.dir.file("answer.shwb");

    // What the county database holds: the token hash and the public key. Neither signs.
    const std::string tokenHash = stored->tokenHash;
    for (const BundleSeal& forged : {BundleSeal{{}, tokenHash}, BundleSeal{crypto::newSigningKeyPair().privateKey, tokenHash}}) {
        writeFile(in, writeBundleFile(bundle, forged));
        std::string errors;
        CHECK(importBundle(f, in, answerPath, &errors) != 0);
        CHECK(errors.find("文件不是由本设备/本县服务器生成") != std::string::npos);
        CHECK(f.liveCount("household") == 0);
    }

    writeFile(in, writeBundleFile(bundle, BundleSeal{key.privateKey, tokenHash}));
    REQUIRE(importBundle(f, in, answerPath) == 0);
    CHECK(f.liveCount("household") == 1);
    // The answer is signed by the county key the device was given at enrollment.
    std::string error;
    const auto read = readBundleFile(readFile(answerPath), BundleTrust{answer.county_key(), tokenHash}, error);
    INFO(error);
    REQUIRE(read);
    CHECK(read->results_size() == 1);
    CHECK(read->results(0).accepted());
}
