#include "pg_database.h"

#include "pg_sql.h"

#include "store/record_key.h"
#include "sync/crypto.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace shouwang::pg {
namespace {

// PostgreSQL's type numbers (pg_type.dat) of the columns and parameters the store uses.
constexpr Oid kBytea = 17;
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;
constexpr Oid kBool = 16;

// What an error's SQLSTATE (PostgreSQL's appendix A) means for the caller: whether trying
// again later can succeed, and why.
StoreError::Kind kindOf(std::string_view state)
{
    const std::string_view errorClass = state.substr(0, 2);
    if (errorClass == "08" || state == "57P01" || state == "57P02" || state == "57P03")
        return StoreError::Kind::Unreachable; // connection lost, server shutting down or starting
    if (state == "53100" || errorClass == "53" || state == "25006")
        return StoreError::Kind::Full; // disk full, out of memory, a read-only transaction
    if (state == "40001" || state == "40P01" || state == "55P03")
        return StoreError::Kind::Busy; // serialization, deadlock, lock not available
    return StoreError::Kind::Other;
}

[[noreturn]] void fail(pg_conn* conn, pg_result* result, std::string_view what)
{
    std::string message(what);
    message += ": ";
    StoreError::Kind kind = StoreError::Kind::Unreachable;
    if (result) {
        const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
        kind = state ? kindOf(state) : StoreError::Kind::Other;
        message += PQresultErrorMessage(result);
        PQclear(result);
    } else {
        message += conn ? PQerrorMessage(conn) : "out of memory";
    }
    if (conn && PQstatus(conn) != CONNECTION_OK)
        kind = StoreError::Kind::Unreachable;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    throw StoreError(message, kind);
}

// A bytea column in text form ("\\x0a1b…") as its bytes.
std::string byteaBytes(const char* text, int length)
{
    const std::string_view value(text, static_cast<std::size_t>(length));
    if (value.substr(0, 2) == "\\x") {
        if (auto bytes = crypto::unhex(value.substr(2)))
            return std::move(*bytes);
    }
    return std::string(value);
}

void ignoreNotice(void*, const char*) {}

} // namespace

Database::Database(std::string url)
    : m_url(std::move(url))
{
    m_conn = PQconnectdb(m_url.c_str());
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) {
        std::string message = "cannot connect to " + m_url + ": " + (m_conn ? PQerrorMessage(m_conn) : "out of memory");
        while (!message.empty() && message.back() == '\n')
            message.pop_back();
        PQfinish(m_conn);
        m_conn = nullptr;
        throw StoreError(message, StoreError::Kind::Unreachable);
    }
    PQsetNoticeProcessor(m_conn, ignoreNotice, nullptr);
    PQsetClientEncoding(m_conn, "UTF8");
}

Database::~Database()
{
    m_closing = true; // the plans go with the connection
    forgetCached();
    PQfinish(m_conn);
}

pg_conn* Database::connection()
{
    if (PQstatus(m_conn) == CONNECTION_OK)
        return m_conn;
    // Inside a transaction the work so far died with the connection: opening a new one
    // here would run the rest outside it. The transaction's end (its rollback) clears it.
    if (m_inTransaction)
        throw StoreError("the connection to the database was lost inside a transaction", StoreError::Kind::Unreachable);
    PQreset(m_conn);
    if (PQstatus(m_conn) != CONNECTION_OK)
        fail(m_conn, nullptr, "cannot connect to the database");
    PQsetClientEncoding(m_conn, "UTF8");
    ++m_generation;
    return m_conn;
}

bool Database::reachable()
{
    try {
        exec("SELECT 1");
        return true;
    } catch (const StoreError&) {
        return false;
    }
}

pg_result* Database::checked(pg_result* result, std::string_view what)
{
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(m_conn, result, what);
    const char* tuples = PQcmdTuples(result);
    m_changes = *tuples ? std::atoi(tuples) : 0;
    return result;
}

void Database::exec(std::string_view sql)
{
    const std::string text(sql);
    PQclear(checked(PQexec(connection(), text.c_str()), text.substr(0, 80)));
}

bool Database::inTransaction() const
{
    return PQtransactionStatus(m_conn) == PQTRANS_INTRANS || PQtransactionStatus(m_conn) == PQTRANS_INERROR;
}

// A statement prepared on the server, stepped through its rows as a SQLite statement is.
class PreparedStatement final : public StatementBackend {
public:
    PreparedStatement(Database& db, std::string_view sql);
    ~PreparedStatement() override;
    PreparedStatement(const PreparedStatement&) = delete;
    PreparedStatement& operator=(const PreparedStatement&) = delete;

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
    void prepareOnServer();
    void execute();
    std::optional<std::string>& slot(int index);
    unsigned int typeOf(int index) const;

    Database& m_db;
    std::string m_sql; // PostgreSQL's spelling
    std::string m_name;
    int m_generation = -1;
    std::vector<unsigned int> m_types;                // the server's type of each parameter
    std::vector<std::optional<std::string>> m_values; // nullopt: NULL
    std::vector<int> m_binary;                        // 1: the value is bytes (bytea)
    pg_result* m_result = nullptr;
    int m_row = -1;
};

Statement Database::prepare(std::string_view sql)
{
    return Statement(std::make_unique<PreparedStatement>(*this, sql));
}

PreparedStatement::PreparedStatement(Database& db, std::string_view sql)
    : m_db(db)
    , m_sql(postgresSql(sql))
{
    prepareOnServer();
}

PreparedStatement::~PreparedStatement()
{
    PQclear(m_result);
    // A statement made for one use gives its server-side plan back; after a reconnection
    // there is nothing to give back.
    if (!m_db.m_closing && m_generation == m_db.m_generation && PQstatus(m_db.m_conn) == CONNECTION_OK
        && PQtransactionStatus(m_db.m_conn) != PQTRANS_INERROR)
        PQclear(PQexec(m_db.m_conn, ("DEALLOCATE " + m_name).c_str()));
}

void PreparedStatement::prepareOnServer()
{
    pg_conn* conn = m_db.connection();
    m_name = m_db.nextName();
    PQclear(m_db.checked(PQprepare(conn, m_name.c_str(), m_sql.c_str(), 0, nullptr), m_sql.substr(0, 80)));
    pg_result* described = m_db.checked(PQdescribePrepared(conn, m_name.c_str()), "describe");
    const int count = PQnparams(described);
    m_types.resize(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        m_types[static_cast<std::size_t>(i)] = PQparamtype(described, i);
    PQclear(described);
    m_values.resize(m_types.size());
    m_binary.resize(m_types.size(), 0);
    m_generation = m_db.m_generation;
}

std::optional<std::string>& PreparedStatement::slot(int index)
{
    if (index < 1 || static_cast<std::size_t>(index) > m_values.size())
        throw StoreError("parameter " + std::to_string(index) + " out of range in: " + m_sql.substr(0, 80),
                         StoreError::Kind::Other);
    return m_values[static_cast<std::size_t>(index - 1)];
}

unsigned int PreparedStatement::typeOf(int index) const
{
    return m_types[static_cast<std::size_t>(index - 1)];
}

void PreparedStatement::bind(int index, std::string_view text)
{
    if (typeOf(index) == kBytea) {
        if (const auto key = keyBytesOf(text))
            return bindBlob(index, std::string_view(key->data(), key->size()));
    }
    bindText(index, text);
}

void PreparedStatement::bindText(int index, std::string_view text)
{
    slot(index) = std::string(text);
    m_binary[static_cast<std::size_t>(index - 1)] = typeOf(index) == kBytea ? 1 : 0;
}

void PreparedStatement::bind(int index, std::int64_t value)
{
    slot(index) = std::to_string(value);
    m_binary[static_cast<std::size_t>(index - 1)] = 0;
}

void PreparedStatement::bindBlob(int index, std::string_view bytes)
{
    slot(index) = std::string(bytes);
    m_binary[static_cast<std::size_t>(index - 1)] = 1;
}

void PreparedStatement::bindNull(int index)
{
    slot(index).reset();
}

void PreparedStatement::execute()
{
    pg_conn* conn = m_db.connection();
    if (m_generation != m_db.m_generation)
        prepareOnServer(); // the connection was opened again: its plans are gone
    PQclear(m_result);
    m_result = nullptr;
    const std::size_t count = m_values.size();
    std::vector<const char*> values(count);
    std::vector<int> lengths(count);
    for (std::size_t i = 0; i < count; ++i) {
        values[i] = m_values[i] ? m_values[i]->data() : nullptr;
        lengths[i] = m_values[i] ? static_cast<int>(m_values[i]->size()) : 0;
    }
    m_result = m_db.checked(PQexecPrepared(conn, m_name.c_str(), static_cast<int>(count), values.data(), lengths.data(),
                                           m_binary.data(), 0),
                            m_sql.substr(0, 80));
    m_row = -1;
}

bool PreparedStatement::step()
{
    if (!m_result)
        execute();
    ++m_row;
    return m_row < PQntuples(m_result);
}

void PreparedStatement::reset()
{
    PQclear(m_result);
    m_result = nullptr;
    m_row = -1;
    // As SQLite's reset with sqlite3_clear_bindings: a reused statement starts unbound.
    for (auto& value : m_values)
        value.reset();
    std::fill(m_binary.begin(), m_binary.end(), 0);
}

std::string PreparedStatement::text(int column) const
{
    if (isNull(column))
        return {};
    const char* value = PQgetvalue(m_result, m_row, column);
    const int length = PQgetlength(m_result, m_row, column);
    if (PQftype(m_result, column) != kBytea)
        return std::string(value, static_cast<std::size_t>(length));
    const std::string bytes = byteaBytes(value, length);
    return idOfKey(bytes, true);
}

std::string PreparedStatement::blob(int column) const
{
    if (isNull(column))
        return {};
    const char* value = PQgetvalue(m_result, m_row, column);
    const int length = PQgetlength(m_result, m_row, column);
    if (PQftype(m_result, column) == kBytea)
        return byteaBytes(value, length);
    return std::string(value, static_cast<std::size_t>(length));
}

std::int64_t PreparedStatement::integer(int column) const
{
    if (isNull(column))
        return 0;
    const char* value = PQgetvalue(m_result, m_row, column);
    if (PQftype(m_result, column) == kBool)
        return value[0] == 't' ? 1 : 0;
    return std::strtoll(value, nullptr, 10);
}

bool PreparedStatement::isNull(int column) const
{
    return !m_result || m_row < 0 || PQgetisnull(m_result, m_row, column);
}

bool PreparedStatement::isBlob(int column) const
{
    return !isNull(column) && PQftype(m_result, column) == kBytea;
}

bool PreparedStatement::isInteger(int column) const
{
    if (isNull(column))
        return false;
    const Oid type = PQftype(m_result, column);
    return type == kInt8 || type == kInt4 || type == kInt2;
}

int PreparedStatement::columnCount() const
{
    return m_result ? PQnfields(m_result) : 0;
}

std::string PreparedStatement::columnName(int column) const
{
    return m_result ? PQfname(m_result, column) : "";
}

void Database::begin(Transaction::Mode mode)
{
    if (mode == Transaction::Mode::Read) {
        exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        m_inTransaction = true;
        return;
    }
    exec("BEGIN");
    m_inTransaction = true; // from here a lost connection is this transaction's failure
    try {
        exec("SELECT pg_advisory_xact_lock(" + std::to_string(kWriterLockClass) + ", 0)");
    } catch (...) {
        rollbackTransaction();
        throw;
    }
}

void Database::commitTransaction()
{
    // Never on a connection opened again: COMMIT there would only warn that nothing began.
    if (PQstatus(m_conn) != CONNECTION_OK)
        throw StoreError("the connection to the database was lost before the commit", StoreError::Kind::Unreachable);
    pg_result* result = checked(PQexec(m_conn, "COMMIT"), "COMMIT");
    m_inTransaction = false;
    // COMMIT of a transaction an error already aborted answers ROLLBACK, not an error.
    const bool rolledBack = std::strcmp(PQcmdStatus(result), "ROLLBACK") == 0;
    PQclear(result);
    if (rolledBack)
        throw StoreError("the transaction was rolled back by an earlier error", StoreError::Kind::Other);
}

void Database::rollbackTransaction()
{
    m_inTransaction = false;
    if (PQstatus(m_conn) == CONNECTION_OK)
        PQclear(PQexec(m_conn, "ROLLBACK"));
}

} // namespace shouwang::pg
