// A village that never reaches the county server (docs/admin-guide.md §7): the county hands
// out the registration as a file, and every exchange after it goes by USB stick. No server
// process is started in these tests: the real `shouwang-server` and `shouwang` commands
// only read and write files.
#include "county_fixture.h"

#include "store/meta.h"
#include "sync/bundle.h"
#include "sync/crypto.h"
#include "sync/protocol.h"
#include "sync/registration.h"

#include "shouwang/sync.pb.h"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

struct OfflineCounty {
    TempDir dir;
    std::string db = dir.file("county.db");

    OfflineCounty() { REQUIRE(admin({"init", "--county", kCountyCode}).status == 0); }

    Exec admin(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {SHOUWANG_SERVER_EXE, "--db", db});
        return run(args, dir.path().string());
    }
    Exec laptop(const std::string& ledger, std::vector<std::string> args) const
    {
        args.insert(args.begin(), {SHOUWANG_CLI_EXE, "--db", ledger});
        return run(args, dir.path().string());
    }
    // What anyone who can read the county database knows of a device.
    std::string tokenHash(const std::string& deviceId) const
    {
        auto database = openLedgerDatabase(db);
        auto st = database->prepare("SELECT token_hash FROM devices WHERE device_id = ?");
        st.bind(1, deviceId);
        REQUIRE(st.step());
        return st.text(0);
    }
};

// A household saved on the laptop's own file, as the client would.
std::string saveHousehold(const std::string& path, const std::string& head)
{
    auto database = openLedgerDatabase(path);
    Ledger ledger(*database);
    Record r;
    r.entity = "household";
    r.villageCode = kVillageA;
    r.set("head_name", head);
    r.set("address", head + "家，一组");
    const SaveResult saved = ledger.save(r, "测试员");
    INFO(saved.message);
    REQUIRE(saved.ok());
    return r.id;
}

} // namespace

TEST_CASE("a laptop registered from a file exports, the county answers, the laptop imports: no network")
{
    OfflineCounty county;
    const std::string ledgerPath = county.dir.file("village.db");
    // Work done before the laptop was ever registered stays, and goes on the first stick.
    const std::string early = saveHousehold(ledgerPath, "登记前户");
    std::string originalId;
    {
        auto database = openLedgerDatabase(ledgerPath);
        originalId = Ledger(*database).deviceId();
    }
    const std::string stick = county.dir.file("stick.swb"), answer = county.dir.file("answer.swb");
    const Exec refused = county.laptop(ledgerPath, {"export-bundle", stick});
    CHECK(refused.status != 0);
    CHECK(refused.err.find("登记文件") != std::string::npos);

    const std::string registration = county.dir.file("大坝村.shwr");
    const Exec written = county.admin({"enroll", "--scope", std::string("village:") + kVillageA, "--file", registration});
    INFO(written.err);
    REQUIRE(written.status == 0);
    const auto perms = std::filesystem::status(registration).permissions();
    CHECK((perms & std::filesystem::perms::all)
          == (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    // Not overwritten by a second run: the first file may already be on its way.
    CHECK(county.admin({"enroll", "--scope", std::string("village:") + kVillageA, "--file", registration}).status != 0);

    const Exec registered = county.laptop(ledgerPath, {"register-file", registration});
    INFO(registered.err);
    REQUIRE(registered.status == 0);
    const std::string deviceId = valueOf(registered.out, "device");
    CHECK(deviceId != originalId); // the county assigns the id
    CHECK(valueOf(registered.out, "scope") == std::string("village:") + kVillageA);
    CHECK(county.admin({"devices"}).out.find(deviceId) != std::string::npos);
    // Imported again: nothing changes.
    REQUIRE(county.laptop(ledgerPath, {"register-file", registration}).status == 0);

    saveHousehold(ledgerPath, "登记后户");
    const Exec exported = county.laptop(ledgerPath, {"export-bundle", stick});
    INFO(exported.err);
    REQUIRE(exported.status == 0);
    CHECK(valueOf(exported.out, "changes") == "2");

    const Exec imported = county.admin({"import-bundle", stick, "--answer", answer});
    INFO(imported.err);
    REQUIRE(imported.status == 0);
    CHECK(imported.out.find("接收 2 条") != std::string::npos);

    const Exec answered = county.laptop(ledgerPath, {"import-bundle", answer});
    INFO(answered.err);
    REQUIRE(answered.status == 0);
    CHECK(valueOf(answered.out, "acknowledged") == "2");

    auto database = openLedgerDatabase(ledgerPath);
    Ledger ledger(*database);
    CHECK(ledger.deviceId() == deviceId);
    CHECK(ledger.changeLog().pendingCount() == 0);
    CHECK(ledger.get("household", early));
    CHECK(ledger.meta().value(meta::kServerUrl).empty()); // it never had a server to reach
    const Exec sync = county.laptop(ledgerPath, {"sync"});
    CHECK(sync.status != 0);
    CHECK(sync.err.find("U 盘") != std::string::npos);
    CHECK(county.admin({"stats"}).out.find("household 2") != std::string::npos);
}

TEST_CASE("the county database alone forges neither a village bundle nor a county answer")
{
    OfflineCounty county;
    const std::string ledgerPath = county.dir.file("village.db"), registration = county.dir.file("reg.shwr");
    REQUIRE(county.admin({"enroll", "--scope", std::string("village:") + kVillageA, "--file", registration}).status == 0);
    const Exec registered = county.laptop(ledgerPath, {"register-file", registration});
    REQUIRE(registered.status == 0);
    const std::string deviceId = valueOf(registered.out, "device");
    const std::string tokenHash = county.tokenHash(deviceId);
    // The device's private key went into the file only: the county database, its log
    // included, holds no copy of it in any form.
    {
        std::string error;
        const auto read = readRegistrationFile(slurp(registration), error);
        REQUIRE(read);
        const std::string key = read->device_signing_key();
        const std::string countyBytes = slurp(county.db) + slurp(county.db + "-wal");
        CHECK(countyBytes.find(key) == std::string::npos);
        CHECK(countyBytes.find(crypto::hex(key)) == std::string::npos);
    }

    // A bundle in the device's name sealed with what the database holds.
    wire::Bundle bundle;
    bundle.set_protocol_version(protocol::kVersion);
    bundle.set_device_id(deviceId);
    bundle.set_scope(std::string("village:") + kVillageA);
    const std::string forged = county.dir.file("forged.swb"), answer = county.dir.file("answer.swb");
    std::ofstream(forged, std::ios::binary) << writeBundleFile(bundle, tokenHash);
    const Exec refused = county.admin({"import-bundle", forged, "--answer", answer});
    CHECK(refused.status != 0);
    CHECK(refused.err.find("文件不是由本设备/本县服务器生成") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(answer));

    // The genuine one goes through.
    saveHousehold(ledgerPath, "真户");
    const std::string stick = county.dir.file("stick.swb");
    REQUIRE(county.laptop(ledgerPath, {"export-bundle", stick}).status == 0);
    REQUIRE(county.admin({"import-bundle", stick, "--answer", answer}).status == 0);

    // An answer made without the county's private key: the mac with the token hash, signed
    // by some other key. The village refuses it and keeps its change waiting.
    wire::Bundle fake;
    fake.set_protocol_version(protocol::kVersion);
    fake.set_device_id(deviceId);
    fake.set_scope(std::string("village:") + kVillageA);
    wire::ChangeResult* result = fake.add_results();
    result->set_change_id("not-a-change");
    result->set_accepted(true);
    fake.mutable_updates()->set_next_cursor(999);
    const std::string fakeAnswer = county.dir.file("fake-answer.swb");
    std::ofstream(fakeAnswer, std::ios::binary)
        << writeBundleFile(fake, BundleSeal{crypto::newSigningKeyPair().privateKey, tokenHash});
    const Exec rejected = county.laptop(ledgerPath, {"import-bundle", fakeAnswer});
    CHECK(rejected.status != 0);
    CHECK(rejected.err.find("文件不是由本设备/本县服务器生成") != std::string::npos);
    {
        auto database = openLedgerDatabase(ledgerPath);
        Ledger ledger(*database);
        CHECK(ledger.changeLog().pendingCount() == 1);
        CHECK(ledger.meta().value(meta::kPullCursor, "0") == "0");
    }
    // The county's own answer is taken.
    REQUIRE(county.laptop(ledgerPath, {"import-bundle", answer}).status == 0);
}
