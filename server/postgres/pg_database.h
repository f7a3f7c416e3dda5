#pragma once

#include "store/database.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace shouwang::pg {

class Statement;

// One connection to the city's PostgreSQL, in the shape of the SQLite Database
// (store/database.h), so the store's statements can run on either: SQL is written once, in
// the store's spelling, and translated here (pg_sql.h). Every failure is a StoreError; one
// that means the server cannot be reached is `unreachable()`, which the sync service answers
// with 503 (the device tries again and nothing is lost). A connection that broke is opened
// again by the next statement, with its prepared statements.
class Database {
public:
    // `url`: postgresql://user@host:port/database (libpq's connection string).
    explicit Database(std::string url);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    // Prepared once per connection and reused.
    Statement& cached(std::string_view sql);

    // Rows the last statement run through this connection inserted, changed or deleted.
    int changes() const { return m_changes; }
    bool inTransaction() const;
    const std::string& url() const { return m_url; }
    // Whether the server answers now (opening the connection again if it broke).
    bool reachable();

private:
    friend class Statement;
    friend class Transaction;
    pg_conn* connection();
    // Takes a result: throws (StoreError) unless it is one of the `ok` kinds.
    pg_result* checked(pg_result* result, std::string_view what);
    std::string nextName() { return "s" + std::to_string(++m_statements); }

    std::string m_url;
    pg_conn* m_conn = nullptr;
    // Bumped whenever the connection is opened again: prepared statements are gone then.
    int m_generation = 0;
    int m_statements = 0;
    int m_changes = 0;
    int m_depth = 0;
    bool m_closing = false;
    std::map<std::string, std::unique_ptr<Statement>, std::less<>> m_cache;
};

// A prepared statement, stepped through its rows as a SQLite statement is. A parameter
// PostgreSQL types as bytea takes an id (a canonical UUID) as its 16 bytes, as the SQLite
// store keeps it (store/record_key.h); a bytea column of 16 bytes reads back as the id.
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bindText(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bindBlob(int index, std::string_view bytes);
    Statement& bindNull(int index);

    bool step();
    void run();
    void reset();

    std::string text(int column) const;
    std::string blob(int column) const;
    std::int64_t integer(int column) const;
    bool isNull(int column) const;
    bool isBlob(int column) const;
    bool isInteger(int column) const;
    int columnCount() const;
    std::string columnName(int column) const;

private:
    void prepareOnServer();
    void execute();
    std::optional<std::string>& slot(int index);
    unsigned int typeOf(int index) const;

    Database* m_db;
    std::string m_sql; // PostgreSQL's spelling
    std::string m_name;
    int m_generation = -1;
    std::vector<unsigned int> m_types;                // the server's type of each parameter
    std::vector<std::optional<std::string>> m_values; // nullopt: NULL
    std::vector<int> m_binary;                        // 1: the value is bytes (bytea)
    pg_result* m_result = nullptr;
    int m_row = -1;
};

// A transaction on the city database. Mode::Write takes the write lock of `ledger` (the
// county whose records it writes) before anything else and holds it to the commit, as
// SQLite's BEGIN IMMEDIATE takes the file's: writes to one county's ledger are made one at
// a time, whichever server process makes them, so the merge reads what it overwrites and
// the county's log places (seq) are taken in the order they become visible. A pull of a
// scope in the county then never passes a place a later commit could still fill
// (docs/architecture.md, "The city on PostgreSQL"). Two counties write side by side.
// Mode::Read is one snapshot that several reads share. Nested use is a SAVEPOINT.
class Transaction {
public:
    enum class Mode { Write, Read };
    explicit Transaction(Database& db, Mode mode = Mode::Write, std::int64_t ledger = 0);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();
    void rollback();

private:
    Database& m_db;
    bool m_nested;
    bool m_done = false;
    std::string m_savepoint;
};

// The advisory lock class of a county's write lock (pg_advisory_xact_lock(class, county)):
// "守" in UTF-16, so no other application's locks on the same database are mistaken for it.
inline constexpr std::int32_t kLedgerLockClass = 0x5B88;

} // namespace shouwang::pg
