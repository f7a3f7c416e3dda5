// A bundle or registration file from a USB stick: readBundleFile (by mac, and by
// signature as for a device with a signing key), peekBundleDevice and readRegistrationFile
// on outside bytes.
#include "sync/bundle.h"
#include "sync/crypto.h"
#include "sync/registration.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // The keys the seeds were made with (fuzz/make_seeds.cpp), so well-formed inputs get
    // past the mac and the signature.
    static const std::string key(64, 'a');
    static const std::string publicKey = shouwang::crypto::publicKeyOf(std::string(32, '\x01'));
    shouwang::peekBundleDevice(bytes);
    std::string error;
    if (!shouwang::readBundleFile(bytes, key, error) && error.empty())
        std::abort(); // a refusal always says why
    error.clear();
    if (!shouwang::readBundleFile(bytes, shouwang::BundleTrust{publicKey, key}, error) && error.empty())
        std::abort();
    error.clear();
    if (!shouwang::readRegistrationFile(bytes, error) && error.empty())
        std::abort();
    return 0;
}
