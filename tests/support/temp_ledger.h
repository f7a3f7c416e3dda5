#pragma once

#include "temp_dir.h"

#include "store/ledger.h"

#include <filesystem>
#include <memory>
#include <string>

namespace shouwang::test {

// A fresh ledger file (ledger.db) in its own temporary folder, removed afterwards: the one
// throw-away ledger for tests that need nothing more (store tests use LedgerFixture, which
// adds record helpers).
class TempLedger {
public:
    TempLedger()
        : m_db(openLedgerDatabase(m_dir.file("ledger.db")))
        , m_ledger(std::make_unique<Ledger>(*m_db))
    {
    }
    ~TempLedger()
    {
        m_ledger.reset(); // before the folder goes
        m_db.reset();
    }
    TempLedger(const TempLedger&) = delete;
    TempLedger& operator=(const TempLedger&) = delete;

    Ledger& ledger() { return *m_ledger; }
    Database& database() { return *m_db; }
    const std::filesystem::path& dir() const { return m_dir.path(); }
    std::string file(const std::string& name) const { return m_dir.file(name); }

private:
    TempDir m_dir; // first: made before the file, removed after it is closed
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Ledger> m_ledger;
};

} // namespace shouwang::test
