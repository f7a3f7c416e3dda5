#include "id_number_notices.h"

#include "database.h"

#include "domain/date.h"

namespace shouwang {

std::vector<ElderIdHolder> idNumberHoldersElsewhere(Database& db, std::string_view idNumber,
                                                    std::string_view villageCode, int limit)
{
    std::vector<ElderIdHolder> out;
    if (idNumber.empty())
        return out;
    // SQLite is held to the index (an error if it is missing, never a silent scan of the
    // county per pushed elder); PostgreSQL has no such hint and its planner finds it.
    const bool sqlite = db.dialect() == Database::Dialect::Sqlite;
    Statement& st = db.cached(std::string("SELECT id, village_code, coalesce(name, ''), id_number, "
                                          "coalesce(status, '') FROM elders ")
                              + (sqlite ? "INDEXED BY elders_id_number " : "")
                              + "WHERE id_number = ? AND deleted = 0 AND village_code != ? "
                                "ORDER BY village_code, created_at, id LIMIT ?");
    st.bind(1, idNumber).bind(2, villageCode).bind(3, limit);
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4)});
    st.reset();
    return out;
}

bool IdNumberNotices::keep(const IdNumberNotice& n)
{
    Statement& st = m_db.cached(
        "INSERT INTO id_notices (elder_id, other_elder_id, id_number, other_village_code, other_village, other_name, "
        "message, received_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(elder_id, other_elder_id) DO UPDATE SET "
        "id_number = excluded.id_number, other_village_code = excluded.other_village_code, "
        "other_village = excluded.other_village, other_name = excluded.other_name, message = excluded.message, "
        "received_at = excluded.received_at, dismissed = 0 WHERE id_notices.id_number != excluded.id_number");
    st.bind(1, n.elderId).bind(2, n.otherElderId).bind(3, n.idNumber).bind(4, n.otherVillageCode);
    st.bind(5, n.otherVillage).bind(6, n.otherName).bind(7, n.message).bind(8, nowDateTime());
    st.run();
    return m_db.changes() > 0;
}

std::vector<IdNumberNotice> IdNumberNotices::held()
{
    auto st = m_db.prepare(
        "SELECT n.elder_id, coalesce(e.name, ''), n.id_number, n.other_elder_id, n.other_village_code, n.other_village, "
        "n.other_name, n.message, n.received_at FROM id_notices n JOIN elders e ON e.id = n.elder_id "
        "WHERE n.dismissed = 0 AND e.deleted = 0 AND e.id_number = n.id_number "
        "ORDER BY n.received_at, n.elder_id, n.other_elder_id");
    std::vector<IdNumberNotice> out;
    while (st.step()) {
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6), st.text(7),
                       st.text(8)});
    }
    return out;
}

void IdNumberNotices::dismiss(std::string_view elderId, std::string_view otherElderId)
{
    Statement& st = m_db.cached("UPDATE id_notices SET dismissed = 1 WHERE elder_id = ? AND other_elder_id = ?");
    st.bind(1, elderId).bind(2, otherElderId);
    st.run();
}

void addIdNumberNoticeTables(Database& db)
{
    db.exec("CREATE INDEX IF NOT EXISTS elders_id_number ON elders(id_number)");
    db.exec("CREATE TABLE IF NOT EXISTS id_notices (elder_id TEXT NOT NULL, other_elder_id TEXT NOT NULL, "
            "id_number TEXT NOT NULL, other_village_code TEXT NOT NULL, other_village TEXT NOT NULL, "
            "other_name TEXT NOT NULL, message TEXT NOT NULL, received_at TEXT NOT NULL, "
            "dismissed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (elder_id, other_elder_id))");
}

} // namespace shouwang
