// The step that opens every sync (docs/protocol.md, "Lifecycle"): the device and the county
// compare what each holds of the device's own history, and the device's stored clock is
// checked against the county's time. This is where a laptop restored from a backup, a
// ledger file copied to a second laptop, a county restored from its backup and a clock that
// ran ahead are each noticed and repaired, losing nothing.
#include "sync_run.h"

#include "scope.h"

#include "store/database.h"
#include "store/ledger.h"

#include "domain/date.h"

#include "shouwang/sync.pb.h"

#include <algorithm>

namespace shouwang {
namespace {

std::string shownTime(std::int64_t millis)
{
    std::string text = formatDateTime(millis).substr(0, 16);
    if (text.size() > 10)
        text[10] = ' ';
    return text;
}

std::string lengthOfTime(std::int64_t millis)
{
    constexpr std::int64_t kHour = 3600 * 1000, kDay = 24 * kHour;
    if (millis >= 2 * kDay)
        return "约 " + std::to_string(millis / kDay) + " 天";
    return "约 " + std::to_string(std::max<std::int64_t>(1, millis / kHour)) + " 小时";
}

} // namespace

SyncError SyncClient::hello(Run& run)
{
    wire::HelloRequest request;
    request.set_protocol_version(protocol::kVersion);
    wire::HelloResponse answer;
    if (SyncError error = call(run, protocol::kHelloPath, request, answer)) {
        // A county server older than this step has no such path: sync as before.
        return error.code == SyncErrorCode::NotFound ? SyncError{} : error;
    }
    run.serverTime = static_cast<std::int64_t>(answer.server_time());
    run.serverTimeTakenAt = m_ledger.clock().wallMillis();

    ChangeLog& log = m_ledger.changeLog();
    const std::string& last = answer.last_change_id();
    if (!last.empty() && !log.contains(last)) {
        // The county holds a change of this device that this file has never seen: the file
        // is an older copy (a restored backup) or a second copy in use elsewhere.
        if (SyncError error = fork(run))
            return error;
    } else {
        // Acknowledged changes the county no longer holds (it was restored from a backup)
        // go out again; the county takes each once, by its id.
        Transaction tx(m_ledger.database());
        run.report.resent = log.resendAfter(last, m_ledger.deviceId());
        // Likewise for what it stamped under the ids it went by before (a fork, an earlier
        // enrollment), as far as the county knows them.
        const std::vector<std::string> mine = m_ledger.earlierDeviceIds();
        for (const auto& earlier : answer.earlier_ids()) {
            const bool known = earlier.last_change_id().empty() || log.contains(earlier.last_change_id());
            if (known && std::find(mine.begin(), mine.end(), earlier.device_id()) != mine.end())
                run.report.resent += log.resendAfter(earlier.last_change_id(), earlier.device_id(), true);
        }
        tx.commit();
    }
    if (answer.id_shared() && !run.report.forked && m_ledger.meta().value(meta::kPullOwn) != "1") {
        // A copy of this ledger went on under a new name; what it sent under the shared id
        // before it did is this device's own id's, which pulls leave out: pull everything
        // again, own changes included (what is here already is skipped by change id).
        Transaction tx(m_ledger.database());
        m_ledger.meta().set(meta::kPullOwn, "1");
        m_ledger.meta().set(meta::kPullCursor, "0");
        m_ledger.meta().erase(meta::kPullCursorEpoch);
        tx.commit();
    }
    repairClock(run, run.serverTime, static_cast<std::int64_t>(answer.max_clock_ahead()));
    return {};
}

SyncError SyncClient::fork(Run& run)
{
    wire::ForkRequest request;
    request.set_protocol_version(protocol::kVersion);
    wire::EnrollResponse answer;
    if (SyncError error = call(run, protocol::kForkPath, request, answer))
        return error;
    if (answer.token().empty() || !isValidDeviceId(answer.device_id()) || !Scope::parse(answer.scope()))
        return {SyncErrorCode::Malformed, "服务器的应答无法识别，请检查服务器地址或升级软件", false};

    // The new identity, the outbox stamped with it and a pull from the beginning commit
    // together: this copy then receives everything, its own earlier name's changes included.
    Transaction tx(m_ledger.database());
    Meta& meta = m_ledger.meta();
    run.report.restamped += m_ledger.changeLog().pendingCount();
    m_ledger.adoptIdentity(answer.device_id());
    meta.set(meta::kToken, answer.token());
    meta.set(meta::kScope, answer.scope());
    meta.set(meta::kPullCursor, "0");
    meta.erase(meta::kPullCursorEpoch);
    meta.erase(meta::kPullOwn); // the new name is this copy's alone
    // What this copy stamped under its earlier names may be held nowhere else (the other
    // copy restored, the county too): it all goes once more, taken once by change id.
    for (const auto& earlier : m_ledger.earlierDeviceIds())
        run.report.resent += m_ledger.changeLog().resendAfter({}, earlier, true);
    tx.commit();
    run.token = answer.token();
    run.report.forked = true;
    return {};
}

void SyncClient::repairClock(Run& run, std::int64_t serverTime, std::int64_t maxAhead)
{
    if (serverTime <= 0)
        return;
    const std::int64_t slack = std::min<std::int64_t>(protocol::kClockRepairSlackMillis, std::max<std::int64_t>(maxAhead, 0));
    const std::int64_t wall = run.serverTimeTakenAt;
    if (wall > serverTime + slack)
        return; // this computer's clock is still wrong: only the user can fix it (see clockAheadError)
    const std::int64_t stored = static_cast<std::int64_t>(std::stoull(m_ledger.meta().value(meta::kClock, "0")) >> Hlc::kCounterBits);
    const std::int64_t now = std::max(wall, serverTime);
    // Only a mark the county would refuse (or nearly) is repaired: one a few hours ahead,
    // taken over from another device's accepted change, is left alone rather than
    // re-stamping the outbox at every sync.
    if (stored <= now + maxAhead - slack)
        return;
    // The clock ran ahead once and has been corrected since: what it stamped and has not
    // sent is stamped again at today's time, keeping its order and each above its base.
    Transaction tx(m_ledger.database());
    run.report.restamped += m_ledger.changeLog().pendingCount();
    m_ledger.rewindClock(static_cast<std::uint64_t>(now) << Hlc::kCounterBits);
    tx.commit();
}

SyncError SyncClient::clockAheadError(const Run& run, const std::string& serverMessage) const
{
    if (run.serverTime <= 0)
        return {SyncErrorCode::ClockAhead, serverMessage, false};
    const std::int64_t ahead = run.serverTimeTakenAt - run.serverTime;
    std::string message = "这台电脑的日期和时间（" + shownTime(run.serverTimeTakenAt) + "）比区县服务器的（"
        + shownTime(run.serverTime) + "）";
    message += ahead > 0 ? "快了" + lengthOfTime(ahead) : std::string("快");
    message += "。请先把电脑的日期和时间改正确，再重新同步；未上传的数据都保存在本机，改正后会自动上传。";
    return {SyncErrorCode::ClockAhead, message, false};
}

} // namespace shouwang
