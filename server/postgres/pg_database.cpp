#include "pg_database.h"

#include "pg_sql.h"

#include "store/record_key.h"
#include "sync/crypto.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

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
    m_cache.clear();
    PQfinish(m_conn);
}

pg_conn* Database::connection()
{
    if (PQstatus(m_conn) == CONNECTION_OK)
        return m_conn;
    // Inside a transaction the work so far died with the connection: opening a new one
    // here would run the rest outside it. The transaction's end resets the depth.
    if (m_depth > 0)
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

Statement Database::prepare(std::string_view sql)
{
    return Statement(*this, sql);
}

Statement& Database::cached(std::string_view sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end())
        it = m_cache.emplace(std::string(sql), std::make_unique<Statement>(*this, sql)).first;
    it->second->reset();
    return *it->second;
}

Statement::Statement(Database& db, std::string_view sql)
    : m_db(&db)
    , m_sql(postgresSql(sql))
{
    prepareOnServer();
}

Statement::~Statement()
{
    reset();
    // A statement made for one use gives its server-side plan back; after a reconnection
    // there is nothing to give back.
    if (m_db && !m_db->m_closing && !m_name.empty() && m_generation == m_db->m_generation
        && PQstatus(m_db->m_conn) == CONNECTION_OK && PQtransactionStatus(m_db->m_conn) != PQTRANS_INERROR)
        PQclear(PQexec(m_db->m_conn, ("DEALLOCATE " + m_name).c_str()));
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db)
    , m_sql(std::move(other.m_sql))
    , m_name(std::move(other.m_name))
    , m_generation(other.m_generation)
    , m_types(std::move(other.m_types))
    , m_values(std::move(other.m_values))
    , m_binary(std::move(other.m_binary))
    , m_result(other.m_result)
    , m_row(other.m_row)
{
    other.m_db = nullptr;
    other.m_result = nullptr;
    other.m_name.clear();
}

void Statement::prepareOnServer()
{
    pg_conn* conn = m_db->connection();
    m_name = m_db->nextName();
    PQclear(m_db->checked(PQprepare(conn, m_name.c_str(), m_sql.c_str(), 0, nullptr), m_sql.substr(0, 80)));
    pg_result* described = m_db->checked(PQdescribePrepared(conn, m_name.c_str()), "describe");
    const int count = PQnparams(described);
    m_types.resize(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        m_types[static_cast<std::size_t>(i)] = PQparamtype(described, i);
    PQclear(described);
    m_values.resize(m_types.size());
    m_binary.resize(m_types.size(), 0);
    m_generation = m_db->m_generation;
}

std::optional<std::string>& Statement::slot(int index)
{
    if (index < 1 || static_cast<std::size_t>(index) > m_values.size())
        throw StoreError("parameter " + std::to_string(index) + " out of range in: " + m_sql.substr(0, 80),
                         StoreError::Kind::Other);
    return m_values[static_cast<std::size_t>(index - 1)];
}

unsigned int Statement::typeOf(int index) const
{
    return m_types[static_cast<std::size_t>(index - 1)];
}

Statement& Statement::bind(int index, std::string_view text)
{
    if (typeOf(index) == kBytea) {
        if (const auto key = keyBytesOf(text))
            return bindBlob(index, std::string_view(key->data(), key->size()));
    }
    return bindText(index, text);
}

Statement& Statement::bindText(int index, std::string_view text)
{
    slot(index) = std::string(text);
    m_binary[static_cast<std::size_t>(index - 1)] = typeOf(index) == kBytea ? 1 : 0;
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    slot(index) = std::to_string(value);
    m_binary[static_cast<std::size_t>(index - 1)] = 0;
    return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes)
{
    slot(index) = std::string(bytes);
    m_binary[static_cast<std::size_t>(index - 1)] = 1;
    return *this;
}

Statement& Statement::bindNull(int index)
{
    slot(index).reset();
    return *this;
}

void Statement::execute()
{
    pg_conn* conn = m_db->connection();
    if (m_generation != m_db->m_generation)
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
    m_result = m_db->checked(PQexecPrepared(conn, m_name.c_str(), static_cast<int>(count), values.data(),
                                            lengths.data(), m_binary.data(), 0),
                             m_sql.substr(0, 80));
    m_row = -1;
}

bool Statement::step()
{
    if (!m_result)
        execute();
    ++m_row;
    return m_row < PQntuples(m_result);
}

void Statement::run()
{
    execute();
    reset();
}

void Statement::reset()
{
    PQclear(m_result);
    m_result = nullptr;
    m_row = -1;
    // As SQLite's reset with sqlite3_clear_bindings: a reused statement starts unbound.
    for (auto& value : m_values)
        value.reset();
    std::fill(m_binary.begin(), m_binary.end(), 0);
}

std::string Statement::text(int column) const
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

std::string Statement::blob(int column) const
{
    if (isNull(column))
        return {};
    const char* value = PQgetvalue(m_result, m_row, column);
    const int length = PQgetlength(m_result, m_row, column);
    if (PQftype(m_result, column) == kBytea)
        return byteaBytes(value, length);
    return std::string(value, static_cast<std::size_t>(length));
}

std::int64_t Statement::integer(int column) const
{
    if (isNull(column))
        return 0;
    const char* value = PQgetvalue(m_result, m_row, column);
    if (PQftype(m_result, column) == kBool)
        return value[0] == 't' ? 1 : 0;
    return std::strtoll(value, nullptr, 10);
}

bool Statement::isNull(int column) const
{
    return !m_result || m_row < 0 || PQgetisnull(m_result, m_row, column);
}

bool Statement::isBlob(int column) const
{
    return !isNull(column) && PQftype(m_result, column) == kBytea;
}

bool Statement::isInteger(int column) const
{
    if (isNull(column))
        return false;
    const Oid type = PQftype(m_result, column);
    return type == kInt8 || type == kInt4 || type == kInt2;
}

int Statement::columnCount() const
{
    return m_result ? PQnfields(m_result) : 0;
}

std::string Statement::columnName(int column) const
{
    return m_result ? PQfname(m_result, column) : "";
}

Transaction::Transaction(Database& db, Mode mode, std::int64_t ledger)
    : m_db(db)
    , m_nested(db.m_depth > 0)
{
    if (m_nested) {
        m_savepoint = "sp" + std::to_string(db.m_depth);
        db.exec("SAVEPOINT " + m_savepoint);
    } else if (mode == Mode::Read) {
        db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    } else {
        db.exec("BEGIN");
        ++db.m_depth; // from here a lost connection is this transaction's failure
        try {
            db.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kLedgerLockClass) + ", "
                    + std::to_string(static_cast<std::int32_t>(ledger)) + ")");
        } catch (...) {
            --db.m_depth;
            if (PQstatus(db.m_conn) == CONNECTION_OK)
                PQclear(PQexec(db.m_conn, "ROLLBACK"));
            throw;
        }
        return;
    }
    ++db.m_depth;
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    try {
        rollback();
    } catch (const StoreError&) {
        // The connection is gone, and the transaction with it.
    }
}

void Transaction::commit()
{
    m_done = true;
    --m_db.m_depth;
    if (m_nested) {
        m_db.exec("RELEASE SAVEPOINT " + m_savepoint);
        return;
    }
    // Never on a connection opened again: COMMIT there would only warn that nothing began.
    if (PQstatus(m_db.m_conn) != CONNECTION_OK)
        throw StoreError("the connection to the database was lost before the commit", StoreError::Kind::Unreachable);
    pg_result* result = m_db.checked(PQexec(m_db.m_conn, "COMMIT"), "COMMIT");
    // COMMIT of a transaction an error already aborted answers ROLLBACK, not an error.
    const bool rolledBack = std::strcmp(PQcmdStatus(result), "ROLLBACK") == 0;
    PQclear(result);
    if (rolledBack)
        throw StoreError("the transaction was rolled back by an earlier error", StoreError::Kind::Other);
}

void Transaction::rollback()
{
    if (m_done)
        return;
    m_done = true;
    --m_db.m_depth;
    if (PQstatus(m_db.m_conn) != CONNECTION_OK)
        return;
    if (m_nested) {
        m_db.exec("ROLLBACK TO SAVEPOINT " + m_savepoint);
        m_db.exec("RELEASE SAVEPOINT " + m_savepoint);
    } else {
        m_db.exec("ROLLBACK");
    }
}

} // namespace shouwang::pg
