// A new replica's first sync (docs/protocol.md, "Snapshot"): instead of replaying every
// change the county ever merged, it takes the records of its scope as they stand, page by
// page, each page checked against the county's count and digest before it is kept, then
// pulls only what came after. A replica's history before the snapshot stays at the county
// and is fetched when someone asks for it (fetchHistory).
#include "sync_run.h"

#include "merge_engine.h"
#include "scope.h"
#include "snapshot.h"

#include "store/change_codec.h"
#include "store/database.h"
#include "store/indexes_aside.h"
#include "store/ledger.h"
#include "store/record_table.h"

#include "shouwang/sync.pb.h"

#include <algorithm>
#include <future>
#include <optional>
#include <unordered_map>

namespace shouwang {
namespace {

SyncError snapshotRefused(std::string why)
{
    return {SyncErrorCode::Malformed, "服务器发来的记录快照" + why + "，未保存，请稍后重新同步", true};
}

// A page is kept only when every record it brought is here as sent, or newer: each field
// holds the sent clock with the sent value, or a later clock (this laptop saved it since).
bool holds(const Record& stored, const Record& sent)
{
    if (stored.id != sent.id || stored.villageCode != sent.villageCode)
        return false;
    for (const auto& [field, clock] : sent.clocks) {
        const auto here = stored.clocks.find(field);
        if (here == stored.clocks.end() || here->second < clock)
            return false;
        if (here->second == clock) {
            const bool same
                = field == kDeletedField ? stored.deleted == sent.deleted : stored.value(field) == sent.value(field);
            if (!same)
                return false;
        }
    }
    return true;
}

// Where the tables of a page's entities end before it is merged.
using TableEnds = std::vector<std::pair<const EntityDef*, std::int64_t>>;

TableEnds tableEnds(Database& db, const std::vector<Record>& states)
{
    TableEnds ends;
    for (const Record& state : states) {
        const EntityDef* entity = findEntity(state.entity);
        if (entity && std::none_of(ends.begin(), ends.end(), [&](const auto& e) { return e.first == entity; }))
            ends.emplace_back(entity, lastRowOf(db, *entity));
    }
    return ends;
}

// Whether every record of a merged page holds what was sent. The records it created are the
// rows after the tables' ends, read back in one pass each (a look-up by id per record was a
// third of a county snapshot's time); the rest, records this file had already, by id.
bool landed(Database& db, const std::vector<Record>& states, const TableEnds& ends)
{
    std::unordered_map<std::string_view, const Record*> unchecked;
    std::vector<const Record*> again; // an id twice in one page: each state checked by id
    for (const Record& state : states) {
        if (!unchecked.emplace(state.id, &state).second)
            again.push_back(&state);
    }
    for (const auto& [entity, end] : ends) {
        forEachRecordAfter(db, *entity, end, [&](const Record& stored) {
            const auto sent = unchecked.find(stored.id);
            if (sent != unchecked.end() && holds(stored, *sent->second))
                unchecked.erase(sent);
        });
    }
    for (const auto& [id, sent] : unchecked)
        again.push_back(sent);
    for (const Record* sent : again) {
        const EntityDef* entity = findEntity(sent->entity);
        const std::optional<Record> stored = entity ? loadRecord(db, *entity, sent->id) : std::nullopt;
        if (!stored || !holds(*stored, *sent))
            return false;
    }
    return true;
}

// Drops a snapshot under way, for the log to be replayed instead; what it merged stays, and
// the changes that replay brings merge over it by their clocks.
void forgetSnapshot(Ledger& ledger)
{
    Transaction tx(ledger.database());
    ledger.meta().erase(meta::kSnapshotAt);
    ledger.meta().erase(meta::kSnapshotEpoch);
    ledger.meta().erase(meta::kSnapshotAfter);
    tx.commit();
}

// How a snapshot writes the file (docs/performance.md, scenario 3).
// - Checkpoints: SQLite's default checkpoint every 1,000 WAL pages copies the same index
//   pages back into the file again and again as pages of records arrive; every 32 MB
//   instead.
// - Pages kept in groups: at county scope a snapshot is some 180 pages, and each committed
//   on its own wrote out, every time, nearly every leaf of the indexes keyed by random
//   UUIDs (a record's id, a visit's elder): 25 GB for a 1.7 GB file. Pages are committed
//   kPagesPerCommit at a time, with a page cache that holds a group's changed pages, so a
//   leaf is written once a group. Each page is still its own savepoint, and the place after
//   it commits with it: a snapshot cut off resumes after the last group it kept.
// - Indexes set aside: a snapshot of more than one page loads without the record tables'
//   secondary indexes (store/indexes_aside.h), and they are made again at its end or when it
//   stops. Then what a group changes is the tables' ends and their keys' indexes, and a
//   group can be larger: kPagesPerCommitAside, each key leaf written 8x less often. At
//   county scope such a group changed more pages than a 384 MB cache holds; SQLite spilled
//   them to the WAL before the commit, and the key leaves were written again (4.95 GB
//   written against 4.52 GB with this cache, and 20 % more time).
// The usual settings and indexes come back when it ends.
class SnapshotWriting {
public:
    static constexpr int kPagesPerCommit = 8;
    static constexpr int kPagesPerCommitAside = 64;
    static constexpr int kCacheKiB = 512 * 1024;

    explicit SnapshotWriting(Database& db)
        : m_db(db)
    {
        auto cache = db.prepare("PRAGMA cache_size");
        m_cacheSize = cache.step() ? cache.integer(0) : -2000;
        db.exec("PRAGMA wal_autocheckpoint = 8192");
        db.exec("PRAGMA cache_size = -" + std::to_string(kCacheKiB));
    }
    ~SnapshotWriting()
    {
        m_group.reset(); // not kept: an error left it (keep() was not reached)
        try {
            m_db.exec("PRAGMA wal_autocheckpoint = 1000");
            m_db.exec("PRAGMA cache_size = " + std::to_string(m_cacheSize));
        } catch (const StoreError&) {
            // Only settings of this connection: they end with the connection anyway.
        }
    }
    SnapshotWriting(const SnapshotWriting&) = delete;
    SnapshotWriting& operator=(const SnapshotWriting&) = delete;

    // Before a page: the group it joins is open; when more pages follow it, the indexes
    // are aside.
    void beginPage(bool more)
    {
        if (!m_group)
            m_group.emplace(m_db);
        if (more && !m_aside) {
            setIndexesAside(m_db);
            m_aside = true;
        }
    }
    // After a page is committed (to its savepoint): the group is kept when full or last.
    void pageKept(bool last)
    {
        if (++m_pages >= (m_aside ? kPagesPerCommitAside : kPagesPerCommit) || last)
            keep();
    }
    // Commits the pages of the open group: every one of them is whole.
    void keep()
    {
        if (m_group && m_db.inTransaction())
            m_group->commit();
        m_group.reset();
        m_pages = 0;
    }

private:
    Database& m_db;
    std::int64_t m_cacheSize = -2000;
    std::optional<Transaction> m_group;
    int m_pages = 0;
    bool m_aside = false;
};

wire::SnapshotRequest pageRequest(std::uint32_t limit, std::uint64_t at, const std::string& epoch,
                                  const std::string& after)
{
    wire::SnapshotRequest request;
    request.set_protocol_version(protocol::kVersion);
    request.set_at(at);
    request.set_at_epoch(epoch);
    request.set_after(after);
    request.set_limit(std::clamp<std::uint32_t>(limit, 1, protocol::kMaxSnapshotLimit));
    return request;
}

// A snapshot page as it came, read into records and checked against its digest.
struct PageFetched {
    std::string request; // the request it answers, as sent
    HttpResponse response;
    bool parsed = false;
    wire::SnapshotResponse page;
    std::vector<Record> states;
    bool intact = false;

    void read()
    {
        states.reserve(static_cast<std::size_t>(page.records_size()));
        for (const auto& record : page.records())
            states.push_back(snapshot::fromWire(record));
        intact = snapshot::pageDigest(states) == page.digest();
    }
};

// Asks for a snapshot page and reads it: the first attempt only (the sync's own thread
// retries a failed one), on the thread that asks ahead.
PageFetched fetchPage(Transport& transport, const Outgoing& wireRequest, std::string request)
{
    PageFetched f;
    f.request = std::move(request);
    f.response = transport.post(protocol::kSnapshotPath, wireRequest.body, wireRequest.headers);
    const std::optional<std::string> body = f.response.status == 200 ? decodedBody(f.response) : std::nullopt;
    f.parsed = body && f.page.ParseFromString(*body);
    if (f.parsed)
        f.read();
    return f;
}

} // namespace

bool SyncClient::wantsSnapshot(const Run& run)
{
    Meta& meta = m_ledger.meta();
    if (meta.get(meta::kSnapshotAt))
        return true; // one under way: resume it
    return run.options.snapshot && meta.value(meta::kPullCursor, "0") == "0"
        && meta.value(meta::kPullCursorEpoch).empty() && !m_ledger.changeLog().hasReceived();
}

SyncError SyncClient::snapshot(Run& run)
{
    MergeEngine merge(m_ledger);
    if (run.options.knownFields)
        merge.setKnownFields(run.options.knownFields);
    // Each elder's derived columns (flags, visit due, search text) are computed once, when
    // the snapshot is complete, not again for every page that brings one of its visits.
    merge.deferDerived();
    Meta& meta = m_ledger.meta();
    const std::optional<Scope> scope = Scope::parse(meta.value(meta::kScope));
    std::uint64_t at = std::stoull(meta.value(meta::kSnapshotAt, "0"));
    std::string epoch = meta.value(meta::kSnapshotEpoch);
    std::string after = meta.value(meta::kSnapshotAfter);
    int restarts = 0;
    SnapshotWriting writing(m_ledger.database());
    const auto pages = [&]() -> SyncError {
        std::future<PageFetched> ahead; // waited for however the loop ends
        PageFetched written;            // the page kept last: freed by the thread reading the next
        for (;;) {
            if (run.cancelled())
                return {SyncErrorCode::Cancelled, "同步已取消", true};
            const wire::SnapshotRequest request = pageRequest(run.options.snapshotLimit, at, epoch, after);
            run.state.phase = SyncProgress::Phase::Snapshot;
            PageFetched fetched = ahead.valid() ? ahead.get() : PageFetched{};
            const bool answersThis = fetched.request == request.SerializeAsString();
            if (!answersThis || !fetched.parsed) {
                if (answersThis)
                    run.answeredAhead = std::move(fetched.response); // the first attempt, made already
                fetched = {};
                if (SyncError error = call(run, protocol::kSnapshotPath, request, fetched.page)) {
                    if (error.code != SyncErrorCode::NotFound)
                        return error;
                    // A county older than snapshots: replay its log from the beginning, as before.
                    forgetSnapshot(m_ledger);
                    return {};
                }
                fetched.read();
            }
            wire::SnapshotResponse& page = fetched.page;
            if (page.at_reset()) {
                // The county was restored from a backup since this snapshot began: what came
                // before is merged already (by clocks, so nothing is lost); begin again.
                if (at == 0 || ++restarts > 3)
                    return snapshotRefused("的起点不在区县日志中");
                at = 0;
                epoch.clear();
                after.clear();
                Transaction tx(m_ledger.database());
                meta.erase(meta::kSnapshotSettled); // places of the log before its restore
                tx.commit();
                continue;
            }
            if ((at != 0 && page.at() != at) || static_cast<std::uint64_t>(page.records_size()) != page.count()
                || (page.has_more() && page.records_size() == 0))
                return snapshotRefused("不完整");

            const std::vector<Record>& states = fetched.states;
            if (!fetched.intact)
                return snapshotRefused("校验不符（数据在传输中损坏）");
            if (page.has_more()) {
                // The next page is asked for and read while this one is written: the county's
                // work and this computer's overlap. Nothing else uses the transport meanwhile.
                const std::string next = pageRequest(run.options.snapshotLimit, page.at(), page.at_epoch(),
                                                     page.after().empty() ? after : page.after())
                                             .SerializeAsString();
                ahead = std::async(
                    std::launch::async,
                    [&transport = m_transport, next, old = std::move(written),
                     wireRequest = outgoing(next, run.token, run.options.gzipAbove)]() mutable {
                        old = {}; // the page kept last, its hundred thousand strings freed off the writer's thread
                        return fetchPage(transport, wireRequest, next);
                    });
            }

            // The page, its check and the place after it commit together: a snapshot cut off
            // here resumes exactly after the last page it kept.
            writing.beginPage(page.has_more());
            Transaction tx(m_ledger.database());
            const TableEnds ends = tableEnds(m_ledger.database(), states);
            for (const Record& state : states) {
                if (scope && !scope->admits(state.entity, state.villageCode))
                    return snapshotRefused("含有本机范围以外的记录");
                const MergeOutcome outcome = merge.applyState(state);
                if (outcome.refusal == MergeRefusal::UnknownEntity || outcome.refusal == MergeRefusal::UnknownField) {
                    // A newer county's fields: only its changes can carry them until this
                    // software is upgraded (MergeEngine::reapplyDeferred). Replay the log.
                    tx.rollback();
                    forgetSnapshot(m_ledger);
                    return {};
                }
                if (!outcome.applied())
                    return snapshotRefused("有误（" + outcome.message + "）");
            }
            if (!landed(m_ledger.database(), states, ends))
                return snapshotRefused("未能完整写入本机");
            m_ledger.persistClock();
            at = page.at();
            epoch = page.at_epoch();
            if (!page.after().empty())
                after = page.after();
            // From its first page on, this file holds records whose changes stay at the county.
            meta.set(meta::kHistoryFrom, std::to_string(at));
            const std::uint64_t settled = std::stoull(meta.value(meta::kSnapshotSettled, "0"));
            meta.set(meta::kSnapshotSettled, std::to_string(std::max<std::uint64_t>(settled, page.read_through())));
            if (page.has_more()) {
                meta.set(meta::kSnapshotAt, std::to_string(at));
                meta.set(meta::kSnapshotEpoch, epoch);
                meta.set(meta::kSnapshotAfter, after);
            } else {
                // Complete: the pull goes on from where the snapshot stands, and the history of
                // what came before it stays at the county.
                meta.erase(meta::kSnapshotAt);
                meta.erase(meta::kSnapshotEpoch);
                meta.erase(meta::kSnapshotAfter);
                meta.set(meta::kPullCursor, std::to_string(at));
                meta.set(meta::kPullCursorEpoch, epoch);
                restoreIndexes(m_ledger.database()); // before the derived columns, which read by them
                m_ledger.derived().refreshAll();
                m_ledger.changeLog().noteEpoch(epoch, m_ledger.changeLog().lastSeq() + 1);
            }
            tx.commit();
            writing.pageKept(!page.has_more());

            run.report.snapshotRecords += states.size();
            run.state.records = run.report.snapshotRecords;
            run.tell();
            if (!page.has_more())
                return {};
            written = std::move(fetched);
        }
    };
    // Whatever ends the snapshot (done, cancelled, refused, the network), the pages of the
    // open group are whole and checked: kept. A failure of the database itself throws past
    // this, and the group is rolled back with the writes that failed.
    const SyncError error = pages();
    writing.keep();
    // Stopped before the end: between syncs the file has all its indexes, for the ledger's
    // queries; a resumed snapshot sets them aside again.
    restoreIndexes(m_ledger.database());
    return error;
}

HistoryResult SyncClient::fetchHistory(std::string_view recordId, const SyncOptions& options)
{
    Run run;
    run.options = options;
    run.options.maxAttempts = std::max(1, options.maxAttempts);
    HistoryResult result;
    try {
        run.token = m_ledger.meta().value(meta::kToken);
        if (run.token.empty()) {
            result.error = {SyncErrorCode::NotEnrolled, "本机尚未登记到县服务器，无法查看区县保存的修改记录", false};
            return result;
        }
        wire::HistoryRequest request;
        request.set_protocol_version(protocol::kVersion);
        request.set_record_id(std::string(recordId));
        wire::HistoryResponse answer;
        if (SyncError error = call(run, protocol::kHistoryPath, request, answer)) {
            if (error.code == SyncErrorCode::NotFound)
                error.message = "区县服务器的版本较旧，不能查看本机开始同步以前的修改记录";
            result.error = error;
            return result;
        }
        for (const auto& change : answer.changes()) {
            if (change.record_id() == recordId)
                result.changes.push_back(shouwang::fromWire(change));
        }
        result.truncated = answer.truncated();
    } catch (const std::exception& e) {
        result.error = {SyncErrorCode::Internal, std::string("读取修改记录出错：") + e.what(), true};
    }
    return result;
}

} // namespace shouwang
