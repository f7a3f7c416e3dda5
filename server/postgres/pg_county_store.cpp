#include "pg_database.h"
#include "pg_schema.h"

#include "server/store_backend.h"

namespace shouwang::server {
namespace {

class PostgresBackend final : public StoreBackend {
public:
    explicit PostgresBackend(std::string url)
        : m_url(std::move(url))
    {
    }

    bool readsBeside() const override { return true; }

    std::unique_ptr<Database> openReader() override
    {
        auto db = std::make_unique<pg::Database>(m_url);
        // As SQLite's query_only: a reader that tried to write is refused, not serialised.
        db->exec("SET default_transaction_read_only = on");
        return db;
    }

    // The hints' commit need not wait for the disk: a crash loses at most the last ones,
    // never the database's consistency (PostgreSQL's asynchronous commit).
    void relaxDurability(Database& writer, bool relaxed) override
    {
        writer.exec(relaxed ? "SET synchronous_commit = off" : "SET synchronous_commit = on");
    }

    void backup(Database&, const std::string&) override
    {
        throw StoreError("城市数据库在 PostgreSQL 上，请用 pg_dump 或连续归档备份（见 docs/admin-guide.md）/ "
                         "the city database is backed up with pg_dump or continuous archiving",
                         StoreError::Kind::Other);
    }

    // A full disk is the database server's to report (SQLSTATE 53100: StoreError::full, 503).
    void limitPagesForTesting(Database&, std::int64_t) override {}

private:
    std::string m_url;
};

} // namespace

std::unique_ptr<CountyStore> openPostgresCountyStore(const std::string& url)
{
    return openLedgerCountyStore(pg::openCityDatabase(url), std::make_unique<PostgresBackend>(url));
}

} // namespace shouwang::server
