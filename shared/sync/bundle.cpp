#include "bundle.h"

#include "crypto.h"
#include "protocol.h"

#include <cstdint>

namespace shouwang {
namespace {

// Parses the envelope after the magic; the bundle inside is not yet trusted.
std::optional<wire::BundleFile> parseEnvelope(std::string_view bytes, std::string& error)
{
    if (bytes.size() < protocol::kBundleMagic.size() || bytes.substr(0, protocol::kBundleMagic.size()) != protocol::kBundleMagic) {
        error = "这不是守望数据包文件 (not a Shouwang bundle file)";
        return std::nullopt;
    }
    const std::string_view body = bytes.substr(protocol::kBundleMagic.size());
    wire::BundleFile file;
    if (body.size() > static_cast<std::size_t>(INT32_MAX) || !file.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
        error = "文件已损坏 (the file is damaged)";
        return std::nullopt;
    }
    return file;
}

} // namespace

std::string writeBundleFile(const wire::Bundle& bundle, const BundleSeal& seal)
{
    wire::BundleFile file;
    // The checksum, mac and signature cover these exact bytes, carried as they are, so the
    // reader never depends on re-serializing identically.
    std::string serialized = bundle.SerializeAsString();
    file.set_sha256(crypto::sha256(serialized));
    if (!seal.macKey.empty())
        file.set_mac(crypto::hmacSha256(seal.macKey, serialized));
    if (!seal.signingKey.empty())
        file.set_signature(crypto::sign(seal.signingKey, serialized));
    file.set_bundle(std::move(serialized));
    std::string out(protocol::kBundleMagic);
    out += file.SerializeAsString();
    return out;
}

std::optional<wire::Bundle> readBundleFile(std::string_view bytes, const BundleTrust& trust, std::string& error)
{
    auto file = parseEnvelope(bytes, error);
    if (!file)
        return std::nullopt;
    if (!crypto::constantTimeEquals(crypto::sha256(file->bundle()), file->sha256())) {
        error = "文件已损坏 (the file is damaged)";
        return std::nullopt;
    }
    // With a public key the signature is required: the mac key is the token hash the county
    // database holds, so a mac alone proves nothing to a key holder.
    const bool genuine = !trust.publicKey.empty()
        ? crypto::verify(trust.publicKey, file->bundle(), file->signature())
        : !trust.macKey.empty() && crypto::constantTimeEquals(crypto::hmacSha256(trust.macKey, file->bundle()), file->mac());
    if (!genuine) {
        error = "文件不是由本设备/本县服务器生成 (the file was not made by this device or this county's server)";
        return std::nullopt;
    }
    wire::Bundle bundle;
    if (!bundle.ParseFromString(file->bundle())) {
        error = "文件已损坏 (the file is damaged)";
        return std::nullopt;
    }
    if (bundle.protocol_version() != protocol::kVersion) {
        error = "文件由其他版本的守望生成，请将两端软件升级到同一版本 (the file was made by another protocol version)";
        return std::nullopt;
    }
    return bundle;
}

std::optional<std::string> peekBundleDevice(std::string_view bytes)
{
    std::string error;
    auto file = parseEnvelope(bytes, error);
    if (!file)
        return std::nullopt;
    wire::Bundle bundle;
    if (!bundle.ParseFromString(file->bundle()) || bundle.device_id().empty())
        return std::nullopt;
    return bundle.device_id();
}

} // namespace shouwang
