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

// At most this many statements wait in the pipeline unanswered: their answers, a few dozen
// bytes each, then always fit the sockets' buffers while the next ones are written.
constexpr int kMostSent = 256;

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
    settleSent();
    const std::string text(sql);
    PQclear(checked(PQexec(connection(), text.c_str()), text.substr(0, 80)));
}

bool Database::inTransaction() const
{
    if (m_sent > 0)
        return true; // statements are sent ahead only inside a transaction
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
    void send() override;
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
    // The bound values as libpq takes them: pointers into m_values, valid until a bind.
    struct Parameters {
        std::vector<const char*> values;
        std::vector<int> lengths;
    };
    Parameters parameters() const;
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
    // there is nothing to give back. Behind statements sent ahead it is left to the
    // connection's end: giving it back would need their answers, and a destructor cannot
    // report their failure.
    if (!m_db.m_closing && m_db.m_sent == 0 && m_generation == m_db.m_generation
        && PQstatus(m_db.m_conn) == CONNECTION_OK && PQtransactionStatus(m_db.m_conn) != PQTRANS_INERROR)
        PQclear(PQexec(m_db.m_conn, ("DEALLOCATE " + m_name).c_str()));
}

void PreparedStatement::prepareOnServer()
{
    m_db.settleSent();
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

PreparedStatement::Parameters PreparedStatement::parameters() const
{
    Parameters out;
    out.values.reserve(m_values.size());
    out.lengths.reserve(m_values.size());
    for (const auto& value : m_values) {
        out.values.push_back(value ? value->data() : nullptr);
        out.lengths.push_back(value ? static_cast<int>(value->size()) : 0);
    }
    return out;
}

void PreparedStatement::execute()
{
    pg_conn* conn = m_db.connection();
    if (m_generation != m_db.m_generation)
        prepareOnServer(); // the connection was opened again: its plans are gone
    PQclear(m_result);
    m_result = nullptr;
    const Parameters p = parameters();
    const int count = static_cast<int>(m_values.size());
    if (m_db.m_sent > 0) {
        // Behind statements sent ahead: this one goes with them, and one round trip answers all.
        m_db.sendAhead(m_name, m_sql, count, p.values.data(), p.lengths.data(), m_binary.data());
        m_result = m_db.settle(true);
    } else {
        m_result = m_db.checked(
            PQexecPrepared(conn, m_name.c_str(), count, p.values.data(), p.lengths.data(), m_binary.data(), 0),
            m_sql.substr(0, 80));
    }
    m_row = -1;
}

void PreparedStatement::send()
{
    if (!m_db.m_inTransaction) {
        while (step()) {}
        reset();
        return;
    }
    if (m_generation != m_db.m_generation)
        prepareOnServer();
    const Parameters p = parameters();
    m_db.sendAhead(m_name, m_sql, static_cast<int>(m_values.size()), p.values.data(), p.lengths.data(),
                   m_binary.data());
    reset();
    if (m_db.m_sent >= kMostSent)
        m_db.settle(false);
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

void Database::sendAhead(const std::string& name, std::string_view sql, int count, const char* const* values,
                         const int* lengths, const int* formats)
{
    pg_conn* conn = connection();
    if (m_sent == 0 && PQenterPipelineMode(conn) != 1)
        fail(conn, nullptr, "pipeline");
    if (PQsendQueryPrepared(conn, name.c_str(), count, values, lengths, formats, 0) != 1) {
        // Not sent (a connection lost, most likely): the pipeline is left as it was found.
        std::string why = PQerrorMessage(conn);
        if (m_sent > 0)
            dropSent();
        else
            PQexitPipelineMode(conn);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' '))
            why.pop_back();
        throw StoreError("send: " + why,
                         PQstatus(conn) == CONNECTION_OK ? StoreError::Kind::Other : StoreError::Kind::Unreachable);
    }
    ++m_sent;
    m_sentWhat.emplace_back(sql.substr(0, 80));
}

pg_result* Database::settle(bool read)
{
    pg_conn* conn = m_conn;
    const int sent = m_sent;
    m_sent = 0;
    std::vector<std::string> what = std::move(m_sentWhat);
    m_sentWhat.clear();
    pg_result* failed = nullptr;
    std::string failedWhat = "pipeline";
    pg_result* last = nullptr;
    bool lost = PQpipelineSync(conn) != 1;
    // Each statement's answer, then the end of its answers (a null); a statement after a
    // failure is answered "aborted". Then the synchronisation point's own answer.
    for (int i = 0; i < sent && !lost; ++i) {
        pg_result* result = PQgetResult(conn);
        if (!result) {
            lost = true;
            break;
        }
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_FATAL_ERROR && !failed) {
            failed = result;
            failedWhat = i < static_cast<int>(what.size()) ? what[static_cast<std::size_t>(i)] : "pipeline";
        } else if (read && i == sent - 1 && !failed && (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)) {
            last = result;
        } else {
            PQclear(result);
        }
        while (pg_result* more = PQgetResult(conn))
            PQclear(more);
    }
    if (!lost) {
        pg_result* sync = PQgetResult(conn);
        lost = !sync || PQresultStatus(sync) != PGRES_PIPELINE_SYNC;
        PQclear(sync);
    }
    if (!lost)
        lost = PQexitPipelineMode(conn) != 1;
    m_changes = 0;
    if (failed || lost) {
        PQclear(last);
        fail(conn, failed, failedWhat);
    }
    return read ? checked(last, what.empty() ? "pipeline" : what.back()) : nullptr;
}

void Database::dropSent() noexcept
{
    if (m_sent == 0)
        return;
    try {
        settle(false);
    } catch (const StoreError&) {
        // Their transaction or savepoint is being undone: what they did goes with it.
    }
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
    settleSent(); // their failure is the commit's
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
    dropSent();
    m_inTransaction = false;
    if (PQstatus(m_conn) == CONNECTION_OK)
        PQclear(PQexec(m_conn, "ROLLBACK"));
}

} // namespace shouwang::pg
