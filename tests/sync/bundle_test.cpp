#include "sync/bundle.h"
#include "sync/crypto.h"
#include "sync/gzip.h"
#include "sync/protocol.h"

#include <catch2/catch.hpp>

using namespace shouwang;

namespace {

const std::string kKey = crypto::tokenHash("token-of-the-village-laptop");

wire::Bundle sampleBundle()
{
    wire::Bundle bundle;
    bundle.set_protocol_version(protocol::kVersion);
    bundle.set_device_id("dev-1");
    bundle.set_scope("village:500154102200");
    bundle.set_cursor(42);
    wire::Change* change = bundle.add_changes();
    change->set_change_id("c-1");
    change->set_entity("elder");
    change->set_record_id("r-1");
    change->set_village_code("500154102200");
    change->mutable_hlc()->set_time(123456789);
    change->mutable_hlc()->set_device("dev-1");
    auto* field = change->add_fields();
    field->set_name("name");
    field->set_value("张秀英");
    return bundle;
}

} // namespace

TEST_CASE("a bundle file reads back exactly what was written, with the right key")
{
    const std::string bytes = writeBundleFile(sampleBundle(), kKey);
    REQUIRE(bytes.substr(0, 8) == "SHWBNDL1");
    std::string error;
    const auto read = readBundleFile(bytes, kKey, error);
    REQUIRE(read);
    CHECK(error.empty());
    CHECK(read->SerializeAsString() == sampleBundle().SerializeAsString());
    CHECK(peekBundleDevice(bytes) == std::optional<std::string>("dev-1"));
}

TEST_CASE("a damaged bundle file is refused as damaged, wherever the damage is")
{
    const std::string good = writeBundleFile(sampleBundle(), kKey);
    // Flip one byte at a time through the whole file after the magic: every one is caught.
    for (std::size_t at = 8; at < good.size(); ++at) {
        std::string bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x5a);
        std::string error;
        CHECK_FALSE(readBundleFile(bad, kKey, error));
        CHECK_FALSE(error.empty());
    }
    std::string error;
    CHECK_FALSE(readBundleFile(good.substr(0, good.size() - 3), kKey, error)); // a truncated copy
    CHECK(error.find("文件已损坏") != std::string::npos);
}

TEST_CASE("a bundle made with another device's key is refused as foreign")
{
    const std::string bytes = writeBundleFile(sampleBundle(), crypto::tokenHash("another-device-token"));
    std::string error;
    CHECK_FALSE(readBundleFile(bytes, kKey, error));
    CHECK(error.find("文件不是由本设备/本县服务器生成") != std::string::npos);
}

TEST_CASE("a file that is not a bundle, or is of another protocol version, is refused")
{
    std::string error;
    CHECK_FALSE(readBundleFile("PK\x03\x04 a zip file", kKey, error));
    CHECK_FALSE(error.empty());
    CHECK_FALSE(peekBundleDevice("not a bundle"));

    wire::Bundle future = sampleBundle();
    future.set_protocol_version(protocol::kVersion + 1);
    error.clear();
    CHECK_FALSE(readBundleFile(writeBundleFile(future, kKey), kKey, error));
    CHECK(error.find("版本") != std::string::npos);
}

TEST_CASE("gzip round-trips a body and refuses one that inflates past the limit")
{
    const std::string body(100000, 'x');
    const std::string packed = gzip::compress(body);
    CHECK(packed.size() < body.size() / 10);
    CHECK(gzip::decompress(packed, body.size()) == std::optional<std::string>(body));
    CHECK_FALSE(gzip::decompress(packed, body.size() - 1));
    CHECK_FALSE(gzip::decompress("not gzip at all", 1000));
}
