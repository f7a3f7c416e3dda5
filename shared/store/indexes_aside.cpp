#include "indexes_aside.h"

#include "database.h"
#include "meta.h"

#include "domain/schema.h"

#include <vector>

namespace shouwang {
namespace {

constexpr char kSeparator = '\x1e'; // no index's SQL holds it

// The SQL that makes `sql`'s index only where it is missing: another connection to the file
// may have made it again already.
std::string whereMissing(const std::string& sql)
{
    for (const std::string_view prefix : {"CREATE INDEX ", "CREATE UNIQUE INDEX "}) {
        if (sql.starts_with(prefix))
            return std::string(prefix) + "IF NOT EXISTS " + sql.substr(prefix.size());
    }
    return sql;
}

} // namespace

void setIndexesAside(Database& db)
{
    Meta meta(db);
    Transaction tx(db);
    if (meta.get(meta::kIndexesAside))
        return;
    std::vector<std::string> names;
    std::string kept;
    // An index with no SQL is a table's own key (sqlite_autoindex_…): it stays.
    auto st
        = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
                     "ORDER BY name");
    for (const EntityDef& entity : entities()) {
        st.bind(1, entity.table);
        while (st.step()) {
            names.push_back(st.text(0));
            if (!kept.empty())
                kept += kSeparator;
            kept += st.text(1);
        }
        st.reset();
    }
    for (const auto& name : names)
        db.exec("DROP INDEX \"" + name + "\"");
    meta.set(meta::kIndexesAside, kept);
    tx.commit();
}

bool restoreIndexes(Database& db)
{
    Meta meta(db);
    const std::optional<std::string> kept = meta.get(meta::kIndexesAside);
    if (!kept)
        return false;
    Transaction tx(db);
    std::size_t from = 0;
    while (from < kept->size()) {
        std::size_t to = kept->find(kSeparator, from);
        if (to == std::string::npos)
            to = kept->size();
        db.exec(whereMissing(kept->substr(from, to - from)));
        from = to + 1;
    }
    meta.erase(meta::kIndexesAside);
    tx.commit();
    return true;
}

} // namespace shouwang
