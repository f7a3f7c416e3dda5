#pragma once

// A ledger file of its own per test, and valid ID numbers, for the exchange tests.

#include "domain/idcard.h"
#include "store/database.h"
#include "store/ledger.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace shouwang::test {

class TempLedger {
public:
    TempLedger()
    {
        static int counter = 0;
        m_dir = std::filesystem::temp_directory_path()
            / ("shouwang-csv-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + "-"
               + std::to_string(++counter));
        std::filesystem::create_directories(m_dir);
        m_db = openLedgerDatabase(path());
        m_ledger = std::make_unique<Ledger>(*m_db);
    }
    ~TempLedger()
    {
        m_ledger.reset();
        m_db.reset();
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }
    TempLedger(const TempLedger&) = delete;
    TempLedger& operator=(const TempLedger&) = delete;
    Ledger& ledger() { return *m_ledger; }
    Database& db() { return *m_db; }
    std::filesystem::path dir() const { return m_dir; }
    std::string path() const { return (m_dir / "ledger.db").string(); }
    std::string file(const std::string& name) const { return (m_dir / name).string(); }

private:
    std::filesystem::path m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Ledger> m_ledger;
};

// A valid 身份证号 issued in 开州区 (500154): birth YYYYMMDD, 3-digit sequence, check digit.
inline std::string validId(std::string_view birth, std::string_view sequence)
{
    std::string id = "500154" + std::string(birth) + std::string(sequence);
    return id + idCheckDigit(id);
}

} // namespace shouwang::test
