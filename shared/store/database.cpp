#include "database.h"

#include "meta.h"

#include <sqlite3.h>

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

Statement& Database::cached(std::string_view sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end())
        it = m_cache.emplace(std::string(sql), prepare(sql)).first;
    it->second.reset();
    return it->second;
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
        Meta::dropAtCommit(m_db);
        m_db.begin(mode);
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
    m_db.dropSent();
    if (!m_nested) {
        Meta::dropAtCommit(m_db);
        m_db.rollbackTransaction();
        return;
    }
    try {
        m_db.exec("ROLLBACK TO " + m_savepoint);
        m_db.exec("RELEASE " + m_savepoint);
    } catch (const StoreError&) {
        // The connection rolled back on its own (e.g. after SQLITE_FULL): nothing to undo.
    }
}

void Transaction::commit()
{
    // Done only once it succeeded: a COMMIT that failed (SQLITE_BUSY, a lost connection)
    // leaves the transaction to be rolled back at scope exit.
    if (m_nested) {
        m_db.exec("RELEASE " + m_savepoint);
    } else {
        Meta::writeAtCommit(m_db);
        m_db.commitTransaction();
    }
    m_done = true;
}

} // namespace shouwang
