#include "pg_migrations.h"

#include "store/migrations.h"

#include <stdexcept>
#include <string>

namespace shouwang::pg {
namespace {

// Held from the version's first read to the last step's commit; given back however it ends.
class SchemaLock {
public:
    explicit SchemaLock(Database& db)
        : m_db(db)
    {
        m_db.exec("SELECT pg_advisory_lock(" + std::to_string(kSchemaLockClass) + ", 0)");
    }
    ~SchemaLock()
    {
        try {
            m_db.exec("SELECT pg_advisory_unlock(" + std::to_string(kSchemaLockClass) + ", 0)");
        } catch (const StoreError&) {
            // The connection is gone, and a session lock with it.
        }
    }
    SchemaLock(const SchemaLock&) = delete;
    SchemaLock& operator=(const SchemaLock&) = delete;

private:
    Database& m_db;
};

void checkOrder(std::span<const Migration> steps)
{
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].version != static_cast<int>(i) + 1)
            throw std::logic_error("the city schema's steps must be versions 1, 2, … in order");
    }
}

} // namespace

int schemaVersion(Database& db)
{
    auto st = db.prepare("SELECT to_regclass('schema_version') IS NOT NULL");
    if (!st.step() || st.integer(0) == 0)
        return 0;
    auto version = db.prepare("SELECT coalesce(max(version), 0) FROM schema_version");
    return version.step() ? static_cast<int>(version.integer(0)) : 0;
}

int migrate(Database& db, std::span<const Migration> steps)
{
    checkOrder(steps);
    const int newest = static_cast<int>(steps.size());
    SchemaLock lock(db);
    db.exec("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
            "migrated_at timestamptz NOT NULL DEFAULT now())");
    const int from = schemaVersion(db);
    if (from > newest) {
        throw StoreError(newerSchemaMessage(from), StoreError::Kind::Other);
    }
    for (int version = from + 1; version <= newest; ++version) {
        Transaction tx(db);
        db.exec(steps[static_cast<std::size_t>(version - 1)].sql);
        db.prepare("INSERT INTO schema_version (version) VALUES (?)").bind(1, version).run();
        tx.commit();
    }
    return newest;
}

} // namespace shouwang::pg
