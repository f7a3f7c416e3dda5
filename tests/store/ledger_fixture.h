#pragma once

#include "../support/temp_dir.h"
#include "../support/test_county_store.h"

#include "store/ledger.h"

#include <memory>

namespace shouwang::test {

inline constexpr const char* kVillage = "500154101001"; // 开州区 汉丰街道, a real code
inline constexpr const char* kOtherVillage = "500154101002";

// A ledger on a real SQLite file in a temp folder, or (SHOUWANG_TEST_BACKEND=postgresql)
// on a new database of the tests' own PostgreSQL.
struct LedgerFixture {
    TempDir dir;
    std::unique_ptr<Database> db = openTestLedger(dir.file("ledger.db"));
    Ledger ledger{*db};

    Record elder(const std::string& name, const std::string& idNumber, const std::string& living = "spouse")
    {
        Record r;
        r.entity = "elder";
        r.villageCode = kVillage;
        r.set("name", name);
        r.set("id_number", idNumber);
        r.set("living", living);
        r.set("status", "active");
        return r;
    }

    Record saved(Record r)
    {
        const SaveResult result = ledger.save(r, "测试员");
        if (!result.ok()) {
            std::string why = result.message;
            for (const auto& e : result.errors)
                why += " " + e.field + ": " + e.message;
            throw std::runtime_error("save refused: " + r.entity + why);
        }
        return r;
    }
};

} // namespace shouwang::test
