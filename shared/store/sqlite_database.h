#pragma once

#include "database.h"

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;

namespace shouwang {

// A ledger file: the only owner of a sqlite3 handle, and nothing outside store/ sees SQLite.
// Every replica's database, and the county server's.
class SqliteDatabase final : public Database {
public:
    enum class Durability { Normal, Full };

    explicit SqliteDatabase(const std::string& path, Durability durability = Durability::Normal);
    ~SqliteDatabase() override;

    void exec(std::string_view sql) override;
    Statement prepare(std::string_view sql) override;
    int changes() const override;
    bool inTransaction() const override;
    const std::string& path() const override { return m_path; }
    Dialect dialect() const override { return Dialect::Sqlite; }
    // Writes the whole database as it stands at one moment to a new file at `path`
    // (VACUUM INTO): a copy to work on that leaves this one untouched.
    void copyTo(const std::string& path);

private:
    void begin(Transaction::Mode mode) override;
    void commitTransaction() override;
    void rollbackTransaction() override;

    sqlite3* m_db = nullptr;
    std::string m_path;
};

} // namespace shouwang
