#include "server_store.h"

#include "store_backend.h"

#include "store/ledger.h"
#include "store/sqlite_database.h"

#include <string>

namespace shouwang::server {
namespace {

// Server-only tables beside the ledger's own; created on every open, so an older county
// database gains them without a migration step.
constexpr std::string_view kServerSchema = R"sql(
CREATE TABLE IF NOT EXISTS devices (
    device_id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0,
    last_seen TEXT NOT NULL DEFAULT '',
    last_push_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS log_epochs (first_seq INTEGER PRIMARY KEY, epoch TEXT NOT NULL);
-- The ids a device went by before (docs/protocol.md, "Lifecycle"): it may send again the
-- changes stamped with them, and nobody else may.
CREATE TABLE IF NOT EXISTS device_lineage (
    device_id TEXT NOT NULL,
    earlier_id TEXT NOT NULL,
    PRIMARY KEY (device_id, earlier_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS devices_token ON devices(token_hash);
CREATE TABLE IF NOT EXISTS enrollment_codes (
    code_hash TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    device_id TEXT NOT NULL DEFAULT '',
    operator TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    accepted INTEGER NOT NULL DEFAULT 0,
    refused INTEGER NOT NULL DEFAULT 0,
    detail TEXT NOT NULL DEFAULT ''
);
)sql";

bool hasColumn(Database& db, std::string_view table, std::string_view column)
{
    auto st = db.prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    st.bind(1, table).bind(2, column);
    return st.step();
}

// Columns the devices table gained after its first release. A county upgraded from then
// learns each device's newest change from the log once, in one pass: otherwise every
// device would send its whole history again on its next sync.
void addDeviceHistory(Database& db)
{
    if (hasColumn(db, "devices", "last_change"))
        return;
    Transaction tx(db);
    db.exec("ALTER TABLE devices ADD COLUMN last_change TEXT NOT NULL DEFAULT ''");
    db.exec("ALTER TABLE devices ADD COLUMN forked_from TEXT NOT NULL DEFAULT ''");
    db.exec("CREATE TEMP TABLE newest AS SELECT device_id, max(seq) AS seq FROM change_log GROUP BY device_id");
    db.exec("UPDATE devices SET last_change = coalesce((SELECT c.change_id FROM newest JOIN change_log AS c "
            "ON c.seq = newest.seq WHERE newest.device_id = devices.device_id), '')");
    db.exec("DROP TABLE newest");
    tx.commit();
}

void addRelayWindow(Database& db)
{
    if (!hasColumn(db, "devices", "relay_until"))
        db.exec("ALTER TABLE devices ADD COLUMN relay_until TEXT NOT NULL DEFAULT ''");
}

// The public key each device signs its USB bundles with (hex; '' for a device enrolled
// before keys).
void addSigningKeys(Database& db)
{
    if (!hasColumn(db, "devices", "signing_key"))
        db.exec("ALTER TABLE devices ADD COLUMN signing_key TEXT NOT NULL DEFAULT ''");
}

// The county server's own database: one SQLite file.
class SqliteBackend final : public StoreBackend {
public:
    explicit SqliteBackend(std::string path)
        : m_path(std::move(path))
    {
    }

    // A database in memory (the fuzz targets' own) cannot be opened a second time.
    bool readsBeside() const override { return m_path != ":memory:"; }

    std::unique_ptr<Database> openReader() override
    {
        auto db = std::make_unique<SqliteDatabase>(m_path);
        // A reader that tried to write would take the writer's lock and wait on its merges.
        db->exec("PRAGMA query_only=1");
        return db;
    }

    void relaxDurability(Database& writer, bool relaxed) override
    {
        writer.exec(relaxed ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL");
    }

    // VACUUM INTO on a connection of its own reads one snapshot while pushes go on
    // committing beside it (the readers are read-only: they cannot write the copy). A
    // database in memory has no other connection: the writer copies it.
    void backup(Database& writer, const std::string& path) override
    {
        const auto copy = [&](Database& db) {
            auto st = db.prepare("VACUUM INTO ?");
            st.bind(1, path);
            st.run();
        };
        if (!readsBeside()) {
            copy(writer);
            return;
        }
        SqliteDatabase snapshot(m_path);
        copy(snapshot);
    }

    void limitPagesForTesting(Database& writer, std::int64_t pages) override
    {
        writer.exec("PRAGMA max_page_count = " + std::to_string(pages > 0 ? pages : 1073741823));
    }

private:
    std::string m_path;
};

} // namespace

std::unique_ptr<CountyStore> openSqliteCountyStore(const std::string& path)
{
    auto db = openLedgerDatabase(path, SqliteDatabase::Durability::Full);
    db->exec(kServerSchema);
    addDeviceHistory(*db);
    addRelayWindow(*db);
    addSigningKeys(*db);
    db->exec("PRAGMA cache_size=-" + std::to_string(kWriterCacheKib));
    // A group commit writes thousands of pages; with the default of 1,000 nearly every commit
    // also copied the log back into the file. The checkpoint stays on the writer's path: a
    // checkpoint on a thread of its own never caught up with a steady stream of commits, so
    // the log could not restart and grew without bound (4.8 GB in 90 s at county scale).
    db->exec("PRAGMA wal_autocheckpoint=10000");
    return openLedgerCountyStore(std::move(db), std::make_unique<SqliteBackend>(path));
}

} // namespace shouwang::server
