#include "sync/bundle.h"
#include "sync/crypto.h"
#include "sync/gzip.h"
#include "sync/protocol.h"
#include "sync/registration.h"

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

TEST_CASE("a signed bundle is accepted with its public key, a mac made with the token hash alone is not")
{
    const crypto::SigningKeyPair device = crypto::newSigningKeyPair();
    const std::string genuine = writeBundleFile(sampleBundle(), BundleSeal{device.privateKey, kKey});
    std::string error;
    REQUIRE(readBundleFile(genuine, BundleTrust{device.publicKey, kKey}, error));
    // An older county that knows only the token hash still reads it by its mac.
    REQUIRE(readBundleFile(genuine, kKey, error));

    // Everything the county database holds (the token hash, the public key) forges no bundle.
    const std::string macOnly = writeBundleFile(sampleBundle(), kKey);
    error.clear();
    CHECK_FALSE(readBundleFile(macOnly, BundleTrust{device.publicKey, kKey}, error));
    CHECK(error.find("文件不是由本设备/本县服务器生成") != std::string::npos);
    const std::string otherKey = writeBundleFile(sampleBundle(), BundleSeal{crypto::newSigningKeyPair().privateKey, kKey});
    CHECK_FALSE(readBundleFile(otherKey, BundleTrust{device.publicKey, kKey}, error));

    // The signature covers the bundle: a change of one byte inside, with the checksum made
    // again to match, is still refused.
    wire::Bundle altered = sampleBundle();
    altered.set_cursor(43);
    std::string swapped = genuine;
    wire::BundleFile file;
    REQUIRE(file.ParseFromString(swapped.substr(8)));
    file.set_bundle(altered.SerializeAsString());
    file.set_sha256(crypto::sha256(file.bundle()));
    file.set_mac(crypto::hmacSha256(kKey, file.bundle()));
    swapped = "SHWBNDL1" + file.SerializeAsString();
    CHECK_FALSE(readBundleFile(swapped, BundleTrust{device.publicKey, kKey}, error));
}

TEST_CASE("Ed25519 keys: a signature verifies with its public key only, and hex round-trips")
{
    const crypto::SigningKeyPair a = crypto::newSigningKeyPair(), b = crypto::newSigningKeyPair();
    CHECK(a.privateKey.size() == 32);
    CHECK(a.publicKey.size() == 32);
    CHECK(crypto::publicKeyOf(a.privateKey) == a.publicKey);
    const std::string signature = crypto::sign(a.privateKey, "数据");
    CHECK(crypto::verify(a.publicKey, "数据", signature));
    CHECK_FALSE(crypto::verify(b.publicKey, "数据", signature));
    CHECK_FALSE(crypto::verify(a.publicKey, "数据!", signature));
    CHECK_FALSE(crypto::verify(a.publicKey, "数据", ""));
    CHECK_FALSE(crypto::verify("", "数据", signature));
    CHECK(crypto::publicKeyOf("short").empty());
    CHECK(crypto::unhex(crypto::hex(a.privateKey)) == std::optional<std::string>(a.privateKey));
    CHECK_FALSE(crypto::unhex("abc"));
    CHECK_FALSE(crypto::unhex("zz"));
}

TEST_CASE("a registration file reads back whole, a damaged or edited one is refused")
{
    const crypto::SigningKeyPair county = crypto::newSigningKeyPair();
    wire::Registration registration;
    registration.set_protocol_version(protocol::kVersion);
    registration.set_device_signing_key(crypto::newSigningKeyPair().privateKey);
    wire::EnrollResponse* enrollment = registration.mutable_enrollment();
    enrollment->set_device_id("9f1c2d3e-0000-4000-8000-000000000001");
    enrollment->set_token(crypto::newToken());
    enrollment->set_scope("village:500154102200");
    enrollment->set_county_code("500154");
    enrollment->set_county_key(county.publicKey);
    const std::string bytes = writeRegistrationFile(registration, county.privateKey);
    REQUIRE(bytes.substr(0, 8) == "SHWREG01");
    std::string error;
    const auto read = readRegistrationFile(bytes, error);
    REQUIRE(read);
    CHECK(read->SerializeAsString() == registration.SerializeAsString());

    for (std::size_t at = 8; at < bytes.size(); ++at) {
        std::string bad = bytes;
        bad[at] = static_cast<char>(bad[at] ^ 0x21);
        error.clear();
        CHECK_FALSE(readRegistrationFile(bad, error));
        CHECK_FALSE(error.empty());
    }
    // Another scope written in, with a checksum to match: the county's signature is broken.
    wire::RegistrationFile file;
    REQUIRE(file.ParseFromString(bytes.substr(8)));
    wire::Registration edited = registration;
    edited.mutable_enrollment()->set_scope("county:500154");
    file.set_registration(edited.SerializeAsString());
    file.set_sha256(crypto::sha256(file.registration()));
    CHECK_FALSE(readRegistrationFile("SHWREG01" + file.SerializeAsString(), error));
    CHECK(error.find("改动") != std::string::npos);
    CHECK_FALSE(readRegistrationFile(writeBundleFile(sampleBundle(), kKey), error));
}
