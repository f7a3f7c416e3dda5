#pragma once

#include "store/database.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace shouwang::pg {

class PreparedStatement;

// One connection to the city's PostgreSQL, behind the store's Database (store/database.h),
// so the store's statements run on it as they are: written once, in the store's spelling,
// and translated here (pg_sql.h). A parameter PostgreSQL types as bytea takes an id (a
// canonical UUID) as its 16 bytes, as the SQLite store keeps it (store/record_key.h), and
// a bytea column of 16 bytes reads back as the id. Every failure is a StoreError; one that
// means the server cannot be reached is `unreachable()`, which the sync service answers
// with 503 (the device tries again and nothing is lost). A connection that broke is opened
// again by the next statement, with its prepared statements — never inside a transaction,
// whose work died with it.
//
// A Transaction of Mode::Write takes the database's writer lock before anything else and
// holds it to the commit, as SQLite's BEGIN IMMEDIATE takes the file's: writes are made one
// at a time, whichever server process makes them, so the merge reads what it overwrites and
// the log's places (seq) become visible in their order. A pull, which moves its cursor past
// every place it scanned, then never passes one a later commit could still fill
// (docs/architecture.md, "The city on PostgreSQL"). Mode::Read is one snapshot
// (REPEATABLE READ, READ ONLY) that several reads share.
class Database final : public shouwang::Database {
public:
    // `url`: postgresql://user@host:port/database (libpq's connection string).
    explicit Database(std::string url);
    ~Database() override;

    void exec(std::string_view sql) override;
    Statement prepare(std::string_view sql) override;
    // The place the last INSERT into a table with a sequence took (lastval()).
    // Rows the last statement run through this connection inserted, changed or deleted.
    int changes() const override { return m_changes; }
    bool inTransaction() const override;
    const std::string& path() const override { return m_url; }
    Dialect dialect() const override { return Dialect::Postgres; }
    int reconnections() const override { return m_generation; }
    // Whether the server answers now (opening the connection again if it broke).
    bool reachable();
    void dropSent() noexcept override;

private:
    friend class PreparedStatement;
    void begin(Transaction::Mode mode) override;
    void commitTransaction() override;
    void rollbackTransaction() override;
    pg_conn* connection();
    // Takes a result: throws (StoreError) unless it is one of the `ok` kinds.
    pg_result* checked(pg_result* result, std::string_view what);
    std::string nextName() { return "s" + std::to_string(++m_statements); }
    // Statement::send inside a transaction: the statement goes into the connection's
    // pipeline, unanswered, and goes out with the next statement that needs an answer.
    void sendAhead(const std::string& name, std::string_view sql, int count, const char* const* values,
                   const int* lengths, const int* formats);
    // Sends what waits, with a synchronisation point, and reads every answer in order: a
    // failure among them is thrown (the first), after all are read. With `read`, the last
    // statement sent is one whose rows the caller wants: its result is returned.
    pg_result* settle(bool read);
    void settleSent()
    {
        if (m_sent > 0)
            settle(false);
    }

    std::string m_url;
    pg_conn* m_conn = nullptr;
    // Bumped whenever the connection is opened again: prepared statements are gone then.
    int m_generation = 0;
    int m_statements = 0;
    int m_changes = 0;
    int m_sent = 0;                      // statements in the pipeline whose answers are not read yet
    std::vector<std::string> m_sentWhat; // their text's beginnings, to name the one that failed
    bool m_inTransaction = false; // begun here, not yet ended: a lost connection is its failure
    bool m_closing = false;
};

// The advisory lock class of the writer lock (pg_advisory_xact_lock(class, 0)): "守" in
// UTF-16, so no other application's locks on the same database are mistaken for it.
inline constexpr std::int32_t kWriterLockClass = 0x5B88;

} // namespace shouwang::pg
