#include "sqlite_database.h"

#include "record_key.h"

#include "domain/hlc.h"

#include <sqlite3.h>

namespace shouwang {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what)
{
    std::string message(what);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw StoreError(message, db ? sqlite3_extended_errcode(db) : rc);
}

void check(sqlite3* db, int rc, std::string_view what)
{
    if (rc != SQLITE_OK)
        fail(db, rc, what);
}

// SQL's view of the key form, for statements that convert many rows at once (the
// migration to schema version 6, the server's repair of its devices' last changes).
void keyOfIdFunction(sqlite3_context* context, int, sqlite3_value** args)
{
    if (sqlite3_value_type(args[0]) == SQLITE_BLOB) { // already a key
        sqlite3_result_value(context, args[0]);
        return;
    }
    const auto* text = sqlite3_value_text(args[0]);
    if (!text) {
        sqlite3_result_null(context);
        return;
    }
    const std::string id(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_value_bytes(args[0])));
    if (!isCanonicalUuid(id)) {
        sqlite3_result_value(context, args[0]); // kept as its text
        return;
    }
    const std::string key = keyOfId(id);
    sqlite3_result_blob(context, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

void idOfKeyFunction(sqlite3_context* context, int, sqlite3_value** args)
{
    const bool isBlob = sqlite3_value_type(args[0]) == SQLITE_BLOB;
    const void* bytes = isBlob ? sqlite3_value_blob(args[0]) : static_cast<const void*>(sqlite3_value_text(args[0]));
    if (!bytes) {
        sqlite3_result_null(context);
        return;
    }
    const std::string id = idOfKey(
        std::string_view(static_cast<const char*>(bytes), static_cast<std::size_t>(sqlite3_value_bytes(args[0]))),
        isBlob);
    sqlite3_result_text(context, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
}

// An HLC's text form ("0192f1a2b3c40000@device") as the integer the change log keeps.
void hlcTimeFunction(sqlite3_context* context, int, sqlite3_value** args)
{
    if (sqlite3_value_type(args[0]) == SQLITE_INTEGER) {
        sqlite3_result_value(context, args[0]);
        return;
    }
    const auto* text = sqlite3_value_text(args[0]);
    const auto hlc = text ? Hlc::parse(reinterpret_cast<const char*>(text)) : std::nullopt;
    sqlite3_result_int64(context, hlc ? static_cast<sqlite3_int64>(hlc->time) : 0);
}

// A statement of SQLite's: ids bound as their keys whatever the column (SQLite keeps a BLOB
// and a TEXT apart, so an id finds its own row whichever form it has).
class SqliteStatement final : public StatementBackend {
public:
    SqliteStatement(sqlite3* db, std::string_view sql);
    ~SqliteStatement() override;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    void bind(int index, std::string_view text) override;
    void bindText(int index, std::string_view text) override;
    void bind(int index, std::int64_t value) override;
    void bindBlob(int index, std::string_view bytes) override;
    void bindNull(int index) override;
    bool step() override;
    void reset() override;
    std::string text(int column) const override;
    std::string blob(int column) const override;
    std::int64_t integer(int column) const override;
    bool isNull(int column) const override;
    bool isBlob(int column) const override;
    bool isInteger(int column) const override;
    int columnCount() const override;
    std::string columnName(int column) const override;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace

SqliteDatabase::SqliteDatabase(const std::string& path, Durability durability)
    : m_path(path)
{
    const int rc = sqlite3_open_v2(path.c_str(), &m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message
            = "cannot open database " + path + ": " + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StoreError(message, rc);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Other connections (a second window, the server's readers) wait instead of failing.
    sqlite3_busy_timeout(m_db, 10000);
    constexpr int kPure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    sqlite3_create_function(m_db, "key_of_id", 1, kPure, nullptr, keyOfIdFunction, nullptr, nullptr);
    sqlite3_create_function(m_db, "id_of_key", 1, kPure, nullptr, idOfKeyFunction, nullptr, nullptr);
    sqlite3_create_function(m_db, "hlc_time", 1, kPure, nullptr, hlcTimeFunction, nullptr, nullptr);
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA foreign_keys=OFF");
    // FULL makes an acknowledged change survive power loss; the server needs it.
    exec(durability == Durability::Full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
}

SqliteDatabase::~SqliteDatabase()
{
    forgetCached(); // statements must be finalized before the connection closes
    sqlite3_close_v2(m_db);
}

void SqliteDatabase::exec(std::string_view sql)
{
    char* error = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw StoreError(message + " (in: " + text.substr(0, 80) + ")", sqlite3_extended_errcode(m_db));
    }
}

void SqliteDatabase::copyTo(const std::string& path)
{
    Statement st = prepare("VACUUM INTO ?");
    st.bind(1, path);
    st.step();
}

Statement SqliteDatabase::prepare(std::string_view sql)
{
    return Statement(std::make_unique<SqliteStatement>(m_db, sql));
}

int SqliteDatabase::changes() const
{
    return sqlite3_changes(m_db);
}

bool SqliteDatabase::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql)
    : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(db, rc, "prepare " + std::string(sql.substr(0, 80)));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bind(int index, std::string_view text)
{
    if (const auto key = keyBytesOf(text))
        return bindBlob(index, std::string_view(key->data(), key->size()));
    bindText(index, text);
}

void SqliteStatement::bindText(int index, std::string_view text)
{
    // An empty view may have no data pointer, which SQLite would bind as NULL, not ''.
    const char* data = text.data() ? text.data() : "";
    check(m_db, sqlite3_bind_text(m_stmt, index, data, static_cast<int>(text.size()), SQLITE_TRANSIENT), "bind");
}

void SqliteStatement::bind(int index, std::int64_t value)
{
    check(m_db, sqlite3_bind_int64(m_stmt, index, value), "bind");
}

void SqliteStatement::bindBlob(int index, std::string_view bytes)
{
    check(m_db, sqlite3_bind_blob(m_stmt, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT),
          "bind");
}

void SqliteStatement::bindNull(int index)
{
    check(m_db, sqlite3_bind_null(m_stmt, index), "bind");
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_db, rc, "step");
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::string SqliteStatement::text(int column) const
{
    if (isBlob(column))
        return idOfKey(blob(column), true);
    const auto* p = sqlite3_column_text(m_stmt, column);
    return p
        ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
        : std::string{};
}

std::string SqliteStatement::blob(int column) const
{
    const void* p = sqlite3_column_blob(m_stmt, column);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string{};
}

std::int64_t SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

bool SqliteStatement::isBlob(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_BLOB;
}

bool SqliteStatement::isInteger(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_INTEGER;
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

std::string SqliteStatement::columnName(int column) const
{
    return sqlite3_column_name(m_stmt, column);
}

void SqliteDatabase::begin(Transaction::Mode mode)
{
    exec(mode == Transaction::Mode::Write ? "BEGIN IMMEDIATE" : "BEGIN");
}

void SqliteDatabase::commitTransaction()
{
    exec("COMMIT");
}

void SqliteDatabase::rollbackTransaction()
{
    try {
        exec("ROLLBACK");
    } catch (const StoreError&) {
        // The connection rolled back on its own (e.g. after SQLITE_FULL): nothing to undo.
    }
}

} // namespace shouwang
