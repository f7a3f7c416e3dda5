#include "conflict_queue.h"

#include "database.h"
#include "ledger.h"
#include "village_range.h"

#include "domain/date.h"

namespace shouwang {

void ConflictQueue::add(Conflict c)
{
    if (c.hlcB < c.hlcA) {
        std::swap(c.valueA, c.valueB);
        std::swap(c.hlcA, c.hlcB);
        std::swap(c.operatorA, c.operatorB);
    }
    const std::string a = c.hlcA.toString(), b = c.hlcB.toString();
    c.id = c.recordId + "/" + c.field + "/" + a + "/" + b;
    Statement& st = m_db.cached(
        "INSERT INTO conflicts (id, entity, record_id, village_code, field, value_a, hlc_a, operator_a, value_b, hlc_b, "
        "operator_b, detected_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING");
    st.bind(1, c.id).bind(2, c.entity).bind(3, c.recordId).bind(4, c.villageCode).bind(5, c.field);
    st.bind(6, c.valueA).bind(7, a).bind(8, c.operatorA).bind(9, c.valueB).bind(10, b).bind(11, c.operatorB);
    st.bind(12, nowDateTime());
    st.send();
}

void ConflictQueue::settle(std::string_view recordId, std::string_view field, const Hlc& base)
{
    if (base.isNull())
        return;
    Statement& st = m_db.cached("UPDATE conflicts SET status = 1, resolved_at = ? "
                                "WHERE record_id = ? AND field = ? AND status = 0 AND hlc_b <= ?");
    st.bind(1, nowDateTime()).bind(2, recordId).bind(3, field).bind(4, base.toString());
    st.send();
}

std::vector<Conflict> ConflictQueue::query(std::string_view villagePrefix, bool onlyOpen)
{
    std::string sql = "SELECT id, entity, record_id, village_code, field, value_a, hlc_a, operator_a, value_b, hlc_b, "
                      "operator_b, status, detected_at, resolved_at FROM conflicts WHERE " + std::string(kVillageRangeClause);
    if (onlyOpen)
        sql += " AND status = 0";
    auto st = m_db.prepare(sql + " ORDER BY detected_at, id");
    st.bind(1, villagePrefix).bind(2, villageRangeEnd(villagePrefix));
    std::vector<Conflict> out;
    while (st.step()) {
        Conflict c;
        c.id = st.text(0);
        c.entity = st.text(1);
        c.recordId = st.text(2);
        c.villageCode = st.text(3);
        c.field = st.text(4);
        c.valueA = st.text(5);
        c.hlcA = Hlc::parse(st.text(6)).value_or(Hlc{});
        c.operatorA = st.text(7);
        c.valueB = st.text(8);
        c.hlcB = Hlc::parse(st.text(9)).value_or(Hlc{});
        c.operatorB = st.text(10);
        c.resolved = st.integer(11) != 0;
        c.detectedAt = st.text(12);
        c.resolvedAt = st.text(13);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<Conflict> ConflictQueue::open(std::string_view villagePrefix)
{
    return query(villagePrefix, true);
}

std::vector<Conflict> ConflictQueue::all(std::string_view villagePrefix)
{
    return query(villagePrefix, false);
}

std::size_t ConflictQueue::openCount(std::string_view villagePrefix)
{
    auto st = m_db.prepare("SELECT count(*) FROM conflicts WHERE status = 0 AND " + std::string(kVillageRangeClause));
    st.bind(1, villagePrefix).bind(2, villageRangeEnd(villagePrefix));
    return st.step() ? static_cast<std::size_t>(st.integer(0)) : 0;
}

std::vector<std::pair<std::string, std::size_t>> ConflictQueue::openCountByVillage(std::string_view villagePrefix)
{
    auto st = m_db.prepare("SELECT village_code, count(*) FROM conflicts WHERE status = 0 AND "
                           + std::string(kVillageRangeClause) + " GROUP BY village_code");
    st.bind(1, villagePrefix).bind(2, villageRangeEnd(villagePrefix));
    std::vector<std::pair<std::string, std::size_t>> out;
    while (st.step())
        out.emplace_back(st.text(0), static_cast<std::size_t>(st.integer(1)));
    return out;
}

SaveResult resolveConflict(Ledger& ledger, const Conflict& conflict, const std::string& value,
                           std::string_view operatorName)
{
    auto record = ledger.get(conflict.entity, conflict.recordId);
    if (!record) {
        SaveResult missing;
        missing.message = "冲突所涉及的记录不存在";
        return missing;
    }
    if (conflict.field == kDeletedField)
        record->deleted = value == "1";
    else
        record->set(conflict.field, value);
    // Captured even when the chosen value already stands: the choice is a change of its own,
    // based on the standing value, so it settles the conflict on every replica it reaches
    // and outranks the concurrent values everywhere.
    return ledger.choose(*record, conflict.field, operatorName);
}

} // namespace shouwang
