#include "change_log.h"

#include "change_codec.h"
#include "database.h"

#include "domain/date.h"

#include <algorithm>
#include <cstdint>

namespace shouwang {
namespace {

LoggedChange loggedFromRow(Statement& st)
{
    // Columns: payload, origin, state, error_code, error_message, logged_at, seq
    LoggedChange logged;
    if (auto change = parseChange(st.blob(0)))
        logged.change = std::move(*change);
    logged.origin = static_cast<ChangeOrigin>(st.integer(1));
    logged.state = static_cast<ChangeState>(st.integer(2));
    logged.errorCode = static_cast<int>(st.integer(3));
    logged.errorMessage = st.text(4);
    logged.loggedAt = st.text(5);
    logged.change.seq = static_cast<std::uint64_t>(st.integer(6));
    return logged;
}

constexpr std::string_view kLoggedColumns = "payload, origin, state, error_code, error_message, logged_at, seq";

} // namespace

std::optional<std::uint64_t> ChangeLog::append(const Change& change, ChangeOrigin origin, ChangeState state)
{
    Statement& st = m_db.cached(
        "INSERT INTO change_log (change_id, entity, record_id, village_code, hlc, device_id, operator, payload, origin, "
        "state, logged_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(change_id) DO NOTHING");
    Change stored = change;
    stored.seq = 0; // a sequence number is local to each log
    st.bind(1, change.changeId).bind(2, change.entity).bind(3, change.recordId).bind(4, change.villageCode);
    st.bind(5, change.hlc.toString()).bind(6, change.hlc.device).bind(7, change.operatorName);
    st.bindBlob(8, serializeChange(stored)).bind(9, static_cast<int>(origin)).bind(10, static_cast<int>(state));
    st.bind(11, nowDateTime());
    st.run();
    if (m_db.changes() == 0)
        return std::nullopt;
    return static_cast<std::uint64_t>(m_db.lastInsertRowId());
}

bool ChangeLog::contains(std::string_view changeId)
{
    return seqOf(changeId).has_value();
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
    Statement& st = m_db.cached("SELECT payload, seq FROM change_log WHERE origin = 0 AND state = 0 ORDER BY seq LIMIT ?");
    st.bind(1, static_cast<std::int64_t>(limit));
    std::vector<Change> out;
    while (st.step()) {
        if (auto change = parseChange(st.blob(0))) {
            change->seq = static_cast<std::uint64_t>(st.integer(1));
            out.push_back(std::move(*change));
        }
    }
    st.reset();
    return out;
}

std::size_t ChangeLog::pendingCount()
{
    Statement& st = m_db.cached("SELECT count(*) FROM change_log WHERE origin = 0 AND state = 0");
    const std::size_t n = st.step() ? static_cast<std::size_t>(st.integer(0)) : 0;
    st.reset();
    return n;
}

void ChangeLog::markAcknowledged(std::string_view changeId)
{
    Statement& st = m_db.cached("UPDATE change_log SET state = 1 WHERE change_id = ? AND state = 0");
    st.bind(1, changeId);
    st.run();
}

void ChangeLog::markRefused(std::string_view changeId, int code, std::string_view message)
{
    Statement& st = m_db.cached("UPDATE change_log SET state = 2, error_code = ?, error_message = ? WHERE change_id = ? AND state = 0");
    st.bind(1, code).bind(2, message).bind(3, changeId);
    st.run();
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
    auto st = m_db.prepare("SELECT " + std::string(kLoggedColumns) + " FROM change_log WHERE record_id = ? ORDER BY hlc");
    st.bind(1, recordId);
    std::vector<LoggedChange> out;
    while (st.step())
        out.push_back(loggedFromRow(st));
    return out;
}

std::vector<Change> ChangeLog::after(std::uint64_t cursor, std::string_view villagePrefix,
                                     const std::vector<std::string>& alsoCodes, std::string_view excludeDevice,
                                     std::size_t limit, std::uint64_t& lastSeqScanned, bool& more)
{
    // Walk the log in order and filter, so a page costs at most `kScanLimit` rows however
    // sparse the scope is; the cursor then moves past what was scanned.
    constexpr std::int64_t kScanLimit = 100000;
    Statement& st = m_db.cached("SELECT seq, village_code, device_id, payload FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?");
    // SQLite integers are signed: a cursor past INT64_MAX (only a hostile or broken client
    // sends one) would wrap to a negative number and select the whole log from the start.
    const auto from = static_cast<std::int64_t>(std::min<std::uint64_t>(cursor, INT64_MAX));
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
        const std::string village = st.text(1);
        bool inScope = village.compare(0, villagePrefix.size(), villagePrefix) == 0;
        for (const auto& code : alsoCodes)
            inScope = inScope || village == code;
        if (!inScope || (!excludeDevice.empty() && st.text(2) == excludeDevice))
            continue;
        if (auto change = parseChange(st.blob(3))) {
            change->seq = seq;
            out.push_back(std::move(*change));
        }
    }
    if (scanned == kScanLimit)
        more = true;
    st.reset();
    return out;
}

std::uint64_t ChangeLog::lastSeq()
{
    Statement& st = m_db.cached("SELECT coalesce(max(seq), 0) FROM change_log");
    const auto seq = st.step() ? static_cast<std::uint64_t>(st.integer(0)) : 0;
    st.reset();
    return seq;
}

} // namespace shouwang
