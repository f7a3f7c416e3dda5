#include "sync_client.h"

#include "crypto.h"
#include "gzip.h"
#include "merge_engine.h"
#include "registration.h"
#include "scope.h"
#include "sync_apply.h"
#include "sync_run.h"

#include "store/change_codec.h"
#include "store/database.h"
#include "store/ledger.h"

#include "domain/date.h"
#include "domain/hlc.h"

#include "shouwang/sync.pb.h"

#include <algorithm>
#include <thread>

namespace shouwang {

namespace {

bool retryable(const HttpResponse& response, bool retryRateLimited)
{
    if (response.certificateError)
        return false;
    return !response.networkError.empty() || response.status >= 500 || (retryRateLimited && response.status == 429);
}

SyncError malformedAnswer()
{
    return {SyncErrorCode::Malformed, "服务器的应答无法识别，请检查服务器地址或升级软件", false};
}

// Why a request that did not get a usable 200 stopped the sync.
SyncError failure(const HttpResponse& response, const std::optional<std::string>& body, bool cancelled)
{
    if (cancelled)
        return {SyncErrorCode::Cancelled, "同步已取消", true};
    if (response.certificateError) {
        // Retrying would meet the same certificate: stop and say who can fix it.
        return {SyncErrorCode::Certificate,
                "无法验证服务器的证书（不是区县 CA 签发、已过期或与服务器地址不符），同步已停止，"
                "数据未发送。请向区县管理员核对服务器地址和证书文件（--ca）。（"
                    + response.networkError + "）",
                false};
    }
    if (!response.networkError.empty()) {
        SyncError error = detail::errorFromAnswer(0, body);
        error.message += "（" + response.networkError + "）";
        return error;
    }
    return detail::errorFromAnswer(response.status, body);
}

template <class Message>
bool parseInto(Message& message, const std::optional<std::string>& body)
{
    return body && message.ParseFromString(*body);
}

} // namespace

std::optional<std::string> decodedBody(const HttpResponse& response)
{
    if (response.contentEncoding == "gzip")
        return gzip::decompress(response.body, protocol::kMaxInflatedBytes);
    if (!response.contentEncoding.empty() && response.contentEncoding != "identity")
        return std::nullopt;
    return response.body;
}

Outgoing outgoing(const std::string& body, std::optional<std::string_view> token, std::size_t gzipAbove)
{
    Outgoing out;
    out.headers = {{"Content-Type", std::string(protocol::kContentType)}, {"Accept-Encoding", "gzip"}};
    if (token)
        out.headers.emplace_back("Authorization", "Bearer " + std::string(*token));
    if (body.size() > gzipAbove) {
        out.body = gzip::compress(body);
        out.headers.emplace_back("Content-Encoding", "gzip");
    } else {
        out.body = body;
    }
    return out;
}

SyncClient::SyncClient(Ledger& ledger, Transport& transport)
    : m_ledger(ledger)
    , m_transport(transport)
{
}

HttpResponse SyncClient::exchange(Run& run, std::string_view path, const std::string& body, bool authorized)
{
    const Outgoing out
        = outgoing(body, authorized ? std::optional<std::string_view>(run.token) : std::nullopt, run.options.gzipAbove);
    HttpResponse response;
    for (int attempt = 1;; ++attempt) {
        if (attempt == 1 && run.answeredAhead) {
            response = std::move(*run.answeredAhead);
            run.answeredAhead.reset();
        } else {
            response = m_transport.post(path, out.body, out.headers);
        }
        if (!retryable(response, run.retryRateLimited) || attempt >= run.options.maxAttempts || run.cancelled())
            return response;
        // Exponential backoff, slept in short slices so a cancel is honoured promptly.
        const auto factor = std::int64_t{1} << std::min(attempt - 1, 20);
        const auto delay = std::min(run.options.baseDelay * factor, run.options.maxDelay);
        const auto phase = run.state.phase;
        run.state.phase = SyncProgress::Phase::Waiting;
        run.tell();
        for (auto slept = std::chrono::milliseconds{0}; slept < delay && !run.cancelled();) {
            const auto slice = std::min(delay - slept, std::chrono::milliseconds{50});
            std::this_thread::sleep_for(slice);
            slept += slice;
        }
        run.state.phase = phase;
        if (run.cancelled())
            return response;
    }
}

SyncError SyncClient::call(Run& run, std::string_view path, const google::protobuf::MessageLite& request,
                           google::protobuf::MessageLite& answer)
{
    const HttpResponse response = exchange(run, path, request.SerializeAsString(), true);
    const auto body = decodedBody(response);
    if (response.status != 200)
        return failure(response, body, run.cancelled());
    if (!body || !answer.ParseFromString(*body))
        return malformedAnswer();
    return {};
}

EnrollResult SyncClient::enroll(std::string_view code, std::string_view deviceName, const SyncOptions& options)
{
    EnrollResult result;
    Run run;
    run.options = options;
    // Each enrollment attempt counts against the server's per-address limit: do not spend
    // them automatically.
    run.retryRateLimited = false;

    wire::EnrollRequest request;
    request.set_protocol_version(protocol::kVersion);
    request.set_code(std::string(code));
    request.set_device_id(m_ledger.deviceId());
    request.set_device_name(std::string(deviceName));
    for (const auto& earlier : m_ledger.earlierDeviceIds())
        request.add_previous_device_ids(earlier);
    try {
        // The county keeps the public half and checks this device's USB bundles with it.
        request.set_signing_key(crypto::publicKeyOf(deviceSigningKey(m_ledger)));
    } catch (const StoreError& e) {
        result.error = detail::localStorageError(e, e.full());
        return result;
    }

    const HttpResponse response = exchange(run, protocol::kEnrollPath, request.SerializeAsString(), false);
    const auto body = decodedBody(response);
    if (response.status != 200) {
        result.error = failure(response, body, false);
        return result;
    }
    wire::EnrollResponse answer;
    if (!parseInto(answer, body) || answer.token().empty() || !Scope::parse(answer.scope())
        || (!answer.device_id().empty() && !isValidDeviceId(answer.device_id()))
        || (!answer.county_key().empty() && answer.county_key().size() != 32)) {
        result.error = malformedAnswer();
        return result;
    }
    return storeEnrollment(m_ledger, answer);
}

EnrollmentCodeResult SyncClient::makeEnrollmentCode(const Scope& scope, int days, const SyncOptions& options)
{
    EnrollmentCodeResult result;
    Run run;
    run.options = options;
    run.token = m_ledger.meta().value(meta::kToken);
    if (run.token.empty()) {
        result.error = {SyncErrorCode::NotEnrolled, "本机尚未登记到服务器，不能生成登记码", false};
        return result;
    }
    wire::EnrollmentCodeRequest request;
    request.set_protocol_version(protocol::kVersion);
    request.set_scope(scope.toString());
    request.set_expires_days(static_cast<std::uint32_t>(std::max(0, days)));
    wire::EnrollmentCodeResponse answer;
    if (SyncError error = call(run, protocol::kEnrollmentCodePath, request, answer)) {
        if (error.code == SyncErrorCode::NotFound)
            error.message = "服务器的版本较旧，不能在本机生成登记码，请由服务器管理员生成";
        result.error = error;
        return result;
    }
    if (answer.code().empty() || answer.scope() != scope.toString()) {
        result.error = malformedAnswer();
        return result;
    }
    result.code = answer.code();
    result.scope = answer.scope();
    result.expiresAt = answer.expires_at();
    return result;
}

SyncReport SyncClient::sync(const SyncOptions& options, const ProgressCallback& progress, const std::atomic<bool>* cancel)
{
    Run run;
    run.options = options;
    run.options.pushBatch = std::clamp<std::size_t>(options.pushBatch, 1, protocol::kMaxPushChanges);
    run.options.pullLimit = std::clamp<std::uint32_t>(options.pullLimit, 1, protocol::kMaxPullLimit);
    run.options.maxAttempts = std::max(1, options.maxAttempts);
    run.progress = &progress;
    run.cancel = cancel;
    try {
        run.token = m_ledger.meta().value(meta::kToken);
        if (run.token.empty()) {
            run.report.error = {SyncErrorCode::NotEnrolled, "本机尚未登记到县服务器，请先向区县管理员索取登记码并登记", false};
        } else {
            run.state.toPush = m_ledger.changeLog().pendingCount();
            run.tell();
            run.report.error = hello(run);
            if (!run.report.error) {
                run.state.toPush = m_ledger.changeLog().pendingCount(); // hello may add or re-stamp
                run.tell();
                // A push refused for the computer's clock does not keep the county's news
                // from this laptop: the pull goes on, and the clock's error is reported after.
                run.report.error = push(run);
                if (!run.report.error || run.report.error.code == SyncErrorCode::ClockAhead) {
                    SyncError pulled = wantsSnapshot(run) ? snapshot(run) : SyncError{};
                    if (!pulled)
                        pulled = pull(run);
                    if (pulled)
                        run.report.error = pulled;
                    // A restored county found while pulling: relay at once what it lost.
                    else if (run.report.cursorReset && !run.report.error)
                        run.report.error = push(run);
                }
            }
        }
    } catch (const StoreError& e) {
        run.report.error = detail::localStorageError(e, e.full());
    } catch (const std::exception& e) {
        run.report.error = {SyncErrorCode::Internal, std::string("同步出错：") + e.what(), true};
    }
    recordOutcome(run.report.error);
    return run.report;
}

SyncError SyncClient::push(Run& run)
{
    std::size_t batch = run.options.pushBatch;
    for (;;) {
        if (run.cancelled())
            return {SyncErrorCode::Cancelled, "同步已取消", true};
        bool progressed = false;
        if (SyncError error = pushBatch(run, batch, progressed))
            return error;
        if (!progressed)
            return {};
    }
}

// Sends the oldest `batch` pending changes. `progressed` is false once the outbox is empty.
SyncError SyncClient::pushBatch(Run& run, std::size_t& batch, bool& progressed)
{
    const std::vector<Change> changes = m_ledger.changeLog().outgoing(batch);
    if (changes.empty())
        return {};
    wire::PushRequest request;
    request.set_protocol_version(protocol::kVersion);
    for (const Change& change : changes) {
        wire::Change* out = request.add_changes();
        toWire(change, *out);
        out->clear_seq(); // the local log's numbering means nothing to the server
    }
    run.state.phase = SyncProgress::Phase::Pushing;
    const HttpResponse response = exchange(run, protocol::kPushPath, request.SerializeAsString(), true);
    const auto body = decodedBody(response);

    if (response.status == 413) {
        if (batch > 1) {
            batch = std::max<std::size_t>(1, batch / 2);
            progressed = true;
            return {};
        }
        // One change alone is too large: quarantine it so it never blocks the rest.
        wire::ChangeResult result;
        result.set_change_id(changes.front().changeId);
        result.mutable_error()->set_code(wire::TOO_LARGE);
        result.mutable_error()->set_message("这条记录的数据超过服务器允许的大小，未能上传");
        google::protobuf::RepeatedPtrField<wire::ChangeResult> results;
        *results.Add() = result;
        Transaction tx(m_ledger.database());
        detail::applyResults(m_ledger, results, run.report);
        tx.commit();
        progressed = true;
        return {};
    }

    google::protobuf::RepeatedPtrField<wire::ChangeResult> results;
    if (response.status == 200) {
        wire::PushResponse answer;
        if (!parseInto(answer, body))
            return malformedAnswer();
        results = answer.results();
    } else {
        wire::Error error;
        // A push none of whose changes was accepted still says what became of each.
        if ((response.status == 403 || response.status == 422) && parseInto(error, body) && error.results_size() > 0)
            results = error.results();
        else
            return failure(response, body, run.cancelled());
    }
    Transaction tx(m_ledger.database());
    const std::size_t moved = detail::applyResults(m_ledger, results, run.report);
    tx.commit();
    // Changes refused for a clock ahead stay pending; every later one carries a later HLC,
    // so pushing on cannot help: stop pushing and tell the user to fix the clock.
    for (const auto& result : results) {
        if (!result.accepted() && result.error().code() == wire::CLOCK_AHEAD) {
            run.report.pushed += changes.size();
            return clockAheadError(run, result.error().message());
        }
    }
    if (moved == 0) {
        // Every change of the batch waits for a record the county does not hold yet:
        // pushing on would send the same batch again. They go at the next sync.
        const bool waiting = std::all_of(results.begin(), results.end(), [](const wire::ChangeResult& r) {
            return !r.accepted() && r.error().code() == wire::RECORD_UNKNOWN;
        });
        if (waiting && !results.empty())
            return {};
        return malformedAnswer(); // an answer that settles nothing would loop for ever
    }
    run.report.pushed += changes.size();
    run.state.pushed = run.report.pushed;
    run.tell();
    progressed = true;
    return {};
}

SyncError SyncClient::pull(Run& run)
{
    MergeEngine merge(m_ledger);
    if (run.options.knownFields)
        merge.setKnownFields(run.options.knownFields);
    {
        // Changes kept from a newer county, now readable after an upgrade of this software.
        Transaction tx(m_ledger.database());
        if (merge.reapplyDeferred() > 0)
            merge.flushDerived();
        tx.commit();
    }
    std::uint64_t cursor = std::stoull(m_ledger.meta().value(meta::kPullCursor, "0"));
    std::string epoch = m_ledger.meta().value(meta::kPullCursorEpoch);
    const std::optional<Scope> scope = Scope::parse(m_ledger.meta().value(meta::kScope));
    bool includeOwn = m_ledger.meta().value(meta::kPullOwn) == "1";
    merge.setSettledThrough(std::stoull(m_ledger.meta().value(meta::kSnapshotSettled, "0")));
    for (;;) {
        if (run.cancelled())
            return {SyncErrorCode::Cancelled, "同步已取消", true};
        wire::PullRequest request;
        request.set_protocol_version(protocol::kVersion);
        request.set_cursor(cursor);
        request.set_cursor_epoch(epoch);
        request.set_include_own(includeOwn);
        request.set_limit(run.options.pullLimit);
        run.state.phase = SyncProgress::Phase::Pulling;
        const HttpResponse response = exchange(run, protocol::kPullPath, request.SerializeAsString(), true);
        const auto body = decodedBody(response);
        if (response.status != 200)
            return failure(response, body, run.cancelled());
        wire::PullResponse page;
        if (!parseInto(page, body))
            return malformedAnswer();
        if (page.cursor_reset()) {
            // The county's log is not the one this cursor came from (restored from a
            // backup): start again from its beginning. What is already here is skipped by
            // change id; what the restored county lacks from here was sent again by hello.
            if (cursor == 0)
                return malformedAnswer(); // 0 is a place in every log: a reset of it would loop
            cursor = 0;
            epoch.clear();
            run.report.cursorReset = true;
            Transaction tx(m_ledger.database());
            m_ledger.meta().set(meta::kPullCursor, "0");
            m_ledger.meta().erase(meta::kPullCursorEpoch);
            // The restored log numbers its places anew: a snapshot's place means nothing in it.
            m_ledger.meta().erase(meta::kSnapshotSettled);
            merge.setSettledThrough(0);
            // What arrived here since the restored county's latest known stretch may exist
            // nowhere else any more (its author's laptop restored too): relay it back.
            const std::vector<std::string> known(page.known_epochs().begin(), page.known_epochs().end());
            ChangeLog& log = m_ledger.changeLog();
            run.report.resent += log.relayFrom(log.receivedSinceEpochs(known));
            // And everything it stamped under the ids it went by before: where the county's
            // newest of those is not here (another copy went on under that id), hello could
            // not tell what the county lacks of this copy's part.
            for (const auto& earlier : m_ledger.earlierDeviceIds())
                run.report.resent += log.resendAfter({}, earlier, true);
            // Changes under this device's own id that it lost (the laptop restored too) may
            // come back relayed by others: from now on its pulls include its own changes.
            m_ledger.meta().set(meta::kPullOwn, "1");
            includeOwn = true;
            tx.commit();
            continue;
        }
        if (page.has_more() && page.next_cursor() <= cursor)
            return malformedAnswer();

        // The page and the cursor past it commit together: a sync cut off here resumes
        // exactly after the last page it kept.
        Transaction tx(m_ledger.database());
        const std::uint64_t firstSeq = m_ledger.changeLog().lastSeq() + 1;
        detail::mergeChanges(merge, page.changes(), scope, run.report);
        merge.flushDerived();
        m_ledger.changeLog().noteEpoch(page.cursor_epoch(), firstSeq);
        if (page.next_cursor() >= cursor) {
            cursor = page.next_cursor();
            epoch = page.cursor_epoch();
        }
        m_ledger.meta().set(meta::kPullCursor, std::to_string(cursor));
        m_ledger.meta().set(meta::kPullCursorEpoch, epoch);
        tx.commit();

        run.state.pulled = run.report.pulled;
        run.tell();
        if (!page.has_more())
            return {};
    }
}

void SyncClient::recordOutcome(const SyncError& error)
{
    try {
        Transaction tx(m_ledger.database());
        if (!error) {
            m_ledger.meta().set(meta::kLastSync, nowDateTime());
            m_ledger.meta().erase(meta::kLastSyncError);
        } else {
            m_ledger.meta().set(meta::kLastSyncError, error.message);
        }
        tx.commit();
    } catch (const StoreError&) {
        // The outcome is still in the report; a full disk must not hide the real error.
    }
}

} // namespace shouwang
