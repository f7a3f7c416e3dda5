// The parts of the sync client a network sync and a USB-stick bundle share, and the
// bundle side itself (docs/protocol.md, "File bundles").
#include "bundle.h"
#include "crypto.h"
#include "merge_engine.h"
#include "scope.h"
#include "sync_apply.h"
#include "sync_client.h"

#include "store/change_codec.h"
#include "store/database.h"
#include "store/id_number_notices.h"
#include "store/ledger.h"
#include "store/private_file.h"

#include "domain/date.h"

#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace shouwang {

std::string_view syncErrorName(SyncErrorCode code)
{
    switch (code) {
    case SyncErrorCode::None: return "OK";
    case SyncErrorCode::Malformed: return "MALFORMED";
    case SyncErrorCode::Unauthenticated: return "UNAUTHENTICATED";
    case SyncErrorCode::OutOfScope: return "OUT_OF_SCOPE";
    case SyncErrorCode::NotFound: return "NOT_FOUND";
    case SyncErrorCode::ProtocolVersion: return "PROTOCOL_VERSION";
    case SyncErrorCode::TooLarge: return "TOO_LARGE";
    case SyncErrorCode::ChangeRefused: return "CHANGE_REFUSED";
    case SyncErrorCode::ClockAhead: return "CLOCK_AHEAD";
    case SyncErrorCode::RateLimited: return "RATE_LIMITED";
    case SyncErrorCode::Busy: return "BUSY";
    case SyncErrorCode::StorageFull: return "STORAGE_FULL";
    case SyncErrorCode::Internal: return "INTERNAL";
    case SyncErrorCode::BadEnrollmentCode: return "BAD_ENROLLMENT_CODE";
    case SyncErrorCode::RecordUnknown: return "RECORD_UNKNOWN";
    case SyncErrorCode::Network: return "NETWORK";
    case SyncErrorCode::NotEnrolled: return "NOT_ENROLLED";
    case SyncErrorCode::LocalStorage: return "LOCAL_STORAGE";
    case SyncErrorCode::Cancelled: return "CANCELLED";
    case SyncErrorCode::BadBundle: return "BAD_BUNDLE";
    case SyncErrorCode::Certificate: return "CERTIFICATE";
    }
    return "UNKNOWN";
}

namespace detail {
namespace {

// What to say when the server's answer carries no message of its own.
SyncError fromStatus(int status)
{
    switch (status) {
    case 0: return {SyncErrorCode::Network, "服务器暂时无法连接，稍后将自动重试", true};
    case 400: return {SyncErrorCode::Malformed, "服务器无法识别本机发送的数据（软件错误，请报告）", false};
    case 401: return {SyncErrorCode::Unauthenticated, "本机的登记已失效，请向区县管理员索取新的登记码重新登记", false};
    case 403: return {SyncErrorCode::OutOfScope, "上传的数据超出本机的管辖范围", false};
    case 404: return {SyncErrorCode::NotFound, "服务器地址有误：找不到同步接口", false};
    case 409: return {SyncErrorCode::ProtocolVersion, "本机软件与服务器版本不一致，请升级守望", false};
    case 413: return {SyncErrorCode::TooLarge, "一次上传的数据过多", true};
    case 422: return {SyncErrorCode::ChangeRefused, "服务器拒收了上传的数据", false};
    case 429: return {SyncErrorCode::RateLimited, "尝试过于频繁，请稍后再试", true};
    default: break;
    }
    if (status >= 500)
        return {SyncErrorCode::Internal, "服务器暂时无法处理，稍后将自动重试", true};
    return {SyncErrorCode::Malformed, "服务器返回了无法识别的应答（HTTP " + std::to_string(status) + "）", false};
}

} // namespace

SyncError errorFromAnswer(int status, const std::optional<std::string>& body)
{
    SyncError error = fromStatus(status);
    wire::Error answer;
    if (status == 0 || !body || !answer.ParseFromString(*body) || answer.code() == wire::ERROR_UNSPECIFIED)
        return error;
    const auto code = static_cast<SyncErrorCode>(answer.code());
    if (syncErrorName(code) == "UNKNOWN")
        return error;
    error.code = code;
    if (!answer.message().empty())
        error.message = answer.message(); // the server's Chinese message, shown as it is
    error.tryAgain = answer.try_again() || status >= 500 || status == 429;
    return error;
}

SyncError localStorageError(const std::exception& e, bool full)
{
    return {SyncErrorCode::LocalStorage,
            full ? "本机磁盘已满或只读，腾出空间后再同步" : std::string("本机数据库写入失败：") + e.what(), full};
}

std::size_t applyResults(Ledger& ledger, const google::protobuf::RepeatedPtrField<wire::ChangeResult>& results,
                         SyncReport& report)
{
    ChangeLog& log = ledger.changeLog();
    IdNumberNotices notices(ledger.database());
    std::size_t moved = 0;
    for (const auto& result : results) {
        // Kept with the acknowledgement, whoever stamped the change, and counted once.
        for (const auto& told : result.same_id_elsewhere()) {
            if (result.accepted()
                && notices.keep({told.elder_id(), {}, told.id_number(), told.other_elder_id(), told.other_village_code(),
                                 told.other_village(), told.other_name(), told.message(), {}}))
                ++report.sameIdElsewhere;
        }
        const auto code = result.error().code();
        const bool waits = !result.accepted() && (code == wire::CLOCK_AHEAD || code == wire::RECORD_UNKNOWN);
        if (!waits && log.endRelay(result.change_id())) {
            ++moved; // a relayed change of another device: answered, whatever the answer
            continue;
        }
        if (result.accepted()) {
            if (log.markAcknowledged(result.change_id())) {
                ++report.acknowledged;
                ++moved;
            }
        } else if (waits) {
            // Not the change's fault: the computer's clock (it goes through once the clock is
            // right), or a record the county does not hold yet (it goes once the record
            // does). It stays in the outbox; quarantining it would keep it from the county.
            continue;
        } else if (log.isResend(result.change_id())) {
            // Sent again after a restore; the county took it once and declines it now (its
            // rules or this device's scope changed since): it stands as it was.
            if (log.markAcknowledged(result.change_id()))
                ++moved;
        } else {
            const std::string message = result.error().message().empty() ? "服务器拒收" : result.error().message();
            if (log.markRefused(result.change_id(), static_cast<int>(result.error().code()), message)) {
                // The laptop shows what the county holds, and the refused change stays
                // listed with its reason so the user can correct it and enter it again.
                ledger.undoRefused(result.change_id());
                ++report.refused;
                ++moved;
            }
        }
    }
    return moved;
}

void mergeChanges(MergeEngine& merge, const google::protobuf::RepeatedPtrField<wire::Change>& changes,
                  const std::optional<Scope>& scope, SyncReport& report)
{
    for (const auto& incoming : changes) {
        const Change change = fromWire(incoming);
        // Only what this device's scope holds is taken, whoever answered: on plain HTTP a
        // man in the middle could otherwise write any record of the county here.
        if (scope && !scope->admitsPulled(change)) {
            ++report.outOfScope;
            continue;
        }
        // A change with parts this (older) replica cannot read is kept whole and applied
        // once it is upgraded (MergeEngine::reapplyDeferred).
        const MergeOutcome outcome = merge.apply(change);
        if (outcome.applied() && !outcome.duplicate) {
            ++report.pulled;
            report.conflicts += static_cast<std::size_t>(outcome.conflicts);
        }
    }
}

} // namespace detail

namespace {

SyncError badBundle(std::string message)
{
    return {SyncErrorCode::BadBundle, std::move(message), false};
}

SyncError notEnrolled()
{
    return {SyncErrorCode::NotEnrolled, "本机尚未登记到县服务器，无法交换数据包；请先登记（没有网络时可用区县发的登记文件登记）", false};
}

// A key kept hex in meta, as raw bytes ("" when there is none).
std::string metaKey(Meta& meta, std::string_view key)
{
    return crypto::unhex(meta.value(key)).value_or(std::string{});
}

} // namespace

BundleExport SyncClient::exportBundle(const std::string& path)
{
    BundleExport result;
    try {
        Meta& meta = m_ledger.meta();
        const std::string token = meta.value(meta::kToken);
        if (token.empty()) {
            result.error = notEnrolled();
            return result;
        }
        wire::Bundle bundle;
        bundle.set_protocol_version(protocol::kVersion);
        bundle.set_device_id(m_ledger.deviceId());
        bundle.set_scope(meta.value(meta::kScope));
        bundle.set_cursor(std::stoull(meta.value(meta::kPullCursor, "0")));
        bundle.set_cursor_epoch(meta.value(meta::kPullCursorEpoch));
        // Every pending change: exporting is read-only, so exporting again (a lost stick)
        // carries the same changes and the server's idempotence makes that harmless.
        for (const Change& change : m_ledger.changeLog().outgoing(std::numeric_limits<std::int64_t>::max())) {
            wire::Change* out = bundle.add_changes();
            toWire(change, *out);
            out->clear_seq();
        }
        result.changes = static_cast<std::size_t>(bundle.changes_size());

        // Written beside the target and renamed, so a pulled stick never holds half a file.
        // Signed with the device's key when it enrolled with one; the mac stays for a county
        // that predates signing keys (one that holds the key ignores it).
        const std::string bytes = writeBundleFile(bundle, BundleSeal{metaKey(meta, meta::kSigningKey), crypto::tokenHash(token)});
        const std::string temporary = path + ".part";
        {
            // It carries names and ID numbers: owner-only from its first byte (and the
            // mode survives the rename).
            if (!createPrivateFile(temporary))
                throw std::runtime_error("cannot create " + temporary);
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            out.flush();
            if (!out)
                throw std::runtime_error("cannot write " + temporary);
        }
        std::filesystem::rename(temporary, path);
    } catch (const StoreError& e) {
        result.error = detail::localStorageError(e, e.full());
    } catch (const std::exception& e) {
        result.error = badBundle("无法写入数据包文件 " + path + "：" + e.what());
    }
    return result;
}

SyncReport SyncClient::importBundleAnswer(const std::string& path)
{
    SyncReport report;
    try {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        if (!in) {
            report.error = badBundle("无法读取数据包文件 " + path);
            return report;
        }
        const std::string bytes = buffer.str();
        const std::string token = m_ledger.meta().value(meta::kToken);
        if (token.empty()) {
            report.error = notEnrolled();
            return report;
        }
        const auto claimed = peekBundleDevice(bytes);
        if (claimed && *claimed != m_ledger.deviceId()) {
            report.error = badBundle("这个数据包属于另一台设备（" + *claimed + "），不能导入本机");
            return report;
        }
        std::string error;
        // A county key from enrollment means only its signature is proof: the mac key is the
        // token hash, which anyone holding the county database has.
        const auto bundle = readBundleFile(bytes, BundleTrust{metaKey(m_ledger.meta(), meta::kCountyKey), crypto::tokenHash(token)}, error);
        if (!bundle) {
            report.error = badBundle(error);
            return report;
        }
        if (bundle->results_size() == 0 && !bundle->has_updates() && bundle->changes_size() > 0) {
            report.error = badBundle("这是本机导出的数据包，应在县服务器导入，再把服务器的答复导入本机");
            return report;
        }

        // Results, updates and the cursor in one transaction: a second import of the same
        // answer finds every change already settled and every update already merged.
        MergeEngine merge(m_ledger);
        Transaction tx(m_ledger.database());
        detail::applyResults(m_ledger, bundle->results(), report);
        const std::uint64_t firstSeq = m_ledger.changeLog().lastSeq() + 1;
        detail::mergeChanges(merge, bundle->updates().changes(), Scope::parse(m_ledger.meta().value(meta::kScope)), report);
        merge.flushDerived();
        m_ledger.changeLog().noteEpoch(bundle->updates().cursor_epoch(), firstSeq);
        Meta& meta = m_ledger.meta();
        const std::uint64_t cursor = std::stoull(meta.value(meta::kPullCursor, "0"));
        // A county restored from a backup answered from the beginning of its log.
        if (bundle->updates().next_cursor() > cursor || bundle->updates().cursor_reset()) {
            meta.set(meta::kPullCursor, std::to_string(bundle->updates().next_cursor()));
            meta.set(meta::kPullCursorEpoch, bundle->updates().cursor_epoch());
            report.cursorReset = bundle->updates().cursor_reset();
            if (report.cursorReset) {
                const auto& epochs = bundle->updates().known_epochs();
                report.resent += m_ledger.changeLog().relayFrom(
                    m_ledger.changeLog().receivedSinceEpochs({epochs.begin(), epochs.end()}));
            }
        }
        // What the county lost of this device's acknowledged changes goes on the next stick.
        const std::string& last = bundle->last_change_id();
        if (bundle->has_last_change_id() && (last.empty() || m_ledger.changeLog().contains(last)))
            report.resent = m_ledger.changeLog().resendAfter(last, m_ledger.deviceId());
        meta.set(meta::kLastSync, nowDateTime());
        meta.erase(meta::kLastSyncError);
        tx.commit();
    } catch (const StoreError& e) {
        report = {};
        report.error = detail::localStorageError(e, e.full());
    }
    return report;
}

} // namespace shouwang
