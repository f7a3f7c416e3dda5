#include "database.h"

#include "record_key.h"

#include "domain/hlc.h"

#include <sqlite3.h>

#include <map>

namespace shouwang {

std::string storeErrorText(const StoreError& e)
{
    return std::string(e.full()              ? "磁盘已满或数据库只读 / disk full or database read-only: "
                           : e.unreachable() ? "无法连接数据库 / database unreachable: "
                                             : "数据库错误 / database error: ")
        + e.what();
}

StoreError::StoreError(std::string message, int code)
    : std::runtime_error(std::move(message))
    , m_code(code)
{
}

StoreError::StoreError(std::string message, Kind kind)
    : std::runtime_error(std::move(message))
    , m_kind(kind)
{
}

bool StoreError::full() const
{
    if (m_kind == Kind::Full)
        return true;
    const int primary = m_code & 0xff;
    return primary == SQLITE_FULL || primary == SQLITE_READONLY || primary == SQLITE_IOERR
        || primary == SQLITE_CANTOPEN;
}

bool StoreError::busy() const
{
    if (m_kind == Kind::Busy)
        return true;
    const int primary = m_code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

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

} // namespace

struct Database::Cache {
    std::map<std::string, Statement, std::less<>> statements;
};

Database::Database(const std::string& path, Durability durability)
    : m_path(path)
    , m_cache(std::make_unique<Cache>())
{
    const int rc = sqlite3_open_v2(path.c_str(), &m_db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "cannot open database " + path + ": "
            + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
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

Database::~Database()
{
    m_cache.reset(); // statements must be finalized before the connection closes
    sqlite3_close_v2(m_db);
}

void Database::exec(std::string_view sql)
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

void Database::copyTo(const std::string& path)
{
    Statement st = prepare("VACUUM INTO ?");
    st.bind(1, path);
    st.step();
}

Statement Database::prepare(std::string_view sql)
{
    return Statement(m_db, sql);
}

Statement& Database::cached(std::string_view sql)
{
    auto it = m_cache->statements.find(sql);
    if (it == m_cache->statements.end())
        it = m_cache->statements.emplace(std::string(sql), Statement(m_db, sql)).first;
    it->second.reset();
    return it->second;
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

Statement::Statement(sqlite3* db, std::string_view sql)
    : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(db, rc, "prepare " + std::string(sql.substr(0, 80)));
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db)
    , m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

Statement& Statement::bind(int index, std::string_view text)
{
    if (const auto key = keyBytesOf(text))
        return bindBlob(index, std::string_view(key->data(), key->size()));
    return bindText(index, text);
}

Statement& Statement::bindText(int index, std::string_view text)
{
    // An empty view may have no data pointer, which SQLite would bind as NULL, not ''.
    const char* data = text.data() ? text.data() : "";
    check(m_db, sqlite3_bind_text(m_stmt, index, data, static_cast<int>(text.size()), SQLITE_TRANSIENT), "bind");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    check(m_db, sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes)
{
    check(m_db, sqlite3_bind_blob(m_stmt, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT), "bind");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    check(m_db, sqlite3_bind_null(m_stmt, index), "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_db, rc, "step");
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::string Statement::text(int column) const
{
    if (isBlob(column))
        return idOfKey(blob(column), true);
    const auto* p = sqlite3_column_text(m_stmt, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string{};
}

std::string Statement::blob(int column) const
{
    const void* p = sqlite3_column_blob(m_stmt, column);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string{};
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

bool Statement::isBlob(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_BLOB;
}

bool Statement::isInteger(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_INTEGER;
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

std::string Statement::columnName(int column) const
{
    return sqlite3_column_name(m_stmt, column);
}

Transaction::Transaction(Database& db, Mode mode)
    : m_db(db)
    , m_nested(db.inTransaction())
{
    if (m_nested) {
        thread_local int counter = 0;
        m_savepoint = "sp" + std::to_string(++counter);
        m_db.exec("SAVEPOINT " + m_savepoint);
    } else {
        m_db.exec(mode == Mode::Write ? "BEGIN IMMEDIATE" : "BEGIN");
    }
}

Transaction::~Transaction()
{
    rollback();
}

void Transaction::rollback()
{
    if (m_done)
        return;
    m_done = true;
    try {
        if (m_nested) {
            m_db.exec("ROLLBACK TO " + m_savepoint);
            m_db.exec("RELEASE " + m_savepoint);
        } else {
            m_db.exec("ROLLBACK");
        }
    } catch (const StoreError&) {
        // The connection rolled back on its own (e.g. after SQLITE_FULL): nothing to undo.
    }
}

void Transaction::commit()
{
    m_db.exec(m_nested ? "RELEASE " + m_savepoint : std::string("COMMIT"));
    m_done = true;
}

} // namespace shouwang
