#include "server_store.h"

#include "reader_pool.h"
#include "store_backend.h"

#include "store/change_log.h"
#include "store/conflict_queue.h"
#include "store/database.h"
#include "store/id_number_notices.h"
#include "store/ledger.h"
#include "store/log_epochs.h"
#include "store/meta.h"
#include "store/record_pages.h"
#include "sync/crypto.h"
#include "sync/registration.h"

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/schema.h"
#include "domain/schema_names.h"

#ifdef SHOUWANG_POSTGRESQL
#include "postgres/pg_schema.h"
#endif

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <type_traits>

namespace shouwang::server {
namespace {

constexpr std::string_view kDeviceColumns = "device_id, name, scope, token_hash, enrolled_at, revoked, last_seen, "
                                           "last_push_at, last_change, forked_from, relay_until, signing_key";

Device deviceFromRow(const Statement& st)
{
    Device d;
    d.id = st.text(0);
    d.name = st.text(1);
    d.scope = Scope::parse(st.text(2)).value_or(Scope{});
    d.tokenHash = st.text(3);
    d.enrolledAt = st.text(4);
    d.revoked = st.integer(5) != 0;
    d.lastSeen = st.text(6);
    d.lastPushAt = st.text(7);
    d.lastChange = st.text(8);
    d.forkedFrom = st.text(9);
    d.relayUntil = st.text(10);
    d.signingKey = crypto::unhex(st.text(11)).value_or(std::string{});
    return d;
}

// One writing connection behind one mutex (the database takes one writer at a time anyway:
// SQLite's file lock, PostgreSQL's writer lock; and a push must see the ledger as its own
// transaction left it), and a pool of read-only connections for what devices read: their
// token and their pulls.
class LedgerCountyStore final : public CountyStore {
public:
    LedgerCountyStore(std::unique_ptr<Database> writer, std::unique_ptr<StoreBackend> backend)
        : m_backend(std::move(backend))
        , m_db(std::move(writer))
    {
        if (m_backend->readsBeside())
            m_readers = std::make_unique<ReaderPool>([backend = m_backend.get()] { return backend->openReader(); });
        LogEpochs(*m_db).begin();
        m_epochsAt = m_db->reconnections();
        m_ledger = std::make_unique<Ledger>(*m_db);
    }

    ~LedgerCountyStore() override
    {
        WriterLock lock(*this); // writes the last "last seen" hints
    }

    std::string countyCode() override
    {
        WriterLock lock(*this);
        return m_ledger->meta().value(meta::kCountyCode);
    }

    void setCountyCode(std::string_view code) override
    {
        WriterLock lock(*this);
        m_ledger->meta().set(meta::kCountyCode, code);
    }

    std::string countySigningKey() override
    {
        WriterLock lock(*this);
        return storedSigningKey(m_ledger->meta(), meta::kCountySigningKey);
    }

    std::string signingKeyFor(const Scope& scope) override
    {
        WriterLock lock(*this);
        const std::string moved = m_ledger->meta().value(meta::movedCountySigningKey(scope.countyCode()));
        if (const auto key = crypto::unhex(moved); key && !key->empty())
            return *key;
        return storedSigningKey(m_ledger->meta(), meta::kCountySigningKey);
    }

    bool healthy() override
    {
        WriterLock lock(*this);
        try {
            auto st = m_db->prepare("SELECT count(*) FROM devices");
            return st.step();
        } catch (const StoreError&) {
            return false;
        }
    }

    void addEnrollmentCode(const EnrollmentCode& code) override
    {
        WriterLock lock(*this);
        auto st = m_db->prepare("INSERT INTO enrollment_codes (code_hash, scope, created_at, expires_at) VALUES (?,?,?,?)");
        st.bind(1, code.codeHash).bind(2, code.scope.toString()).bind(3, code.createdAt).bind(4, code.expiresAt);
        st.run();
    }

    EnrollVerdict enroll(std::string_view codeHash, Device& device, std::string_view now) override
    {
        WriterLock lock(*this);
        Transaction tx(*m_db);
        auto find = m_db->prepare("SELECT scope, expires_at, used_at IS NOT NULL FROM enrollment_codes WHERE code_hash = ?");
        find.bind(1, codeHash);
        if (!find.step())
            return EnrollVerdict::UnknownCode;
        const std::string scope = find.text(0), expiresAt = find.text(1);
        if (find.integer(2) != 0)
            return EnrollVerdict::UsedCode;
        if (expiresAt <= now) // both "YYYY-MM-DDTHH:MM:SS" in one time zone: text order is time order
            return EnrollVerdict::ExpiredCode;

        // A known id is never rebound, whoever asks: taking over a device's row would let
        // a code for one village sign as another village's laptop. The asker (the same
        // laptop again, a copy of it, or an impostor) becomes a new device.
        auto known = m_db->prepare("SELECT 1 FROM devices WHERE device_id = ?");
        known.bind(1, device.id);
        if (known.step())
            device.id = newUuid();
        auto spend = m_db->prepare("UPDATE enrollment_codes SET used_at = ?, used_by = ? WHERE code_hash = ?");
        spend.bind(1, now).bind(2, device.id).bind(3, codeHash);
        spend.run();
        insertDevice(device, scope, now, {});
        for (const auto& earlier : device.previousIds) {
            if (!isValidDeviceId(earlier) || earlier == device.id)
                continue;
            auto owner = m_db->prepare("SELECT scope FROM devices WHERE device_id = ?");
            owner.bind(1, earlier);
            // Only an id nobody holds here, or one of the same scope: an enrollment for one
            // village cannot make another village's laptop its past.
            if (!owner.step() || owner.text(0) == scope)
                addLineage(device.id, earlier);
        }
        tx.commit();
        return EnrollVerdict::Enrolled;
    }

    void addFork(const Device& original, const Device& copy, std::string_view now) override
    {
        WriterLock lock(*this);
        Transaction tx(*m_db);
        insertDevice(copy, original.scope.toString(), now, original.id);
        addLineage(copy.id, original.id);
        for (const auto& earlier : lineageOf(*m_db, original.id))
            addLineage(copy.id, earlier.id);
        tx.commit();
    }

    bool wasForked(std::string_view id) override
    {
        return withReader([&](Database& db) {
            auto st = db.prepare("SELECT 1 FROM devices WHERE forked_from = ? LIMIT 1");
            st.bind(1, id);
            return st.step();
        });
    }

    std::vector<EarlierId> earlierIds(std::string_view id) override
    {
        return withReader([&](Database& db) { return lineageOf(db, id); });
    }

    std::optional<Device> deviceByTokenHash(std::string_view tokenHash) override
    {
        return findDevice("token_hash", tokenHash);
    }

    std::optional<Device> device(std::string_view id) override { return findDevice("device_id", id); }

    std::vector<Device> devices() override
    {
        WriterLock lock(*this);
        auto st = m_db->prepare("SELECT " + std::string(kDeviceColumns) + " FROM devices ORDER BY scope, device_id");
        std::vector<Device> out;
        while (st.step())
            out.push_back(deviceFromRow(st));
        return out;
    }

    bool revokeDevice(std::string_view id) override
    {
        WriterLock lock(*this);
        auto st = m_db->prepare("UPDATE devices SET revoked = 1 WHERE device_id = ?");
        st.bind(1, id);
        st.run();
        return m_db->changes() > 0;
    }

    void openRelayWindow(std::string_view id, std::string_view until) override
    {
        WriterLock lock(*this);
        auto st = m_db->prepare("UPDATE devices SET relay_until = ? WHERE device_id = ?");
        st.bind(1, until).bind(2, id);
        st.run();
    }

    void touchDevice(std::string_view id, std::string_view now, bool pushed) override
    {
        // "Last contact" is a hint for the admin, not ledger data. It must not make a pull
        // wait for the merge in progress, so it is kept here and written by whoever holds
        // the writer when it is let go (WriterLock), at once if nobody does.
        std::lock_guard touches(m_touchMutex);
        Touch& t = m_touches[std::string(id)];
        t.seen = std::string(now);
        t.pushed = t.pushed || pushed;
        std::unique_lock writer(m_mutex, std::try_to_lock);
        if (writer.owns_lock())
            writeTouches();
    }

    // Group commit: pushes that arrive while a commit is in progress wait, and the first of
    // them to find the writer free merges every waiting push in one transaction, each in a
    // savepoint of its own, under one fsync. With 500 devices pushing at once that is a few
    // dozen commits instead of 500 (docs/performance.md, the daily rush).
    MergeBatchResult mergeChanges(const std::vector<ReceivedChange>& changes, const AuditEntry& entry) override
    {
        PendingMerge mine{&changes, &entry, {}, nullptr, false};
        std::unique_lock lock(m_groupMutex);
        m_waiting.push_back(&mine);
        while (!mine.done) {
            if (m_leading) {
                m_groupDone.wait(lock);
                continue;
            }
            m_leading = true;
            std::vector<PendingMerge*> group;
            group.swap(m_waiting);
            lock.unlock();
            commitGroup(group);
            lock.lock();
            m_leading = false;
            for (auto* member : group)
                member->done = true;
            m_groupDone.notify_all();
        }
        if (mine.error)
            std::rethrow_exception(mine.error);
        return std::move(mine.result);
    }

    ChangePage changesAfter(std::uint64_t cursor, std::string_view cursorEpoch, const Scope& scope,
                            std::string_view excludeDevice, std::size_t limit) override
    {
        // A village or township also reads the county's reference data, filed under the
        // county code; the county and the city read everything under their own prefix.
        std::vector<std::string> also;
        if (scope.kind == Scope::Kind::Village || scope.kind == Scope::Kind::Township)
            also.push_back(scope.countyCode());
        return withReader([&](Database& db) {
            Transaction snapshot(db, Transaction::Mode::Read); // the page and its cursor agree
            ChangePage page;
            LogEpochs epochs(db);
            const auto [place, placeEpoch] = epochs.translated(cursor, cursorEpoch);
            if (!epochs.isPlace(place, placeEpoch)) {
                page.cursorReset = true;
                page.hasMore = true;
                page.knownEpochs = epochs.all();
                return page;
            }
            page.changes
                = ChangeLog(db).after(place, scope.code, also, excludeDevice, limit, page.nextCursor, page.hasMore);
            page.epochs = epochs.span(place, page.nextCursor);
            snapshot.commit();
            return page;
        });
    }

    std::optional<SnapshotPage> snapshotPage(std::uint64_t at, std::string_view atEpoch, std::string_view after,
                                             const Scope& scope, std::size_t limit, const RecordSink& take) override
    {
        return withReader([&](Database& db) -> std::optional<SnapshotPage> {
            Transaction read(db, Transaction::Mode::Read); // the page and its `at` agree
            SnapshotPage page;
            LogEpochs epochs(db);
            const auto [place, placeEpoch] = epochs.translated(at, atEpoch);
            if (at == 0) {
                page.at = ChangeLog(db).lastSeq();
                page.atEpoch = epochs.epochOf(page.at);
            } else if (!epochs.isPlace(place, placeEpoch)) {
                page.atReset = true;
                return page;
            } else {
                page.at = place;
                page.atEpoch = placeEpoch;
            }
            page.readThrough = ChangeLog(db).lastSeq();
            const std::optional<PageEnd> end
                = recordsAfter(db, scopeRanges(scope.code, scope.countyCode()), after, limit, take);
            if (!end)
                return std::nullopt;
            page.hasMore = end->more;
            read.commit();
            return page;
        });
    }

    std::vector<Change> recordHistory(std::string_view recordId, const Scope& scope, std::size_t limit,
                                      bool& truncated) override
    {
        return withReader([&](Database& db) {
            std::vector<Change> changes;
            for (auto& logged : ChangeLog(db).history(recordId)) {
                if (scope.canRead(logged.change.villageCode))
                    changes.push_back(std::move(logged.change));
            }
            truncated = changes.size() > limit;
            if (truncated)
                changes.erase(changes.begin(), changes.end() - static_cast<std::ptrdiff_t>(limit));
            return changes;
        });
    }

    void audit(const AuditEntry& entry) override
    {
        WriterLock lock(*this);
        writeAudit(entry);
    }

    std::vector<Conflict> openConflicts() override
    {
        WriterLock lock(*this);
        return ConflictQueue(*m_db).open();
    }

    std::string resolveConflict(std::string_view conflictId, const std::string& value,
                                std::string_view operatorName) override
    {
        WriterLock lock(*this);
        ConflictQueue queue(*m_db);
        for (const auto& conflict : queue.open()) {
            if (conflict.id != conflictId)
                continue;
            Transaction tx(*m_db);
            const int connection = beginEpochIfReconnected();
            SaveResult saved = shouwang::resolveConflict(*m_ledger, conflict, value, operatorName);
            if (!saved.ok()) {
                std::string why = saved.message;
                for (const auto& e : saved.errors)
                    why += (why.empty() ? "" : "; ") + e.message;
                return why.empty() ? std::string("无法保存所选的值") : why;
            }
            // The county ledger is the master copy: its own change is delivered by being in
            // the log, so it never waits in an outbox.
            if (saved.change)
                m_ledger->changeLog().markAcknowledged(saved.change->changeId);
            tx.commit();
            m_epochsAt = connection;
            return {};
        }
        return "没有这个未处理的冲突：" + std::string(conflictId);
    }

    LedgerStats stats() override
    {
        WriterLock lock(*this);
        LedgerStats s;
        for (const auto& entity : entities())
            s.liveRecords.emplace_back(std::string(entity.name), m_ledger->count(entity.name));
        s.pending = m_ledger->changeLog().pendingCount();
        s.openConflicts = ConflictQueue(*m_db).openCount();
        return s;
    }

    void backup(const std::string& path) override
    {
        // A backend that reads beside the writer copies on a connection of its own, while
        // pushes go on committing; otherwise the writer copies.
        if (!m_readers) {
            WriterLock lock(*this);
            m_backend->backup(*m_db, path);
            return;
        }
        m_backend->backup(*m_db, path);
    }

    std::string serverDeviceId() override
    {
        WriterLock lock(*this);
        return m_ledger->deviceId();
    }

    void limitReaders(std::size_t most) override
    {
        if (m_readers)
            m_readers->limit(most);
    }

    void limitPagesForTesting(std::int64_t pages) override
    {
        WriterLock lock(*this);
        m_backend->limitPagesForTesting(*m_db, pages);
    }

private:
    void addLineage(std::string_view id, std::string_view earlier)
    {
        m_db->cached("INSERT OR IGNORE INTO device_lineage (device_id, earlier_id) VALUES (?, ?)")
            .bind(1, id)
            .bind(2, earlier)
            .run();
    }

    static std::vector<EarlierId> lineageOf(Database& db, std::string_view id)
    {
        auto st = db.prepare("SELECT l.earlier_id, coalesce(d.last_change, '') FROM device_lineage AS l "
                             "LEFT JOIN devices AS d ON d.device_id = l.earlier_id WHERE l.device_id = ? "
                             "ORDER BY l.earlier_id");
        st.bind(1, id);
        std::vector<EarlierId> out;
        while (st.step())
            out.push_back({st.text(0), st.text(1)});
        return out;
    }

    void insertDevice(const Device& device, std::string_view scope, std::string_view now, std::string_view forkedFrom)
    {
        auto st = m_db->prepare("INSERT INTO devices (device_id, name, scope, token_hash, enrolled_at, revoked, "
                                "forked_from, signing_key) VALUES (?,?,?,?,?,0,?,?)");
        st.bind(1, device.id).bind(2, device.name).bind(3, scope).bind(4, device.tokenHash).bind(5, now);
        st.bind(6, forkedFrom).bind(7, crypto::hex(device.signingKey));
        st.run();
    }

    std::optional<Device> findDevice(std::string_view column, std::string_view value)
    {
        return withReader([&](Database& db) -> std::optional<Device> {
            auto st = db.prepare("SELECT " + std::string(kDeviceColumns) + " FROM devices WHERE " + std::string(column)
                                 + " = ?");
            st.bind(1, value);
            if (!st.step())
                return std::nullopt;
            return deviceFromRow(st);
        });
    }

    // Runs `read` on a read-only connection of the pool, or on the writer when there is none.
    template <typename Read>
    std::invoke_result_t<Read&, Database&> withReader(Read&& read)
    {
        if (!m_readers) {
            WriterLock lock(*this);
            return read(*m_db);
        }
        auto reader = m_readers->lend();
        return read(reader.db());
    }

    void writeAudit(const AuditEntry& e)
    {
        Statement& st = m_db->cached("INSERT INTO audit (at, device_id, operator, address, action, accepted, refused, "
                                     "detail) VALUES (?,?,?,?,?,?,?,?)");
        st.bind(1, nowDateTime()).bind(2, e.deviceId).bind(3, e.operatorName).bind(4, e.address).bind(5, e.action);
        st.bind(6, e.accepted).bind(7, e.refused).bind(8, e.detail);
        st.send();
    }

    // One push waiting for its group's commit.
    struct PendingMerge {
        const std::vector<ReceivedChange>* changes;
        const AuditEntry* audit;
        MergeBatchResult result;
        std::exception_ptr error;
        bool done = false;
    };

    // Inside a write that logs changes, under the writer: a connection opened again since the
    // last such write may reach a database restored from a backup while this process ran,
    // whose log hands out again numbers devices have seen in the current epoch. A new epoch
    // from the next number voids their cursors, as a restart would (store/log_epochs.h).
    // Returns the connection's count, to keep once the write commits.
    int beginEpochIfReconnected()
    {
        const int connection = m_db->reconnections();
        if (connection != m_epochsAt)
            LogEpochs(*m_db).begin();
        return connection;
    }

    void commitGroup(const std::vector<PendingMerge*>& group)
    {
        WriterLock lock(*this);
        std::exception_ptr lost; // the transaction itself failed: nothing of the group stands
        try {
            Transaction tx(*m_db);
            const int connection = beginEpochIfReconnected();
            // One merge for the group: the derived columns and search text of an elder that
            // several changes of the group touch are computed once, at its end, from the
            // records as the group leaves them. An elder of a push undone alone is computed
            // again from what stands, which is what it held.
            MergeEngine merge(*m_ledger, MergeRole::County);
            for (auto* member : group) {
                try {
                    Transaction own(*m_db); // a savepoint: a push that fails is undone alone
                    member->result = mergeBatch(merge, *member->changes, *member->audit);
                    own.commit();
                } catch (...) {
                    member->error = std::current_exception();
                    merge.forgetLookups(); // the records it wrote are undone
                }
                if (!m_db->inTransaction()) { // SQLite rolled everything back (disk full)
                    lost = member->error;
                    break;
                }
            }
            if (!lost) {
                merge.flushDerived(); // failing, nothing of the group stands (caught below)
                tx.commit();
                m_epochsAt = connection;
            }
        } catch (...) {
            lost = std::current_exception();
        }
        if (!lost)
            return;
        for (auto* member : group) {
            member->result = {};
            member->error = lost;
        }
    }

    // The merge of one push, with its audit row: the row commits with the changes it
    // describes, so it can never claim a push the ledger does not hold.
    MergeBatchResult mergeBatch(MergeEngine& merge, const std::vector<ReceivedChange>& changes, const AuditEntry& entry)
    {
        MergeBatchResult result;
        result.outcomes.reserve(changes.size());
        for (const auto& received : changes)
            result.outcomes.push_back(merge.apply(received.change, received.bytes));
        AuditEntry e = entry;
        int merged = 0, duplicates = 0, conflicts = 0;
        for (const auto& outcome : result.outcomes) {
            if (!outcome.applied()) {
                ++e.refused;
                continue;
            }
            ++e.accepted;
            (outcome.duplicate ? duplicates : merged) += 1;
            conflicts += outcome.conflicts;
        }
        e.detail = "merged=" + std::to_string(merged) + " duplicates=" + std::to_string(duplicates)
            + " conflicts=" + std::to_string(conflicts);
        writeAudit(e);
        noteNewestChange(changes, result);
        noteSameIdElsewhere(changes, result);
        return result;
    }

    // Per accepted elder change that brings a 身份证号 (a new elder, or its number changed),
    // the live elders of other villages holding it: one indexed lookup each. A duplicate is
    // looked up too, since the device may have lost the first answer.
    void noteSameIdElsewhere(const std::vector<ReceivedChange>& changes, MergeBatchResult& result)
    {
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const Change& change = changes[i].change;
            if (!result.outcomes[i].applied() || change.entity != schema::elder::entity)
                continue;
            const auto field = std::find_if(change.fields.begin(), change.fields.end(),
                                            [](const FieldChange& f) { return f.name == schema::elder::id_number; });
            if (field == change.fields.end() || field->value.empty())
                continue;
            for (const ElderIdHolder& other : idNumberHoldersElsewhere(*m_db, field->value, change.villageCode))
                result.sameIdElsewhere.push_back({i, change.recordId, field->value, other.id, other.villageCode, other.name});
        }
    }

    // The device's own history as the county holds it, committed with the changes: a backup
    // of the county restores both together, so a device can tell what the county lost. Kept
    // per stamp: changes sent again under an earlier id move that id's row.
    void noteNewestChange(const std::vector<ReceivedChange>& changes, const MergeBatchResult& result)
    {
        std::map<std::string, std::string> newest; // stamp -> change id
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const MergeOutcome& outcome = result.outcomes[i];
            if (outcome.applied() && !outcome.duplicate)
                newest[changes[i].change.hlc.device] = changes[i].change.changeId;
        }
        for (const auto& [stamp, changeId] : newest) {
            Statement& st = m_db->cached("UPDATE devices SET last_change = ? WHERE device_id = ?");
            st.bind(1, changeId).bind(2, stamp);
            st.send();
        }
    }

    // Holds the writer; on release first writes the "last seen" hints that arrived while it
    // was held. Both steps run under the hints' own mutex, so a touch that found the writer
    // busy is always picked up by the holder it found there.
    class WriterLock {
    public:
        explicit WriterLock(LedgerCountyStore& store)
            : m_store(store)
        {
            m_store.m_mutex.lock();
        }
        ~WriterLock()
        {
            std::lock_guard touches(m_store.m_touchMutex);
            m_store.writeTouches();
            m_store.m_mutex.unlock();
        }
        WriterLock(const WriterLock&) = delete;
        WriterLock& operator=(const WriterLock&) = delete;

    private:
        LedgerCountyStore& m_store;
    };

    struct Touch {
        std::string seen;
        bool pushed = false;
    };

    // Called with both the writer and m_touchMutex held. synchronous=NORMAL: in WAL mode it
    // skips the fsync and the next durable commit carries it to disk, so only a power cut can
    // lose the latest hint. A device pulling page after page within a second writes nothing.
    void writeTouches() noexcept
    {
        if (m_touches.empty())
            return;
        try {
            m_backend->relaxDurability(*m_db, true);
            Transaction tx(*m_db);
            for (const auto& [id, t] : m_touches) {
                Statement& st = m_db->cached(
                    t.pushed ? "UPDATE devices SET last_seen = ?1, last_push_at = ?1 WHERE device_id = ?2 "
                               "AND (last_seen <> ?1 OR last_push_at <> ?1)"
                             : "UPDATE devices SET last_seen = ?1 WHERE device_id = ?2 AND last_seen <> ?1");
                st.bind(1, t.seen).bind(2, id);
                st.run();
            }
            tx.commit();
        } catch (const StoreError&) {
            // A full disk: the hints are dropped, the ledger is not touched.
        }
        m_touches.clear();
        try {
            m_backend->relaxDurability(*m_db, false);
        } catch (const StoreError&) {
        }
    }

    std::mutex m_mutex; // the writer
    std::unique_ptr<StoreBackend> m_backend;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Ledger> m_ledger;
    int m_epochsAt = 0;                    // the writer's reconnections when an epoch was last begun for it
    std::unique_ptr<ReaderPool> m_readers; // none for a database in memory

    std::mutex m_groupMutex;
    std::condition_variable m_groupDone;
    std::vector<PendingMerge*> m_waiting;
    bool m_leading = false;

    std::mutex m_touchMutex;
    std::map<std::string, Touch, std::less<>> m_touches;
};

} // namespace

#ifndef SHOUWANG_POSTGRESQL
[[noreturn]] void noPostgres()
{
    throw StoreError("此版本未包含 PostgreSQL 支持，--db 请给出 SQLite 文件 / this build has no PostgreSQL store",
                     StoreError::Kind::Other);
}
#endif

std::unique_ptr<CountyStore> openCountyStore(const std::string& db)
{
    if (!isPostgresUrl(db))
        return openSqliteCountyStore(db);
#ifdef SHOUWANG_POSTGRESQL
    return openPostgresCountyStore(db);
#else
    noPostgres();
#endif
}

std::unique_ptr<Database> openLedgerConnection(const std::string& db)
{
    if (!isPostgresUrl(db))
        return openLedgerDatabase(db);
#ifdef SHOUWANG_POSTGRESQL
    return pg::openCityDatabase(db);
#else
    noPostgres();
#endif
}

std::unique_ptr<CountyStore> openLedgerCountyStore(std::unique_ptr<Database> writer,
                                                   std::unique_ptr<StoreBackend> backend)
{
    return std::make_unique<LedgerCountyStore>(std::move(writer), std::move(backend));
}

} // namespace shouwang::server
