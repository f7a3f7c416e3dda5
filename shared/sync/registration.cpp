#include "registration.h"

#include "crypto.h"
#include "protocol.h"
#include "scope.h"
#include "sync_apply.h"

#include "store/database.h"
#include "store/ledger.h"

#include "domain/hlc.h"

#include <cstdint>
#include <fstream>
#include <iterator>

namespace shouwang {

EnrollResult storeEnrollment(Ledger& ledger, const wire::EnrollResponse& answer, std::string_view signingKey)
{
    EnrollResult result;
    try {
        Transaction tx(ledger.database());
        Meta& meta = ledger.meta();
        // The county never rebinds a device id it knows: a ledger enrolled again (or a copy
        // of one) is given a new id, and what waits in its outbox is stamped with it.
        if (!answer.device_id().empty() && answer.device_id() != ledger.deviceId())
            ledger.adoptIdentity(answer.device_id());
        // A new scope sees other records: pull it from the beginning.
        if (meta.value(meta::kScope) != answer.scope())
            meta.set(meta::kPullCursor, "0");
        meta.set(meta::kToken, answer.token());
        meta.set(meta::kScope, answer.scope());
        meta.set(meta::kCountyCode, answer.county_code());
        if (!signingKey.empty())
            meta.set(meta::kSigningKey, crypto::hex(signingKey));
        // A county that predates signing keys sends none: its answers carry only the mac.
        if (answer.county_key().empty())
            meta.erase(meta::kCountyKey);
        else
            meta.set(meta::kCountyKey, crypto::hex(answer.county_key()));
        meta.erase(meta::kLastSyncError);
        // A ledger enrolled again (its token was lost, or the county was restored to before
        // it enrolled) cannot know what the county holds of it: everything it had sent goes
        // again, and the county takes each change once.
        ledger.changeLog().resendAfter({}, {});
        tx.commit();
    } catch (const StoreError& e) {
        result.error = detail::localStorageError(e, e.full());
        return result;
    }
    result.deviceId = ledger.deviceId();
    result.scope = answer.scope();
    result.countyCode = answer.county_code();
    return result;
}

std::string storedSigningKey(Meta& meta, std::string_view key)
{
    if (const auto stored = crypto::unhex(meta.value(key)); stored && !crypto::publicKeyOf(*stored).empty())
        return *stored;
    const crypto::SigningKeyPair pair = crypto::newSigningKeyPair();
    meta.set(key, crypto::hex(pair.privateKey));
    return pair.privateKey;
}

std::string deviceSigningKey(Ledger& ledger)
{
    return storedSigningKey(ledger.meta(), meta::kSigningKey);
}

std::string writeRegistrationFile(const wire::Registration& registration, std::string_view countySigningKey)
{
    wire::RegistrationFile file;
    std::string serialized = registration.SerializeAsString();
    file.set_sha256(crypto::sha256(serialized));
    file.set_signature(crypto::sign(countySigningKey, serialized));
    file.set_registration(std::move(serialized));
    std::string out(protocol::kRegistrationMagic);
    out += file.SerializeAsString();
    return out;
}

std::optional<wire::Registration> readRegistrationFile(std::string_view bytes, std::string& error)
{
    const std::string_view magic = protocol::kRegistrationMagic;
    if (bytes.size() < magic.size() || bytes.substr(0, magic.size()) != magic) {
        error = "这不是守望登记文件 (not a Shouwang registration file)";
        return std::nullopt;
    }
    const std::string_view body = bytes.substr(magic.size());
    wire::RegistrationFile file;
    wire::Registration registration;
    if (body.size() > static_cast<std::size_t>(INT32_MAX) || !file.ParseFromArray(body.data(), static_cast<int>(body.size()))
        || !crypto::constantTimeEquals(crypto::sha256(file.registration()), file.sha256())
        || !registration.ParseFromString(file.registration())) {
        error = "登记文件已损坏，请向区县管理员重新索取 (the registration file is damaged)";
        return std::nullopt;
    }
    if (registration.protocol_version() != protocol::kVersion) {
        error = "登记文件由其他版本的守望生成，请将两端软件升级到同一版本 (made by another protocol version)";
        return std::nullopt;
    }
    const wire::EnrollResponse& enrollment = registration.enrollment();
    if (!crypto::verify(enrollment.county_key(), file.registration(), file.signature())
        || crypto::publicKeyOf(registration.device_signing_key()).empty() || enrollment.token().empty()
        || !isValidDeviceId(enrollment.device_id()) || !Scope::parse(enrollment.scope())) {
        error = "登记文件内容不完整或被改动过，请向区县管理员重新索取 (the registration file was altered)";
        return std::nullopt;
    }
    return registration;
}

EnrollResult registerFromFile(Ledger& ledger, const std::string& path)
{
    EnrollResult result;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.error = {SyncErrorCode::BadBundle, "无法读取登记文件 " + path, false};
        return result;
    }
    const std::string bytes(std::istreambuf_iterator<char>(in), {});
    std::string error;
    const auto registration = readRegistrationFile(bytes, error);
    if (!registration) {
        result.error = {SyncErrorCode::BadBundle, error, false};
        return result;
    }
    const wire::EnrollResponse& enrollment = registration->enrollment();
    try {
        // The same file imported again changes nothing (it would put every sent change back
        // in the outbox).
        if (ledger.meta().value(meta::kToken) == enrollment.token()) {
            result.deviceId = ledger.deviceId();
            result.scope = enrollment.scope();
            result.countyCode = enrollment.county_code();
            return result;
        }
    } catch (const StoreError& e) {
        result.error = detail::localStorageError(e, e.full());
        return result;
    }
    return storeEnrollment(ledger, enrollment, registration->device_signing_key());
}

} // namespace shouwang
