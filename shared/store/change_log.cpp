#include "change_log.h"

#include "change_codec.h"
#include "database.h"
#include "log_form.h"
#include "village_range.h"

#include "domain/date.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>

namespace shouwang {
namespace {

// logged_at as people read it (seconds since the epoch in the log).
std::string loggedAtText(std::int64_t seconds)
{
    return formatDateTime(seconds * 1000);
}

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A change as the log keeps it: its head in the columns, the rest of its bytes in payload
// (changeHead). `prefix` names the table in a join ("c.").
std::string changeColumns(std::string_view prefix = {})
{
    std::string out;
    for (std::string_view column : {"change_id", "entity", "record_id", "village_code", "hlc", "device_id", "payload"})
        out += (out.empty() ? "" : ", ") + std::string(prefix) + std::string(column);
    return out;
}
constexpr int kChangeColumnCount = 7;

// The change of changeColumns() read from column `first` on.
std::optional<Change> changeFromRow(const Statement& st, int first)
{
    const std::optional<std::string> bytes = fromLogForm(st.blob(first + 6));
    if (!bytes)
        return std::nullopt;
    if (beginsWithHead(*bytes))
        return parseChange(*bytes); // kept whole
    std::optional<Change> change = parseChange(*bytes);
    if (change) {
        change->changeId = st.text(first);
        change->entity = st.text(first + 1);
        change->recordId = st.text(first + 2);
        change->villageCode = st.text(first + 3);
        change->hlc = {static_cast<std::uint64_t>(st.integer(first + 4)), st.text(first + 5)};
    }
    return change;
}

LoggedChange loggedFromRow(Statement& st)
{
    // Columns: changeColumns(), origin, state, error_code, error_message, logged_at, seq
    constexpr int n = kChangeColumnCount;
    LoggedChange logged;
    if (auto change = changeFromRow(st, 0))
        logged.change = std::move(*change);
    logged.origin = static_cast<ChangeOrigin>(st.integer(n));
    logged.state = static_cast<ChangeState>(st.integer(n + 1));
    logged.errorCode = static_cast<int>(st.integer(n + 2));
    logged.errorMessage = st.text(n + 3);
    logged.loggedAt = loggedAtText(st.integer(n + 4));
    logged.change.seq = static_cast<std::uint64_t>(st.integer(n + 5));
    return logged;
}

constexpr std::size_t kVillageCodeLength = 12;

// ChangeLog::after for a village (and the exact codes it also reads): the same page, cursor
// and has_more as the walk over every row, found through the (village_code, seq) index.
// A village is one of up to 500 in a county, so the walk read hundreds of rows per row it
// sent; in the daily rush every device's pull walked everyone's pushes (docs/performance.md).
std::vector<Change> afterInVillages(Database& db, std::uint64_t cursor, std::int64_t from, std::int64_t scanLimit,
                                    const std::vector<std::string>& codes, std::string_view excludeDevice,
                                    std::size_t limit, std::uint64_t& lastSeqScanned, bool& more)
{
    // The walk's window: the `scanLimit` rows after the cursor. Sequence numbers are
    // distinct, so fewer than `scanLimit` of them lie below last - from.
    Statement& top = db.cached("SELECT coalesce(max(seq), 0) FROM change_log");
    const std::int64_t last = top.step() ? top.integer(0) : 0;
    top.reset();
    std::optional<std::int64_t> bound; // the window ends here, short of the end of the log
    if (last - from >= scanLimit) {
        Statement& edge = db.cached("SELECT seq FROM change_log WHERE seq > ? ORDER BY seq LIMIT 1 OFFSET ?");
        edge.bind(1, from).bind(2, scanLimit - 1);
        if (edge.step())
            bound = edge.integer(0);
        edge.reset();
    }
    const std::int64_t upper = bound.value_or(last);

    // One index walk per code, merged by sequence number.
    std::vector<Statement> walks;
    std::vector<bool> live;
    for (const auto& code : codes) {
        walks.push_back(db.prepare("SELECT seq, " + changeColumns()
                                   + " FROM change_log WHERE village_code = ? AND seq > ? AND seq <= ? ORDER BY seq"));
        walks.back().bind(1, code).bind(2, from).bind(3, upper);
        live.push_back(walks.back().step());
    }
    std::vector<Change> out;
    lastSeqScanned = cursor;
    more = false;
    for (;;) {
        std::size_t next = walks.size();
        for (std::size_t i = 0; i < walks.size(); ++i) {
            if (live[i] && (next == walks.size() || walks[i].integer(0) < walks[next].integer(0)))
                next = i;
        }
        if (next == walks.size())
            break;
        Statement& st = walks[next];
        const auto seq = static_cast<std::uint64_t>(st.integer(0));
        if (excludeDevice.empty() || st.text(6) != excludeDevice) {
            if (auto change = changeFromRow(st, 1)) {
                change->seq = seq;
                out.push_back(std::move(*change));
            }
        }
        live[next] = st.step();
        if (out.size() >= limit) {
            // The walk stops at the row after the one that filled the page, of any village.
            lastSeqScanned = seq;
            more = bound.has_value() || static_cast<std::int64_t>(seq) < last;
            return out;
        }
    }
    if (last > from)
        lastSeqScanned = static_cast<std::uint64_t>(upper);
    more = bound.has_value();
    return out;
}

// The changes of a (changeColumns(), seq) query, in its order; the statement is reset after.
std::vector<Change> changesFrom(Statement& st)
{
    std::vector<Change> out;
    while (st.step()) {
        if (auto change = changeFromRow(st, 0)) {
            change->seq = static_cast<std::uint64_t>(st.integer(kChangeColumnCount));
            out.push_back(std::move(*change));
        }
    }
    st.reset();
    return out;
}

const std::string kLoggedColumns = changeColumns() + ", origin, state, error_code, error_message, logged_at, seq";

} // namespace

Statement& ChangeLog::bindAppend(const Change& change, ChangeOrigin origin, ChangeState state, std::string_view encoded)
{
    Statement& st = m_db.cached(
        "INSERT INTO change_log (change_id, entity, record_id, village_code, hlc, device_id, payload, origin, state, "
        "logged_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(change_id) DO NOTHING RETURNING seq");
    std::string payload;
    if (encoded.empty()) {
        if (change.seq == 0) {
            payload = serializeChange(change);
        } else {
            Change stored = change;
            stored.seq = 0; // a sequence number is local to each log
            payload = serializeChange(stored);
        }
        encoded = payload;
    }
    // Kept without the head its columns hold (changeHead); whole when it does not begin so.
    // Either way in the log's own form (log_form.h): codes for field names, 16 bytes for ids.
    const std::string head = changeHead(change);
    if (encoded.starts_with(head))
        encoded.remove_prefix(head.size());
    st.bind(1, change.changeId).bind(2, change.entity).bind(3, change.recordId).bind(4, change.villageCode);
    st.bind(5, static_cast<std::int64_t>(change.hlc.time)).bind(6, change.hlc.device);
    st.bindBlob(7, toLogForm(encoded)).bind(8, static_cast<int>(origin)).bind(9, static_cast<int>(state));
    st.bind(10, nowSeconds());
    return st;
}

std::optional<std::uint64_t> ChangeLog::append(const Change& change, ChangeOrigin origin, ChangeState state,
                                               std::string_view encoded)
{
    // The place comes back with the insert (no second round trip to a database server); no
    // row comes back when the log already holds the change.
    Statement& st = bindAppend(change, origin, state, encoded);
    std::optional<std::uint64_t> seq;
    if (st.step())
        seq = static_cast<std::uint64_t>(st.integer(0));
    st.reset();
    return seq;
}

void ChangeLog::add(const Change& change, ChangeOrigin origin, ChangeState state, std::string_view encoded)
{
    bindAppend(change, origin, state, encoded).send();
}

bool ChangeLog::contains(std::string_view changeId)
{
    return seqOf(changeId).has_value();
}

std::optional<LoggedChange> ChangeLog::get(std::string_view changeId)
{
    auto st = m_db.prepare("SELECT " + std::string(kLoggedColumns) + " FROM change_log WHERE change_id = ?");
    st.bind(1, changeId);
    if (!st.step())
        return std::nullopt;
    return loggedFromRow(st);
}

std::optional<std::uint64_t> ChangeLog::seqOf(std::string_view changeId)
{
    Statement& st = m_db.cached("SELECT seq FROM change_log WHERE change_id = ?");
    st.bind(1, changeId);
    std::optional<std::uint64_t> seq;
    if (st.step())
        seq = static_cast<std::uint64_t>(st.integer(0));
    st.reset();
    return seq;
}

std::vector<Change> ChangeLog::pending(std::size_t limit)
{
    static const std::string sql
        = "SELECT " + changeColumns() + ", seq FROM change_log WHERE origin = 0 AND state = 0 ORDER BY seq LIMIT ?";
    Statement& st = m_db.cached(sql);
    st.bind(1, static_cast<std::int64_t>(limit));
    return changesFrom(st);
}

std::vector<Change> ChangeLog::outgoing(std::size_t limit)
{
    static const std::string sql = "SELECT " + changeColumns() + ", seq FROM (SELECT " + changeColumns()
        + ", seq FROM change_log WHERE origin = 0 AND state = 0 UNION ALL SELECT " + changeColumns("c.")
        + ", c.seq FROM relay AS r JOIN change_log AS c ON c.change_id = r.change_id) ORDER BY seq LIMIT ?";
    Statement& st = m_db.cached(sql);
    st.bind(1, static_cast<std::int64_t>(limit));
    return changesFrom(st);
}

std::size_t ChangeLog::relayFrom(std::uint64_t firstSeq)
{
    Statement& st = m_db.cached("INSERT OR IGNORE INTO relay (change_id) SELECT change_id FROM change_log "
                                "WHERE origin = 1 AND seq >= ?");
    st.bind(1, static_cast<std::int64_t>(firstSeq));
    st.run();
    return static_cast<std::size_t>(m_db.changes());
}

bool ChangeLog::endRelay(std::string_view changeId)
{
    m_db.cached("DELETE FROM relay WHERE change_id = ?").bind(1, changeId).run();
    return m_db.changes() > 0;
}

void ChangeLog::noteEpoch(std::string_view epoch, std::uint64_t firstSeq)
{
    if (epoch.empty())
        return;
    m_db.cached("INSERT OR IGNORE INTO received_epochs (epoch, first_seq) VALUES (?, ?)")
        .bind(1, epoch)
        .bind(2, static_cast<std::int64_t>(firstSeq))
        .run();
}

std::uint64_t ChangeLog::receivedSinceEpochs(const std::vector<std::string>& known)
{
    // The latest stretch the restored county still knows: what came after its start may be
    // what the county lost. None known: everything received.
    std::uint64_t from = 0;
    auto st = m_db.prepare("SELECT epoch, first_seq FROM received_epochs ORDER BY first_seq");
    while (st.step()) {
        if (std::find(known.begin(), known.end(), st.text(0)) != known.end())
            from = static_cast<std::uint64_t>(st.integer(1));
    }
    return from;
}

std::size_t ChangeLog::pendingCount()
{
    Statement& st = m_db.cached("SELECT count(*) FROM change_log WHERE origin = 0 AND state = 0");
    const std::size_t n = st.step() ? static_cast<std::size_t>(st.integer(0)) : 0;
    st.reset();
    return n;
}

std::vector<std::pair<std::string, std::string>> ChangeLog::lastReceivedByVillage(std::string_view villagePrefix)
{
    auto st = m_db.prepare("SELECT village_code, max(logged_at) FROM change_log WHERE origin = ? AND "
                           + std::string(kVillageRangeClause) + " GROUP BY village_code");
    st.bind(1, static_cast<int>(ChangeOrigin::Remote)).bind(2, villagePrefix).bind(3, villageRangeEnd(villagePrefix));
    std::vector<std::pair<std::string, std::string>> out;
    while (st.step())
        out.emplace_back(st.text(0), loggedAtText(st.integer(1)));
    return out;
}

bool ChangeLog::markAcknowledged(std::string_view changeId)
{
    Statement& st = m_db.cached("UPDATE change_log SET state = 1 WHERE change_id = ? AND state = 0");
    st.bind(1, changeId);
    st.run();
    const bool moved = m_db.changes() > 0;
    if (moved)
        m_db.cached("DELETE FROM resending WHERE change_id = ?").bind(1, changeId).run();
    return moved;
}

bool ChangeLog::markRefused(std::string_view changeId, int code, std::string_view message)
{
    Statement& st = m_db.cached("UPDATE change_log SET state = 2, error_code = ?, error_message = ? WHERE change_id = ? AND state = 0");
    st.bind(1, code).bind(2, message).bind(3, changeId);
    st.run();
    return m_db.changes() > 0;
}

std::string ChangeLog::operatorOf(std::string_view recordId, const Hlc& hlc)
{
    // The operator is in the change's own bytes; the clock's time finds the few rows to read.
    static const std::string sql = "SELECT " + changeColumns() + " FROM change_log WHERE record_id = ? AND hlc = ?";
    Statement& st = m_db.cached(sql);
    st.bind(1, recordId).bind(2, static_cast<std::int64_t>(hlc.time));
    std::string name;
    while (st.step()) {
        if (auto change = changeFromRow(st, 0); change && change->hlc == hlc) {
            name = change->operatorName;
            break;
        }
    }
    st.reset();
    return name;
}

void ChangeLog::remove(std::string_view changeId)
{
    m_db.cached("DELETE FROM change_log WHERE change_id = ?").bind(1, changeId).run();
}

std::size_t ChangeLog::resendAfter(std::string_view lastChangeId, std::string_view device, bool received)
{
    // Remembered as re-sends: the county took each once, so a refusal now (its rules or the
    // device's scope changed since) leaves it acknowledged instead of undoing it here.
    const std::string which = std::string("FROM change_log WHERE ")
        + (received ? "device_id = ?1 AND (origin = 1 OR state = 1)" : "origin = 0 AND state = 1 AND (?1 = '' OR device_id = ?1)")
        + " AND seq > coalesce((SELECT seq FROM change_log WHERE change_id = ?2), 0)";
    m_db.cached("INSERT OR IGNORE INTO resending (change_id) SELECT change_id " + which)
        .bind(1, device)
        .bind(2, lastChangeId)
        .run();
    // A change of this ledger's that came back to it from the county (after a restore of the
    // laptop) is its own again: it goes out from the outbox.
    Statement& st = m_db.cached("UPDATE change_log SET origin = 0, state = 0 WHERE change_id IN (SELECT change_id " + which + ")");
    st.bind(1, device).bind(2, lastChangeId);
    st.run();
    return static_cast<std::size_t>(m_db.changes());
}

bool ChangeLog::isResend(std::string_view changeId)
{
    Statement& st = m_db.cached("SELECT 1 FROM resending WHERE change_id = ?");
    st.bind(1, changeId);
    const bool resend = st.step();
    st.reset();
    return resend;
}

void ChangeLog::defer(std::string_view changeId)
{
    m_db.cached("INSERT OR IGNORE INTO deferred_changes (change_id) VALUES (?)").bind(1, changeId).run();
}

void ChangeLog::undefer(std::string_view changeId)
{
    m_db.cached("DELETE FROM deferred_changes WHERE change_id = ?").bind(1, changeId).run();
}

std::vector<Change> ChangeLog::deferred()
{
    static const std::string sql = "SELECT " + changeColumns("c.")
        + ", c.seq FROM deferred_changes AS d JOIN change_log AS c ON c.change_id = d.change_id ORDER BY c.seq";
    Statement& st = m_db.cached(sql);
    return changesFrom(st);
}

std::vector<LoggedChange> ChangeLog::refused()
{
    auto st = m_db.prepare("SELECT " + std::string(kLoggedColumns) + " FROM change_log WHERE state = 2 ORDER BY seq");
    std::vector<LoggedChange> out;
    while (st.step())
        out.push_back(loggedFromRow(st));
    return out;
}

std::vector<LoggedChange> ChangeLog::history(std::string_view recordId)
{
    auto st = m_db.prepare("SELECT " + std::string(kLoggedColumns) + " FROM change_log WHERE record_id = ?");
    st.bind(1, recordId);
    std::vector<LoggedChange> out;
    while (st.step())
        out.push_back(loggedFromRow(st));
    // In clock order, which is the text order of device ids on a tie (the log keeps them
    // as keys, whose order is not theirs).
    std::stable_sort(out.begin(), out.end(),
                     [](const LoggedChange& a, const LoggedChange& b) { return a.change.hlc < b.change.hlc; });
    return out;
}

std::vector<Change> ChangeLog::after(std::uint64_t cursor, std::string_view villagePrefix,
                                     const std::vector<std::string>& alsoCodes, std::string_view excludeDevice,
                                     std::size_t limit, std::uint64_t& lastSeqScanned, bool& more)
{
    // Walk the log in order and filter, so a page costs at most `kScanLimit` rows however
    // sparse the scope is; the cursor then moves past what was scanned.
    constexpr std::int64_t kScanLimit = 100000;
    // SQLite integers are signed: a cursor past INT64_MAX (only a hostile or broken client
    // sends one) would wrap to a negative number and select the whole log from the start.
    const auto from = static_cast<std::int64_t>(std::min<std::uint64_t>(cursor, INT64_MAX));
    if (villagePrefix.size() == kVillageCodeLength) {
        std::vector<std::string> codes(alsoCodes);
        codes.emplace_back(villagePrefix);
        return afterInVillages(m_db, cursor, from, kScanLimit, codes, excludeDevice, limit, lastSeqScanned, more);
    }
    static const std::string sql
        = "SELECT seq, " + changeColumns() + " FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?";
    Statement& st = m_db.cached(sql);
    st.bind(1, from).bind(2, kScanLimit);
    std::vector<Change> out;
    lastSeqScanned = cursor;
    more = false;
    std::int64_t scanned = 0;
    while (st.step()) {
        ++scanned;
        if (out.size() >= limit) {
            more = true;
            break;
        }
        const auto seq = static_cast<std::uint64_t>(st.integer(0));
        lastSeqScanned = seq;
        const std::string village = st.text(4);
        bool inScope = village.compare(0, villagePrefix.size(), villagePrefix) == 0;
        for (const auto& code : alsoCodes)
            inScope = inScope || village == code;
        if (!inScope || (!excludeDevice.empty() && st.text(6) == excludeDevice))
            continue;
        if (auto change = changeFromRow(st, 1)) {
            change->seq = seq;
            out.push_back(std::move(*change));
        }
    }
    if (scanned == kScanLimit)
        more = true;
    st.reset();
    return out;
}

bool ChangeLog::hasReceived()
{
    Statement& st = m_db.cached("SELECT 1 FROM change_log WHERE origin = 1 LIMIT 1");
    const bool received = st.step();
    st.reset();
    return received;
}

std::uint64_t ChangeLog::lastSeq()
{
    Statement& st = m_db.cached("SELECT coalesce(max(seq), 0) FROM change_log");
    const auto seq = st.step() ? static_cast<std::uint64_t>(st.integer(0)) : 0;
    st.reset();
    return seq;
}

} // namespace shouwang
