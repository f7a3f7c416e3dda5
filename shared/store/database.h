#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

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

// What a backend does for a Statement: SQLite's (store/sqlite_database.cpp) or PostgreSQL's
// (server/postgres/pg_database.cpp).
class StatementBackend {
public:
    virtual ~StatementBackend() = default;
    virtual void bind(int index, std::string_view text) = 0;
    virtual void bindText(int index, std::string_view text) = 0;
    virtual void bind(int index, std::int64_t value) = 0;
    virtual void bindBlob(int index, std::string_view bytes) = 0;
    virtual void bindNull(int index) = 0;
    virtual bool step() = 0;
    virtual void reset() = 0;
    // Statement::send: a backend that answers each statement alone (SQLite) just runs it.
    virtual void send()
    {
        while (step()) {}
        reset();
    }
    virtual std::string text(int column) const = 0;
    virtual std::string blob(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;
    virtual bool isNull(int column) const = 0;
    virtual bool isBlob(int column) const = 0;
    virtual bool isInteger(int column) const = 0;
    virtual int columnCount() const = 0;
    virtual std::string columnName(int column) const = 0;
};

// A prepared statement, stepped through its rows, whichever database runs it.
class Statement {
public:
    explicit Statement(std::unique_ptr<StatementBackend> backend)
        : m_backend(std::move(backend))
    {
    }
    Statement(Statement&& other) noexcept = default;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    // Text, except that an id (a canonical UUID) is bound in its key form, as every table
    // keeps it (store/record_key.h): the one place where ids become keys on the way in.
    Statement& bind(int index, std::string_view text) { return m_backend->bind(index, text), *this; }
    // The text exactly: for a value that SQL takes apart as text (a list of ids).
    Statement& bindText(int index, std::string_view text) { return m_backend->bindText(index, text), *this; }
    Statement& bind(int index, std::int64_t value) { return m_backend->bind(index, value), *this; }
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bindBlob(int index, std::string_view bytes) { return m_backend->bindBlob(index, bytes), *this; }
    Statement& bindNull(int index) { return m_backend->bindNull(index), *this; }

    // One step: true while a row is available.
    bool step() { return m_backend->step(); }
    // Runs to completion (for statements that return no rows) and resets.
    void run()
    {
        while (step()) {}
        reset();
    }
    // Runs a write whose rows, count (Database::changes) and failure the caller does not need
    // at once, and resets. A database server may take it along with the next statement
    // instead of answering it alone (PostgreSQL's pipeline: one round trip for several);
    // a failure then surfaces at the next statement, savepoint or commit of the same
    // transaction, which it fails as its own would. Outside a transaction it simply runs.
    void send() { m_backend->send(); }
    // Back to before the first step, with no value bound.
    void reset() { m_backend->reset(); }

    // The column as text; a key (16 bytes) as the id it stands for, bind's inverse.
    std::string text(int column) const { return m_backend->text(column); }
    std::string blob(int column) const { return m_backend->blob(column); }
    std::int64_t integer(int column) const { return m_backend->integer(column); }
    bool isNull(int column) const { return m_backend->isNull(column); }
    bool isBlob(int column) const { return m_backend->isBlob(column); }
    bool isInteger(int column) const { return m_backend->isInteger(column); }
    int columnCount() const { return m_backend->columnCount(); }
    std::string columnName(int column) const { return m_backend->columnName(column); }

private:
    std::unique_ptr<StatementBackend> m_backend;
};

class Database;

// BEGIN ... COMMIT, rolled back if the scope is left without commit(). Mode::Write takes
// the writer's lock first (SQLite: BEGIN IMMEDIATE, the file's; PostgreSQL: an advisory
// lock, pg_database.h), so a merge reads what it overwrites. Nested use becomes a SAVEPOINT so a failing inner step undoes only its own
// writes. Mode::Read is one snapshot that several reads share while a writer on another
// connection commits beside them.
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

// One connection to a ledger's database, as the store sees it: SQLite's (SqliteDatabase,
// store/sqlite_database.h: every replica and the county server) or PostgreSQL's
// (pg::Database: the city). The store's statements are written once, in SQLite's spelling;
// a backend runs them (docs/architecture.md, "The city on PostgreSQL").
class Database {
public:
    virtual ~Database() = default;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    virtual void exec(std::string_view sql) = 0;
    virtual Statement prepare(std::string_view sql) = 0;
    // Prepared once per connection and reused: hot paths (save, merge) call this.
    Statement& cached(std::string_view sql);

    virtual int changes() const = 0;
    // False once the database has rolled a transaction back on its own (SQLite after
    // SQLITE_FULL, say): a caller batching work into one transaction must then stop adding to it.
    virtual bool inTransaction() const = 0;
    // A file's path, or a server's connection string.
    virtual const std::string& path() const = 0;
    // How often the connection was opened again after it broke (PostgreSQL's; a SQLite
    // file's never breaks). The database reached since may have been restored meanwhile.
    virtual int reconnections() const { return 0; }
    // Statements sent ahead (Statement::send) whose outcome is not wanted any more: the
    // transaction or savepoint they ran in is being undone. Never throws.
    virtual void dropSent() noexcept {}

    // Which database this is, for the few statements the two spell differently (a text
    // search, a table's columns): the store decides the same on both.
    enum class Dialect { Sqlite, Postgres };
    virtual Dialect dialect() const = 0;

protected:
    Database() = default;
    // The cached statements go before the connection they were prepared on.
    void forgetCached() { m_cache.clear(); }

private:
    friend class Transaction;
    // The outermost transaction's begin and end; savepoints are the same SQL in both.
    virtual void begin(Transaction::Mode mode) = 0;
    virtual void commitTransaction() = 0;
    // Never throws: a connection that rolled back on its own, or is gone, has nothing to undo.
    virtual void rollbackTransaction() = 0;

    std::map<std::string, Statement, std::less<>> m_cache;

    friend class Meta;
    // Meta rows set for the outermost transaction's commit (Meta::setAtCommit): written once,
    // just before it commits, however many savepoints set them; dropped if it rolls back.
    std::map<std::string, std::string, std::less<>> m_metaAtCommit;
};

} // namespace shouwang
