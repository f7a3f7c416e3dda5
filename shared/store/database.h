#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace shouwang {

// A failure of the database. `full` marks disk-full and read-only conditions, which
// callers report as "try again once space returns" rather than as a bug; `busy` a write
// that lost a race for a lock; `unreachable` a database server (PostgreSQL) that cannot be
// reached. In each of these nothing was written and the same request may simply be retried.
class StoreError : public std::runtime_error {
public:
    // How a backend other than SQLite says what went wrong (SQLite's own codes say it there).
    enum class Kind { Other, Full, Busy, Unreachable };

    StoreError(std::string message, int code);
    StoreError(std::string message, Kind kind);
    int code() const { return m_code; }
    bool full() const;
    bool busy() const;
    bool unreachable() const { return m_kind == Kind::Unreachable; }

private:
    int m_code = 0;
    Kind m_kind = Kind::Other;
};

// The failure as the command-line tools word it, in Chinese and English, on one line.
std::string storeErrorText(const StoreError& e);

class Statement;

// The only owner of a sqlite3 handle; nothing outside store/ sees SQLite.
class Database {
public:
    enum class Durability { Normal, Full };

    explicit Database(const std::string& path, Durability durability = Durability::Normal);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    // Prepared once per connection and reused: hot paths (save, merge) call this.
    Statement& cached(std::string_view sql);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    // False once SQLite has rolled a transaction back on its own (after SQLITE_FULL, say):
    // a caller batching work into one transaction must then stop adding to it.
    bool inTransaction() const;
    const std::string& path() const { return m_path; }
    // Writes the whole database as it stands at one moment to a new file at `path`
    // (VACUUM INTO): a copy to work on that leaves this one untouched.
    void copyTo(const std::string& path);

private:
    struct Cache;
    sqlite3* m_db = nullptr;
    std::string m_path;
    std::unique_ptr<Cache> m_cache;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    // Text, except that an id (a canonical UUID) is bound in its key form, as every table
    // keeps it (store/record_key.h): the one place where ids become keys on the way in.
    Statement& bind(int index, std::string_view text);
    // The text exactly: for a value that SQL takes apart as text (a list of ids).
    Statement& bindText(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bindBlob(int index, std::string_view bytes);
    Statement& bindNull(int index);

    // One step: true while a row is available.
    bool step();
    // Runs to completion (for statements that return no rows) and resets.
    void run();
    void reset();

    // The column as text; a key (a 16-byte BLOB) as the id it stands for, bind's inverse.
    std::string text(int column) const;
    std::string blob(int column) const;
    std::int64_t integer(int column) const;
    bool isNull(int column) const;
    bool isBlob(int column) const;
    bool isInteger(int column) const;
    int columnCount() const;
    std::string columnName(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if the scope is left without commit(). Nested
// use becomes a SAVEPOINT so a failing inner step undoes only its own writes. Mode::Read
// begins a deferred transaction instead: one snapshot that several reads share while a
// writer on another connection commits beside them.
class Transaction {
public:
    enum class Mode { Write, Read };
    explicit Transaction(Database& db, Mode mode = Mode::Write);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();
    // Undoes the writes now, as leaving the scope would (then nothing more is written).
    void rollback();

private:
    Database& m_db;
    bool m_nested;
    bool m_done = false;
    std::string m_savepoint;
};

} // namespace shouwang
